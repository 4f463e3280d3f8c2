import "server-only";
import type { PrismaClient } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { Auth } from "../auth/create-auth";
import { isOwnOrigin } from "../auth/origins";
import type { Logger } from "../observability/logger";
import type { RequestLimiter } from "../rate-limit/request-limiter";
import { limitLtiRequest } from "./launch-limit";
import { newWindowPage, pageLocaleOf, refusalPage } from "./launch-page";
import { LaunchRefusal } from "./launch-refusal";
import { openLaunchSession } from "./launch-session";
import { peekLaunchTicket, redeemLaunchTicket } from "./launch-ticket";
import { landingOf } from "./link-choice";
import { readForm } from "./read-form";

function localeOf(value: string, headers: Headers): Locale {
  return isLocale(value) ? value : pageLocaleOf({ headers });
}

function seeOther(baseUrl: string, target: string, setCookies: readonly string[] = []): Response {
  const response = new Response(null, { status: 303, headers: { location: new URL(target, baseUrl).href, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
  for (const cookie of setCookies) response.headers.append("set-cookie", cookie);
  return response;
}

function refused(refusal: LaunchRefusal, request: Request, logger: Logger): Response {
  logger.warn({ event: "lti.launch.refused", reason: refusal.reason, detail: refusal.message }, "LTI launch continuation refused");
  return refusalPage({ refusal, locale: pageLocaleOf({ headers: request.headers }) });
}

/**
 * GET /lti/launch/continue?ticket=…, where a launch sends the browser after setting its session
 * cookie: the cookie came back (the browser kept it, in the LMS's frame or a window), so the
 * ticket is spent and the person goes on to the launch's target; or it did not (the frame blocks
 * every third-party cookie), and the page offers "Open Stride in a new window" (launch-page.ts).
 * Counted in the address's LTI request limit (launch-limit.ts) like the login and the launch.
 */
export async function handleContinueRequest({
  request,
  db,
  auth,
  baseUrl,
  logger,
  limiter,
  ip = null,
  now = new Date(),
}: {
  request: Request;
  db: PrismaClient;
  auth: Auth;
  baseUrl: string;
  logger: Logger;
  limiter?: RequestLimiter;
  ip?: string | null;
  now?: Date;
}): Promise<Response> {
  const limited = await limitLtiRequest({ limiter, ip, locale: pageLocaleOf({ headers: request.headers }), logger, event: "lti.continue.rateLimited" });
  if (limited) return limited;
  const ticket = new URL(request.url).searchParams.get("ticket") ?? "";
  const launch = await peekLaunchTicket({ db, ticket, now });
  if (!launch) return refused(new LaunchRefusal("lti.launch.ticketExpired"), request, logger);
  const session = await auth.api.getSession({ headers: request.headers, query: { disableCookieCache: true } });
  if (session?.user.id === launch.userId) {
    await redeemLaunchTicket({ db, ticket, now });
    // An instructor who may link one of their courses to this new LMS course chooses first (link-choice.ts).
    return seeOther(baseUrl, await landingOf({ db, userId: launch.userId, target: launch.target, now }));
  }
  logger.info({ event: "lti.launch.cookieBlocked", userId: launch.userId }, "LTI launch: no session cookie came back; offering a new window");
  return newWindowPage({ locale: localeOf(launch.locale, request.headers), ticket });
}

/**
 * POST /lti/launch/continue (the new-window button): the ticket, used once, opens a session in
 * this first-party window. Only a form on Stride's own pages may post it (the Origin header), so
 * another site cannot sign a visitor into the account of a ticket it obtained. Counted in the
 * address's LTI request limit (launch-limit.ts).
 */
export async function handleContinuePost({
  request,
  db,
  auth,
  baseUrl,
  trustedOrigins = [],
  logger,
  limiter,
  ip = null,
  now = new Date(),
}: {
  request: Request;
  db: PrismaClient;
  auth: Auth;
  baseUrl: string;
  /** Other origins of this same server (lib/server/auth/origins.ts: localhost and 127.0.0.1 on a laptop). */
  trustedOrigins?: readonly string[];
  logger: Logger;
  limiter?: RequestLimiter;
  ip?: string | null;
  now?: Date;
}): Promise<Response> {
  const limited = await limitLtiRequest({ limiter, ip, locale: pageLocaleOf({ headers: request.headers }), logger, event: "lti.continue.rateLimited" });
  if (limited) return limited;
  const origin = request.headers.get("origin");
  if (!isOwnOrigin(origin, baseUrl, trustedOrigins)) return refused(new LaunchRefusal("lti.launch.crossSiteTicket", `origin ${String(origin).slice(0, 200)}`), request, logger);
  const form = await readForm(request);
  const launch = await redeemLaunchTicket({ db, ticket: form.get("ticket") ?? "", now });
  if (!launch) return refused(new LaunchRefusal("lti.launch.ticketExpired"), request, logger);
  const session = await openLaunchSession({
    auth,
    userId: launch.userId,
    locale: launch.locale,
    baseUrl,
    framed: false,
    ipAddress: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim(),
    userAgent: request.headers.get("user-agent"),
  });
  logger.info({ event: "lti.launch.newWindow", userId: launch.userId }, "LTI launch continued in a new window");
  return seeOther(baseUrl, await landingOf({ db, userId: launch.userId, target: launch.target, now }), session.setCookies);
}
