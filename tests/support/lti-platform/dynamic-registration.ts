import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { mediaTypeOf, readJson, sendJson, sendText } from "./http-io";
import type { TestPlatform } from "./platform";
import { ALL_SCOPES, PLATFORM_CONFIGURATION, TOOL_CONFIGURATION } from "./vocabulary";

/** One registration the tool posted, and the platform's answer. */
export interface RegistrationRecord {
  at: Date;
  /** The bearer token it came with ("" when none). */
  token: string;
  body: unknown;
  /** What the platform found wrong; empty when it registered the tool. */
  problems: string[];
  /** The status the platform answered with. */
  status: number;
  /** The registration the platform answered with, when it accepted. */
  response?: Record<string, unknown>;
}

/**
 * Dynamic Registration 1.0 §3.4: the platform's OpenID configuration, with the LTI platform
 * configuration claim (product, version, the messages it can send).
 */
export function platformConfiguration(platform: TestPlatform): Record<string, unknown> {
  return {
    issuer: platform.issuer,
    authorization_endpoint: platform.urls.authorization,
    registration_endpoint: platform.urls.registration,
    jwks_uri: platform.urls.jwks,
    token_endpoint: platform.urls.token,
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", ...ALL_SCOPES],
    response_types_supported: ["id_token"],
    subject_types_supported: ["public", "pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    claims_supported: ["sub", "iss", "name", "given_name", "family_name", "email", "locale"],
    [PLATFORM_CONFIGURATION]: {
      product_family_code: "stride-test-platform",
      version: "1.0",
      messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest", placements: ["ContentArea"] }],
      variables: [],
    },
  };
}

/** Dynamic Registration 1.0 §3.5.1 and §3.5.2: the checks on the tool's registration request. */
export function checkRegistrationRequest(body: unknown): string[] {
  if (typeof body !== "object" || body === null) return ["body is not a JSON object"];
  const value = body as Record<string, unknown>;
  const problems: string[] = [];
  const isUrl = (candidate: unknown) => typeof candidate === "string" && URL.canParse(candidate);
  const strings = (candidate: unknown) => (Array.isArray(candidate) ? candidate.filter((entry): entry is string => typeof entry === "string") : []);
  if (value.application_type !== "web") problems.push("application_type must be web");
  if (!strings(value.response_types).includes("id_token")) problems.push("response_types must include id_token");
  const grants = strings(value.grant_types);
  if (!grants.includes("implicit") || !grants.includes("client_credentials")) problems.push("grant_types must include implicit and client_credentials");
  if (!isUrl(value.initiate_login_uri)) problems.push("initiate_login_uri must be a URL");
  const redirects = strings(value.redirect_uris);
  if (redirects.length === 0 || !redirects.every(isUrl)) problems.push("redirect_uris must be a non-empty list of URLs");
  if (typeof value.client_name !== "string" || value.client_name === "") problems.push("client_name is missing");
  if (!isUrl(value.jwks_uri)) problems.push("jwks_uri must be a URL");
  if (value.token_endpoint_auth_method !== "private_key_jwt") problems.push("token_endpoint_auth_method must be private_key_jwt");
  if (value.scope !== undefined && typeof value.scope !== "string") problems.push("scope must be a space-separated string");
  const tool = value[TOOL_CONFIGURATION] as Record<string, unknown> | undefined;
  if (typeof tool !== "object" || tool === null) {
    problems.push(`${TOOL_CONFIGURATION} is missing`);
    return problems;
  }
  if (typeof tool.domain !== "string" || tool.domain === "") problems.push("tool configuration domain is missing");
  if (!isUrl(tool.target_link_uri)) problems.push("tool configuration target_link_uri must be a URL");
  if (tool.claims !== undefined && !Array.isArray(tool.claims)) problems.push("tool configuration claims must be a list");
  if (tool.messages !== undefined) {
    const messages = Array.isArray(tool.messages) ? tool.messages : [];
    if (!Array.isArray(tool.messages) || messages.some((message) => typeof (message as { type?: unknown })?.type !== "string")) problems.push("tool configuration messages must each have a type");
  }
  return problems;
}

/** GET the OpenID configuration. Open to anyone, as Dynamic Registration §3.4 allows. */
export function handleOpenIdConfiguration(platform: TestPlatform, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET") return sendText(res, 405, "GET");
  sendJson(res, 200, platformConfiguration(platform));
}

/**
 * POST a registration (Dynamic Registration 1.0 §3.5): needs a registration token the platform
 * issued and nobody used, as a bearer token. On success the tool is this platform's client: its
 * JWKS, redirect URIs and login URL are taken, and the answer echoes the request with client_id
 * and the tool configuration's deployment_id (§3.6).
 */
export async function handleRegistration(platform: TestPlatform, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "POST") return sendText(res, 405, "POST");
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
  const body = mediaTypeOf(req) === "application/json" ? await readJson(req) : undefined;
  const record: RegistrationRecord = { at: platform.now(), token, body, problems: [], status: 200 };
  platform.registrationRequests.push(record);
  if (!platform.registrationTokens.has(token)) {
    record.problems.push(token ? "registration token unknown or used" : "no registration token");
    record.status = 401;
    return sendJson(res, 401, { error: "invalid_token", error_description: record.problems[0] });
  }
  record.problems.push(...checkRegistrationRequest(body));
  if (record.problems.length > 0) {
    record.status = 400;
    return sendJson(res, 400, { error: "invalid_client_metadata", error_description: record.problems.join("; ") });
  }
  platform.registrationTokens.delete(token);
  const request = body as Record<string, unknown>;
  const tool = request[TOOL_CONFIGURATION] as Record<string, unknown>;
  platform.setToolJwksUrl(request.jwks_uri as string);
  platform.setRedirectUris(request.redirect_uris as string[]);
  platform.toolLoginUrl = request.initiate_login_uri as string;
  platform.toolTargetLinkUri = tool.target_link_uri as string;
  record.response = { ...request, client_id: platform.clientId, [TOOL_CONFIGURATION]: { ...tool, deployment_id: platform.deploymentId } };
  sendJson(res, 200, record.response);
}

export function newRegistrationToken(): string {
  return `registration-${randomBytes(16).toString("base64url")}`;
}
