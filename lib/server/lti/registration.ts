import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { forgetPlatformOrigins } from "./frame-ancestors";
import { addPlatform, type LtiPlatformRecord } from "./platforms";
import {
  platformDisplayName,
  readPlatformConfiguration,
  readRegistrationResponse,
  toolRegistrationRequest,
  type PlatformConfiguration,
} from "./registration-document";

/**
 * LTI Dynamic Registration 1.0, the steps that talk to the platform: read its OpenID
 * configuration (§3.4), post Stride's registration to its registration endpoint with the
 * platform's registration token as a bearer token (§3.5), and keep what it answers (§3.6) as a
 * registered platform (platforms.ts). Who may do this is decided by the caller
 * (registration-request.ts). Every outgoing request: no redirects followed, 10 s at most, 1 MB of
 * answer at most.
 */

const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 1_000_000;

/** Why a registration step failed: the reason (serverErrors.lti.*) and, for the log only, the detail. */
export class RegistrationFailure extends Error {
  constructor(
    readonly reason:
      | "lti.configurationUnavailable"
      | "lti.configurationInvalid"
      | "lti.registrationRejected"
      | "lti.registrationNoDeployment"
      | "lti.platformExists",
    readonly detail: string,
    readonly status: number,
    /** The words of the reason's sentence (serverErrors.lti.*). */
    readonly params: Record<string, string> = {},
  ) {
    super(`${reason}: ${detail}`);
  }
}

type Fetch = typeof fetch;

async function readJsonAnswer(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length > MAX_ANSWER_BYTES) throw new Error("answer too large");
  return JSON.parse(text) as unknown;
}

/** §3.4: GET the platform's OpenID configuration and check it (registration-document.ts). */
export async function fetchPlatformConfiguration({
  configurationUrl,
  allowInsecureLoopback,
  fetchImpl = fetch,
}: {
  configurationUrl: string;
  allowInsecureLoopback: boolean;
  fetchImpl?: Fetch;
}): Promise<PlatformConfiguration> {
  let document: unknown;
  try {
    const response = await fetchImpl(configurationUrl, { headers: { accept: "application/json" }, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new RegistrationFailure("lti.configurationUnavailable", `GET ${configurationUrl} answered ${response.status}`, 502);
    try {
      document = await readJsonAnswer(response);
    } catch (error) {
      throw new RegistrationFailure("lti.configurationInvalid", `GET ${configurationUrl}: not JSON (${(error as Error).message})`, 502);
    }
  } catch (error) {
    if (error instanceof RegistrationFailure) throw error;
    throw new RegistrationFailure("lti.configurationUnavailable", `GET ${configurationUrl}: ${(error as Error).message}`, 502);
  }
  const read = readPlatformConfiguration(document, { configurationUrl, allowInsecureLoopback });
  if (!read.ok) throw new RegistrationFailure("lti.configurationInvalid", read.problems.join("; "), 502);
  return read.configuration;
}

/**
 * §3.5 and §3.6: posts Stride's registration, then registers the platform with the client id and
 * deployment id it answered. A refusal by the platform, an answer without a client id or without
 * a deployment, or a platform already registered with that client id is a RegistrationFailure.
 */
export async function registerWithPlatform({
  db,
  configuration,
  registrationToken,
  baseUrl,
  allowInsecureLoopback,
  fetchImpl = fetch,
}: {
  db: PrismaClient;
  configuration: PlatformConfiguration;
  /** The platform's registration_token (§3.3), when it gave one. */
  registrationToken: string | null;
  baseUrl: string;
  allowInsecureLoopback: boolean;
  fetchImpl?: Fetch;
}): Promise<LtiPlatformRecord> {
  const endpoint = configuration.registrationEndpoint;
  let answer: unknown;
  try {
    const response = await fetchImpl(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(registrationToken ? { authorization: `Bearer ${registrationToken}` } : {}) },
      body: JSON.stringify(toolRegistrationRequest(baseUrl)),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new RegistrationFailure("lti.registrationRejected", `POST ${endpoint} answered ${response.status}: ${text.slice(0, 500)}`, 502);
    answer = JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof RegistrationFailure) throw error;
    throw new RegistrationFailure("lti.registrationRejected", `POST ${endpoint}: ${(error as Error).message}`, 502);
  }
  const read = readRegistrationResponse(answer);
  if (!read.ok) throw new RegistrationFailure("lti.registrationRejected", read.problems.join("; "), 502);
  if (!read.deploymentId) throw new RegistrationFailure("lti.registrationNoDeployment", `the platform answered client_id ${read.clientId} without a deployment_id`, 502, { clientId: read.clientId });
  try {
    const platform = await addPlatform({
      db,
      allowInsecureLoopback,
      input: {
        issuer: configuration.issuer,
        clientId: read.clientId,
        name: platformDisplayName(configuration),
        authLoginUrl: configuration.authorizationEndpoint,
        accessTokenUrl: configuration.tokenEndpoint,
        jwksUrl: configuration.jwksUri,
        deploymentIds: [read.deploymentId],
      },
    });
    forgetPlatformOrigins();
    return platform;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") throw new RegistrationFailure("lti.platformExists", error.message, 409, { issuer: configuration.issuer, clientId: read.clientId });
    if (error instanceof AppError && error.code === "BAD_INPUT") throw new RegistrationFailure("lti.registrationRejected", error.message, 502);
    throw error;
  }
}
