import "server-only";
import type { PrismaClient } from "@/lib/db";
import type { Logger } from "../observability/logger";
import type { RequestLimiter } from "../rate-limit/request-limiter";
import { stateCookie } from "./launch-browser";
import { limitLtiRequest } from "./launch-limit";
import { failurePage, pageLocaleOf, refusalPage } from "./launch-page";
import { LaunchRefusal } from "./launch-refusal";
import { readForm } from "./read-form";
import { LOGIN_STATE_SECONDS, startLogin } from "./start-login";
import { storageLoginPage } from "./storage-pages";

/**
 * /lti/login, GET or POST (LTI 1.3 Core §5.1.1.1 allows both): the login initiation's parameters
 * from the query or the form, answered with a 302 to the platform's authorization endpoint (no
 * JavaScript needed), or, when the platform offers LTI storage, a page that stores the state with
 * it and then goes there; either way with the state cookie (launch-browser.ts). Or a refusal page,
 * or 429 past the address's limit (launch-limit.ts); each logged with its reason.
 */
export async function handleLoginRequest({
  request,
  db,
  baseUrl,
  logger,
  limiter,
  ip = null,
  now = new Date(),
}: {
  request: Request;
  db: PrismaClient;
  baseUrl: string;
  logger: Logger;
  /** The LTI routes' request limiter (launch-limit.ts); none, no limit. */
  limiter?: RequestLimiter;
  /** The client's address (request-identity.ts), which the limit counts. */
  ip?: string | null;
  now?: Date;
}): Promise<Response> {
  const limited = await limitLtiRequest({ limiter, ip, locale: pageLocaleOf({ headers: request.headers }), logger, event: "lti.login.rateLimited" });
  if (limited) return limited;
  const params = request.method === "POST" ? await readForm(request) : new URL(request.url).searchParams;
  try {
    const login = await startLogin({ db, params, baseUrl, now });
    const cookie = stateCookie({ state: login.state, baseUrl, maxAgeSeconds: LOGIN_STATE_SECONDS });
    logger.info({ event: "lti.login", platformId: login.platformId, platformStorage: login.storageTarget !== null }, "LTI login initiation");
    if (login.storageTarget) {
      const page = storageLoginPage({
        locale: pageLocaleOf({ headers: request.headers }),
        request,
        state: login.state,
        nonce: login.nonce,
        platformOrigin: login.platformOrigin,
        storageTarget: login.storageTarget,
        redirectTo: login.redirectTo,
      });
      page.headers.append("set-cookie", cookie);
      return page;
    }
    return new Response(null, { status: 302, headers: { location: login.redirectTo, "cache-control": "no-store", "set-cookie": cookie } });
  } catch (error) {
    if (!(error instanceof LaunchRefusal)) {
      logger.error({ event: "lti.login.failed", err: error }, "LTI login initiation failed");
      return failurePage({ locale: pageLocaleOf({ headers: request.headers }) });
    }
    logger.warn({ event: "lti.login.refused", reason: error.reason, detail: error.message, issuer: params.get("iss")?.slice(0, 200) }, "LTI login initiation refused");
    return refusalPage({ refusal: error, locale: pageLocaleOf({ headers: request.headers }) });
  }
}
