import "server-only";
import type { Logger } from "pino";
import type { PrismaClient } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import type { Auth } from "../auth/create-auth";
import { isOwnOrigin } from "../auth/origins";
import { pageLocaleOf } from "./launch-page";
import { platformUrlProblem } from "./platform-input";
import { fetchPlatformConfiguration, registerWithPlatform, RegistrationFailure } from "./registration";
import { platformDisplayName } from "./registration-document";
import { confirmationPage, registeredPage, registrationFailurePage, registrationRefusedPage, type RegistrationParameters } from "./registration-page";
import { claimRegistrationToken, registrationTokenUsable, releaseRegistrationToken } from "./registration-tokens";
import { readForm } from "./read-form";

/**
 * /lti/register: LTI Dynamic Registration 1.0 as the tool (DESIGN.md, "LMS (contract)"). The LMS
 * opens it with `openid_configuration` and usually `registration_token` (§3.3).
 *
 * Who may register (issue 15): an admin signed in (User.role "admin"), or whoever holds a
 * one-time registration token Stride issued (`stride_token`, in the URL an admin pasted or typed
 * into the form the refusal offers). Nobody else: without either, Stride does not even read the
 * platform's configuration. GET checks that, reads the platform's configuration and shows its
 * name and issuer with a button; the button's POST checks again (the token is taken there, once;
 * an admin's post must come from Stride's own page, its Origin), registers, and ends on the page
 * that tells the LMS to close its dialog (§3.7). A token whose registration fails is given back.
 */

