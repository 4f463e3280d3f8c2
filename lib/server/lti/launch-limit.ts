import "server-only";
import { createTranslator } from "use-intl";
import type { PrismaClient } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";
import { AppError } from "../errors";
import type { Logger } from "../observability/logger";
import { createRequestLimiter, type RequestLimiter } from "../rate-limit/request-limiter";

/**
 * How often one address may hit /lti/login and /lti/launch and the launch's own steps
 * (/lti/launch/continue, /lti/launch/link, /lti/deep-link/respond): counted
 * by the app's request limiter (lib/server/rate-limit: rows in request_limits, shared by every app
 * process), under keys of their own (`anon:lti:<address>`), so API calls and launches do not eat
 * each other's budget. Generous: a lecture hall behind one NAT address opening the same activity
 * at once makes three or four requests per person (login, launch, its continuation, maybe the
 * storage check).
 */
export const LTI_LIMITS = { windowSeconds: 60, points: 1200 } as const;

export interface LtiLimits {
  windowSeconds: number;
  points: number;
}

export function createLtiLimiter({ db, limits = LTI_LIMITS }: { db: PrismaClient; limits?: LtiLimits }): RequestLimiter {
  return createRequestLimiter({
    db,
    // Only the anonymous budget is used: LTI requests are counted by address, before anyone is known.
    limits: { windowSeconds: limits.windowSeconds, userPoints: limits.points, ipPoints: limits.points, anonymousPoints: limits.points },
  });
}

const limiters = new WeakMap<PrismaClient, RequestLimiter>();

/** The LTI routes' limiter of the app's database; one per client. */
export function ltiLimiterFor(db: PrismaClient): RequestLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = createLtiLimiter({ db });
    limiters.set(db, limiter);
  }
  return limiter;
}

/**
 * Counts one LTI request of `ip`; null when it may go on, else the 429 page (in the person's
 * language, with Retry-After), logged as `<event>` with the address. No address (an in-process
 * caller) is not counted; a limiter that fails lets the request through (logged).
 */
export async function limitLtiRequest({
  limiter,
  ip,
  locale,
  logger,
  event,
}: {
  limiter: RequestLimiter | undefined;
  ip: string | null;
  locale: Locale;
  logger: Logger;
  /** "lti.login.rateLimited", "lti.launch.rateLimited", "lti.continue.rateLimited", "lti.linkChoice.rateLimited" or "lti.deepLink.rateLimited". */
  event: string;
}): Promise<Response | null> {
  if (!limiter || !ip) return null;
  try {
    await limiter.charge({ userId: null, ip: `lti:${ip}`, cost: 1 });
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "RATE_LIMITED") {
      // The limiter answers from memory when the database fails (its insurance limiter), so this
      // is a bug of ours: logged, and the launch goes on rather than failing for everyone.
      logger.error({ event: `${event}.failed`, err: error }, "LTI request limit could not be counted");
      return null;
    }
    const seconds = error.retryAfterSeconds ?? LTI_LIMITS.windowSeconds;
    logger.warn({ event, reason: "lti.rateLimited", ip, retryAfterSeconds: seconds }, "LTI request refused: too many from this address");
    return tooManyPage({ locale, seconds });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** 429 Too Many Requests, as a page a person in the LMS's frame can read. */
export function tooManyPage({ locale, seconds }: { locale: Locale; seconds: number }): Response {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "ltiLaunch" });
  const title = t("tooManyTitle");
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Stride</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p data-reason="lti.rateLimited">${escapeHtml(t("tooManyLead", { seconds: String(seconds) }))}</p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(seconds) },
  });
}
