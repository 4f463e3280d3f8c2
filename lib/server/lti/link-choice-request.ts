import "server-only";
import { createTranslator } from "use-intl";
import type { PrismaClient } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";
import type { Auth } from "../auth/create-auth";
import { isOwnOrigin } from "../auth/origins";
import type { Logger } from "../observability/logger";
import type { RequestLimiter } from "../rate-limit/request-limiter";
import { limitLtiRequest } from "./launch-limit";
import { failurePage, pageLocaleOf, refusalPage } from "./launch-page";
import { LaunchRefusal } from "./launch-refusal";
import { chooseLinkedCourse, findLinkChoice, linkableCourses } from "./link-choice";
import { readForm } from "./read-form";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A path on this server (where the launch goes on to), never another site's address. */
function localPath(next: string | null, fallback: string): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}

function seeOther(baseUrl: string, path: string): Response {
  return new Response(null, { status: 303, headers: { location: new URL(path, baseUrl).href, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

function refused(refusal: LaunchRefusal, request: Request, logger: Logger, userId?: string): Response {
  logger.warn({ event: "lti.launch.refused", reason: refusal.reason, detail: refusal.message, userId }, "LTI course link choice refused");
  return refusalPage({ refusal, locale: pageLocaleOf({ headers: request.headers }) });
}

/** The choice's page: a form of radio buttons, the new course first and chosen; plain HTML, no script. */
function choicePage({ locale, token, csrf, next, title, courses }: { locale: Locale; token: string; csrf: string; next: string; title: string; courses: { id: string; title: string }[] }): Response {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "ltiLaunch" });
  const options = [
    `<label><input type="radio" name="course" value="new" checked> ${escapeHtml(t("chooseNew"))}</label>`,
    ...courses.map((course) => `<label><input type="radio" name="course" value="${escapeHtml(course.id)}"> ${escapeHtml(t("chooseExisting", { title: course.title }))}</label>`),
  ];
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t("chooseTitle"))} · Stride</title>
</head>
<body>
<main>
<h1>${escapeHtml(t("chooseTitle"))}</h1>
<p>${escapeHtml(t("chooseLead", { title }))}</p>
<form method="post" action="/lti/launch/link">
<input type="hidden" name="choice" value="${escapeHtml(token)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<fieldset>
${options.join("\n")}
</fieldset>
<button type="submit">${escapeHtml(t("chooseButton"))}</button>
</form>
</main>
</body>
</html>
`;
  // same-origin: the form's post must carry this page's Origin (checked), not "null".
  return new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "same-origin" } });
}

interface ChoiceRequest {
  request: Request;
  db: PrismaClient;
  auth: Auth;
  baseUrl: string;
  /** Other origins of this same server (localhost and 127.0.0.1 on a laptop). */
  trustedOrigins?: readonly string[];
  logger: Logger;
  /** The address's LTI request limit (launch-limit.ts), as the login and the launch count it. */
  limiter?: RequestLimiter;
  ip?: string | null;
  now?: Date;
}

async function sessionUserId(auth: Auth, request: Request): Promise<string | null> {
  const session = await auth.api.getSession({ headers: request.headers, query: { disableCookieCache: true } });
  return session?.user.id ?? null;
}

/**
 * GET /lti/launch/link?choice=…&next=…: the signed-in instructor's choice of a course for the LMS
 * course a launch just linked (link-choice.ts). Another person, or a used or expired choice, is
 * refused (`lti.launch.linkChoiceExpired`, logged).
 */
export async function handleLinkChoiceRequest({ request, db, auth, logger, limiter, ip = null, now = new Date() }: ChoiceRequest): Promise<Response> {
  const limited = await limitLtiRequest({ limiter, ip, locale: pageLocaleOf({ headers: request.headers }), logger, event: "lti.linkChoice.rateLimited" });
  if (limited) return limited;
  const url = new URL(request.url);
  const token = url.searchParams.get("choice") ?? "";
  try {
    const userId = await sessionUserId(auth, request);
    const choice = userId ? await findLinkChoice({ db, userId, token, now }) : null;
    if (!userId || !choice) return refused(new LaunchRefusal("lti.launch.linkChoiceExpired", userId ? "no open choice of this token" : "not signed in"), request, logger, userId ?? undefined);
    const courses = await linkableCourses({ db, userId, exceptCourseId: choice.newCourseId });
    const next = localPath(url.searchParams.get("next"), `/teach/${choice.newCourseId}`);
    return choicePage({ locale: pageLocaleOf({ headers: request.headers }), token, csrf: choice.csrf, next, title: choice.title, courses });
  } catch (error) {
    logger.error({ event: "lti.launch.failed", err: error }, "LTI course link choice failed");
    return failurePage({ locale: pageLocaleOf({ headers: request.headers }) });
  }
}

/**
 * POST /lti/launch/link: makes the choice. CSRF: only Stride's own pages may post it (Origin), the
 * form carries the choice's own token, and the choice is the signed-in user's. Then on to the
 * launch's target (the chosen course's teaching page when another course was linked).
 */
export async function handleLinkChoicePost({ request, db, auth, baseUrl, trustedOrigins = [], logger, limiter, ip = null, now = new Date() }: ChoiceRequest): Promise<Response> {
  const limited = await limitLtiRequest({ limiter, ip, locale: pageLocaleOf({ headers: request.headers }), logger, event: "lti.linkChoice.rateLimited" });
  if (limited) return limited;
  const origin = request.headers.get("origin");
  if (!isOwnOrigin(origin, baseUrl, trustedOrigins)) {
    return refused(new LaunchRefusal("lti.launch.crossSiteChoice", `origin ${String(origin).slice(0, 200)}`), request, logger);
  }
  let userId: string | null = null;
  try {
    userId = await sessionUserId(auth, request);
    if (!userId) return refused(new LaunchRefusal("lti.launch.linkChoiceExpired", "not signed in"), request, logger);
    const form = await readForm(request);
    const chosen = await chooseLinkedCourse({ db, userId, token: form.get("choice") ?? "", csrf: form.get("csrf") ?? "", courseId: form.get("course") ?? "new", now });
    logger.info({ event: "lti.launch.linkChosen", userId, courseId: chosen.courseId, linkedExisting: chosen.linkedExisting }, "LTI course link chosen");
    const next = localPath(form.get("next"), `/teach/${chosen.courseId}`);
    return seeOther(baseUrl, chosen.linkedExisting && next.includes(chosen.newCourseId) ? `/teach/${chosen.courseId}` : next);
  } catch (error) {
    if (error instanceof LaunchRefusal) return refused(error, request, logger, userId ?? undefined);
    logger.error({ event: "lti.launch.failed", err: error }, "LTI course link choice failed");
    return failurePage({ locale: pageLocaleOf({ headers: request.headers }) });
  }
}