export interface RegistrationRequestOptions {
  request: Request;
  db: PrismaClient;
  auth: Auth;
  baseUrl: string;
  /** Other origins of this same server (localhost and 127.0.0.1 on a laptop) whose forms may post. */
  trustedOrigins?: readonly string[];
  logger: Logger;
  allowInsecureLoopback: boolean;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

interface Refusal {
  reason: string;
  status: number;
  params?: Record<string, string>;
  detail?: string;
  offerAuthority?: boolean;
}

function parametersOf(fields: URLSearchParams): RegistrationParameters {
  const text = (name: string) => {
    const value = fields.get(name)?.trim();
    return value ? value.slice(0, 4096) : null;
  };
  return { openidConfiguration: text("openid_configuration") ?? "", registrationToken: text("registration_token"), strideToken: text("stride_token") };
}

/** The signed-in admin (read from the database, so a role just granted or taken counts), or null. */
async function adminOf(auth: Auth, headers: Headers): Promise<{ id: string; email: string } | null> {
  if (!headers.get("cookie")) return null;
  const session = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  const user = session?.user as { id: string; email: string; role?: string | null } | undefined;
  return user && user.role === "admin" ? { id: user.id, email: user.email } : null;
}

function refuse(options: RegistrationRequestOptions, locale: Locale, parameters: RegistrationParameters, refusal: Refusal): Response {
  options.logger.warn({ event: "lti.registration.refused", reason: refusal.reason, detail: refusal.detail, configuration: parameters.openidConfiguration.slice(0, 300) }, "LTI registration refused");
  return registrationRefusedPage({
    locale,
    nonce: options.request.headers.get("x-nonce"),
    reason: refusal.reason,
    params: refusal.params,
    status: refusal.status,
    ...(refusal.offerAuthority ? { offerAuthority: parameters } : {}),
  });
}

/** The configuration URL's problem (missing, not https), or null. */
function urlRefusal(parameters: RegistrationParameters, allowInsecureLoopback: boolean): Refusal | null {
  if (!parameters.openidConfiguration) return { reason: "lti.registrationUrlMissing", status: 400 };
  const problem = platformUrlProblem(parameters.openidConfiguration, { allowInsecureLoopback });
  return problem ? { reason: "lti.registrationUrlInsecure", status: 400, detail: problem } : null;
}

function failureRefusal(failure: RegistrationFailure): Refusal {
  return { reason: failure.reason, status: failure.status, detail: failure.detail, params: failure.params };
}

/** GET: who asks, what the platform is, and the confirmation. */
export async function handleRegistrationRequest(options: RegistrationRequestOptions): Promise<Response> {
  const { request, db, auth, logger, allowInsecureLoopback } = options;
  const locale = pageLocaleOf({ headers: request.headers });
  const nonce = request.headers.get("x-nonce");
  const parameters = parametersOf(new URL(request.url).searchParams);
  try {
    const badUrl = urlRefusal(parameters, allowInsecureLoopback);
    if (badUrl) return refuse(options, locale, parameters, badUrl);
    let adminEmail: string | null = null;
    if (parameters.strideToken) {
      const usable = await registrationTokenUsable({ db, token: parameters.strideToken, now: options.now?.() });
      if (!usable) return refuse(options, locale, { ...parameters, strideToken: null }, { reason: "lti.registrationTokenInvalid", status: 403, offerAuthority: true });
    } else {
      const admin = await adminOf(auth, request.headers);
      if (!admin) return refuse(options, locale, parameters, { reason: "lti.registrationNotAllowed", status: 401, offerAuthority: true });
      adminEmail = admin.email;
    }
    const configuration = await fetchPlatformConfiguration({ configurationUrl: parameters.openidConfiguration, allowInsecureLoopback, fetchImpl: options.fetchImpl });
    return confirmationPage({ locale, nonce, parameters, platformName: platformDisplayName(configuration), issuer: configuration.issuer, adminEmail });
  } catch (error) {
    if (error instanceof RegistrationFailure) return refuse(options, locale, parameters, failureRefusal(error));
    logger.error({ event: "lti.registration.failed", err: error }, "LTI registration failed");
    return registrationFailurePage({ locale, nonce });
  }
}

/** POST (the confirmation's button): authority checked again, then the registration itself. */
export async function handleRegistrationPost(options: RegistrationRequestOptions): Promise<Response> {
  const { request, db, auth, baseUrl, logger, allowInsecureLoopback } = options;
  const locale = pageLocaleOf({ headers: request.headers });
  const nonce = request.headers.get("x-nonce");
  const parameters = parametersOf(await readForm(request));
  let claimedTokenId: string | null = null;
  try {
    const badUrl = urlRefusal(parameters, allowInsecureLoopback);
    if (badUrl) return refuse(options, locale, parameters, badUrl);
    let by: string;
    if (parameters.strideToken) {
      claimedTokenId = await claimRegistrationToken({ db, token: parameters.strideToken, now: options.now?.() });
      if (!claimedTokenId) return refuse(options, locale, { ...parameters, strideToken: null }, { reason: "lti.registrationTokenInvalid", status: 403, offerAuthority: true });
      by = `token ${claimedTokenId}`;
    } else {
      const origin = request.headers.get("origin");
      const sameSite = isOwnOrigin(origin, baseUrl, options.trustedOrigins);
      const admin = sameSite ? await adminOf(auth, request.headers) : null;
      if (!admin) return refuse(options, locale, parameters, { reason: "lti.registrationNotAllowed", status: sameSite ? 401 : 403, detail: sameSite ? undefined : `origin ${String(origin).slice(0, 200)}`, offerAuthority: true });
      by = `admin ${admin.id}`;
    }
    const configuration = await fetchPlatformConfiguration({ configurationUrl: parameters.openidConfiguration, allowInsecureLoopback, fetchImpl: options.fetchImpl });
    const platform = await registerWithPlatform({ db, configuration, registrationToken: parameters.registrationToken, baseUrl, allowInsecureLoopback, fetchImpl: options.fetchImpl });
    logger.info({ event: "lti.registration.done", issuer: platform.issuer, clientId: platform.clientId, deploymentIds: platform.deploymentIds, by }, "LTI platform registered");
    return registeredPage({ locale, nonce, platformName: platform.name, clientId: platform.clientId, deploymentId: platform.deploymentIds[0] ?? "" });
  } catch (error) {
    if (claimedTokenId) await releaseRegistrationToken({ db, id: claimedTokenId }).catch(() => undefined);
    if (error instanceof RegistrationFailure) {
      return refuse(options, locale, parameters, failureRefusal(error));
    }
    logger.error({ event: "lti.registration.failed", err: error }, "LTI registration failed");
    return registrationFailurePage({ locale, nonce });
  }
}
