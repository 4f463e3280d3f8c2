import "server-only";
import { decodeJwt, type JWTVerifyGetKey } from "jose";
import type { PrismaClient } from "@/lib/db";
import type { Auth } from "../auth/create-auth";
import type { Logger } from "../observability/logger";
import type { RequestLimiter } from "../rate-limit/request-limiter";
import { CLAIM } from "./claims";
import { checkLaunchBrowser } from "./launch-browser";
import { limitLtiRequest } from "./launch-limit";
import { failurePage, pageLocaleOf, refusalPage } from "./launch-page";
import { LaunchRefusal } from "./launch-refusal";
import { handleLaunchRequest } from "./launch-request";
import type { LtiPlatformRecord } from "./platforms";
import { readForm } from "./read-form";

/** The platform's locale as the (not yet verified) id_token states it: it only picks the words of a page. */
function claimedLocale(idToken: string | null): string | undefined {
  if (!idToken) return undefined;
  try {
    const payload = decodeJwt(idToken);
    const presentation = payload[CLAIM.launchPresentation] as { locale?: unknown } | undefined;
    const locale = typeof payload.locale === "string" ? payload.locale : presentation?.locale;
    return typeof locale === "string" ? locale : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POST /lti/launch as the route serves it: the address's request limit (launch-limit.ts), then the
 * check that this browser started the launch's login (launch-browser.ts: its state cookie, or the
 * platform's storage read back by a page), and only then the launch itself (launch-request.ts:
 * the state claimed, the id_token verified, the person provisioned, the session opened), whose
 * answer also expires the spent state cookie. Every refusal here is logged like the launch's own
 * (event lti.launch.refused with its reason; lti.launch.rateLimited for 429).
 */
export async function handleLaunchPost({
  request,
  db,
  auth,
  baseUrl,
  logger,
  limiter,
  ip = null,
  now = new Date(),
  keySetOf,
}: {
  request: Request;
  db: PrismaClient;
  auth: Auth;
  baseUrl: string;
  logger: Logger;
  limiter?: RequestLimiter;
  ip?: string | null;
  now?: Date;
  keySetOf?: (platform: LtiPlatformRecord) => JWTVerifyGetKey;
}): Promise<Response> {
  const limited = await limitLtiRequest({ limiter, ip, locale: pageLocaleOf({ headers: request.headers }), logger, event: "lti.launch.rateLimited" });
  if (limited) return limited;

  // The launch reads the body again: this reads a copy.
  const form = await readForm(request.clone());
  const locale = pageLocaleOf({ headers: request.headers, platformLocale: claimedLocale(form.get("id_token")) });
  const state = form.get("state");
  let spentCookies: string[] = [];
  // A launch without a state or token, or the platform's error answer, is the launch's to refuse (and name).
  if (state && form.get("id_token") && !form.get("error")) {
    try {
      const browser = await checkLaunchBrowser({ request, form, state, db, baseUrl, locale, now });
      if (browser.kind === "page") {
        logger.info({ event: "lti.launch.storageCheck" }, "LTI launch: reading the state back from the platform's storage");
        return browser.response;
      }
      if (browser.kind === "bound") {
        spentCookies = browser.setCookies;
        logger.info({ event: "lti.launch.browserBound", by: browser.by }, "LTI launch: the browser is the login's");
      }
    } catch (error) {
      if (!(error instanceof LaunchRefusal)) {
        logger.error({ event: "lti.launch.failed", err: error }, "LTI launch failed");
        return failurePage({ locale });
      }
      logger.warn({ event: "lti.launch.refused", reason: error.reason, detail: error.message }, "LTI launch refused");
      return refusalPage({ refusal: error, locale });
    }
  }
  const response = await handleLaunchRequest({ request, db, auth, baseUrl, logger, now, keySetOf });
  if (response.status === 303) for (const cookie of spentCookies) response.headers.append("set-cookie", cookie);
  return response;
}
