import "server-only";
import { createTranslator } from "use-intl";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";
import { strideLocaleOf } from "./claims";
import type { LaunchRefusal } from "./launch-refusal";

/**
 * The pages of the LTI routes themselves: a refused launch, and the step that offers a new window
 * when the browser refused the session cookie. Route handlers answer them (a page could not set
 * the 400/401/403 a refusal needs); plain HTML and a form, no script, so they work inside any LMS
 * frame and without JavaScript. Every string comes from the `ltiLaunch` catalogue.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesByLocale[locale], namespace: "ltiLaunch" });
}

export function page({ locale, title, body }: { locale: Locale; title: string; body: string }): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Stride</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; padding: 2rem 1rem; color: #1e293b; background: #f8fafc; }
main { max-width: 36rem; margin: 0 auto; background: #fff; border: 1px solid #e2e8f0; border-radius: 0.75rem; padding: 1.5rem; }
h1 { font-size: 1.35rem; margin: 0 0 0.75rem; }
p { line-height: 1.5; }
button { font: inherit; font-weight: 600; color: #fff; background: #4f46e5; border: 0; border-radius: 0.5rem; padding: 0.6rem 1rem; cursor: pointer; }
code { font-size: 0.9em; }
</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  // The ticket page's address carries the ticket: no other site hears of it. Not "no-referrer":
  // with it browsers send `Origin: null` on the page's own form post (Fetch §3.1, "serialize a
  // request origin"), and the new-window step checks that Origin.
  "referrer-policy": "same-origin",
};

/** A refused login initiation or launch, with its status, in the person's language. */
export function refusalPage({ refusal, locale }: { refusal: LaunchRefusal; locale: Locale }): Response {
  const t = translatorFor(locale);
  const key = `reasons.${refusal.reason.slice("lti.".length)}` as Parameters<typeof t>[0];
  const why = t(key, refusal.params as Record<string, string>);
  const notReady = refusal.reason === "lti.launch.noCourseYet";
  const title = notReady ? t("noCourseTitle") : t("refusedTitle");
  const body = notReady
    ? `<h1>${escapeHtml(title)}</h1>
<p data-reason="${escapeHtml(refusal.reason)}">${escapeHtml(why)}</p>
<p>${escapeHtml(t("noCourseWhatToDo"))}</p>`
    : `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t("refusedLead"))}</p>
<p data-reason="${escapeHtml(refusal.reason)}"><strong>${escapeHtml(why)}</strong></p>
<p>${escapeHtml(t("whatToDo", { reason: refusal.reason }))}</p>`;
  return new Response(page({ locale, title, body }), { status: refusal.status, headers: HEADERS });
}

/** A system error (ours, not the launch's: the database did not answer), as STYLE.md §4 has it: logged, and blamed on no one. */
export function failurePage({ locale }: { locale: Locale }): Response {
  const t = translatorFor(locale);
  const title = t("failedTitle");
  return new Response(page({ locale, title, body: `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(t("failedLead"))}</p>` }), { status: 500, headers: HEADERS });
}

/**
 * The browser kept no session cookie inside the LMS's frame: a button that posts the launch's
 * one-time ticket to /lti/launch/continue in a new window (a top-level, first-party page, where
 * the cookie is kept). A form rather than a link, so the ticket travels in a POST body.
 */
export function newWindowPage({ locale, ticket }: { locale: Locale; ticket: string }): Response {
  const t = translatorFor(locale);
  const title = t("blockedTitle");
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t("blockedLead"))}</p>
<form method="post" action="/lti/launch/continue" target="_blank">
<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">
<button type="submit">${escapeHtml(t("blockedButton"))}</button>
</form>
<p>${escapeHtml(t("blockedAfter"))}</p>`;
  return new Response(page({ locale, title, body }), { status: 200, headers: HEADERS });
}

/**
 * The language of a page answering a launch: the platform's (the launch's `locale` or
 * launch_presentation.locale claim, read from the id_token even when it is refused: it only picks
 * the words of the page), else the language the browser chose on Stride, else its Accept-Language.
 */
export function pageLocaleOf({ headers, platformLocale }: { headers: Headers; platformLocale?: string | undefined }): Locale {
  if (platformLocale) return strideLocaleOf(platformLocale);
  const chosen = headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(headers.get("accept-language"));
}
