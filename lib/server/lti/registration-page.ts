import "server-only";
import { createTranslator } from "use-intl";
import type { Locale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";
import registerEn from "@/lib/i18n/messages/en/ltiRegister.json";
import registerZh from "@/lib/i18n/messages/zh-CN/ltiRegister.json";

/**
 * The pages of /lti/register (Dynamic Registration): the confirmation, the refusals and the end,
 * which posts `org.imsglobal.lti.close` to the LMS (DR 1.0 §3.7). Route handlers answer them (a
 * refusal needs its 401/403), as plain HTML in the LMS's dialog; the only scripts are the closing
 * message and, on a refusal, passing on that message from a window this page opened to sign in.
 * Words from the `ltiRegister` catalogue (lib/i18n/messages/<locale>/ltiRegister.json), reasons
 * from `serverErrors.lti`.
 */

const REGISTER_MESSAGES = { en: registerEn, "zh-CN": registerZh } as const satisfies Record<Locale, typeof registerEn>;

export const CLOSE_MESSAGE = "org.imsglobal.lti.close";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: { ltiRegister: REGISTER_MESSAGES[locale] }, namespace: "ltiRegister" });
}

function reasonTranslatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesByLocale[locale], namespace: "serverErrors" });
}

function page({ locale, title, body, nonce }: { locale: Locale; title: string; body: string; nonce: string | null }): string {
  const nonceAttribute = nonce ? ` nonce="${escapeHtml(nonce)}"` : "";
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Stride</title>
<style${nonceAttribute}>
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; padding: 2rem 1rem; color: #1e293b; background: #f8fafc; }
main { max-width: 36rem; margin: 0 auto; background: #fff; border: 1px solid #e2e8f0; border-radius: 0.75rem; padding: 1.5rem; }
h1 { font-size: 1.35rem; margin: 0 0 0.75rem; }
p, dd { line-height: 1.5; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
input[type=text] { font: inherit; width: 100%; box-sizing: border-box; padding: 0.5rem; border: 1px solid #94a3b8; border-radius: 0.5rem; }
button { font: inherit; font-weight: 600; color: #fff; background: #4f46e5; border: 0; border-radius: 0.5rem; padding: 0.6rem 1rem; margin-top: 0.75rem; cursor: pointer; }
button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #818cf8; outline-offset: 2px; }
a { color: #4338ca; }
</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

// The address carries the registration tokens: no other site hears of it. Not "no-referrer": with
// it browsers may send `Origin: null` on the page's own form post (Fetch, "serialize a request
// origin"), and an admin's confirmation is checked by its Origin.
const HEADERS = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "same-origin" };

function hiddenFields(fields: Record<string, string | null>): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
}

/** What the platform asked (the query of /lti/register), carried through the confirmation. */
export interface RegistrationParameters {
  openidConfiguration: string;
  registrationToken: string | null;
  strideToken: string | null;
}

/** The confirmation: the platform's name and issuer, who authorises it, and the button that registers. */
export function confirmationPage({
  locale,
  nonce,
  parameters,
  platformName,
  issuer,
  adminEmail,
}: {
  locale: Locale;
  nonce: string | null;
  parameters: RegistrationParameters;
  platformName: string;
  issuer: string;
  /** The signed-in admin, or null when a Stride token authorises it. */
  adminEmail: string | null;
}): Response {
  const t = translatorFor(locale);
  const title = t("title");
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t("confirmLead"))}</p>
<dl>
<dt>${escapeHtml(t("platformLabel"))}</dt><dd data-testid="platform-name">${escapeHtml(platformName)}</dd>
<dt>${escapeHtml(t("issuerLabel"))}</dt><dd data-testid="platform-issuer">${escapeHtml(issuer)}</dd>
</dl>
<p>${escapeHtml(adminEmail ? t("byAdmin", { email: adminEmail }) : t("byToken"))}</p>
<form method="post" action="/lti/register">
${hiddenFields({ openid_configuration: parameters.openidConfiguration, registration_token: parameters.registrationToken, stride_token: parameters.strideToken })}
<button type="submit">${escapeHtml(t("confirmButton"))}</button>
</form>
<p>${escapeHtml(t("confirmAfter"))}</p>`;
  return new Response(page({ locale, title, body, nonce }), { status: 200, headers: HEADERS });
}

/** The end (DR 1.0 §3.7): registered; the script tells the LMS's dialog (opener, else parent) to close. */
export function registeredPage({
  locale,
  nonce,
  platformName,
  clientId,
  deploymentId,
}: {
  locale: Locale;
  nonce: string | null;
  platformName: string;
  clientId: string;
  deploymentId: string;
}): Response {
  const t = translatorFor(locale);
  const title = t("doneTitle");
  const nonceAttribute = nonce ? ` nonce="${escapeHtml(nonce)}"` : "";
  const body = `<h1>${escapeHtml(title)}</h1>
<p data-registered="true">${escapeHtml(t("doneLead", { platform: platformName }))}</p>
<dl>
<dt>${escapeHtml(t("clientIdLabel"))}</dt><dd data-testid="client-id">${escapeHtml(clientId)}</dd>
<dt>${escapeHtml(t("deploymentLabel"))}</dt><dd data-testid="deployment-id">${escapeHtml(deploymentId)}</dd>
</dl>
<p>${escapeHtml(t("doneClose"))}</p>
<script${nonceAttribute}>(window.opener || window.parent).postMessage({ subject: "${CLOSE_MESSAGE}" }, "*");</script>`;
  return new Response(page({ locale, title, body, nonce }), { status: 200, headers: HEADERS });
}

/**
 * A refusal in the person's language, with its status. Without authority (no admin, no token), it
 * offers a field for a Stride registration token, the same registration in a new window (an
 * LMS's cross-site frame carries no Stride session cookie; a top-level window does) and a sign-in
 * in a new window; a registration finished in such a window sends its closing message here, and
 * this page passes it on to the LMS (its parent, or the window that opened it).
 */
export function registrationRefusedPage({
  locale,
  nonce,
  reason,
  params = {},
  status,
  offerAuthority,
}: {
  locale: Locale;
  nonce: string | null;
  reason: string;
  params?: Record<string, string>;
  status: number;
  /** The parameters to carry into a token form and a sign-in link, when the refusal is "who are you". */
  offerAuthority?: RegistrationParameters;
}): Response {
  const t = translatorFor(locale);
  const reasons = reasonTranslatorFor(locale);
  const title = t("refusedTitle");
  const why = reasons(reason as Parameters<typeof reasons>[0], params);
  let body = `<h1>${escapeHtml(title)}</h1>
<p data-reason="${escapeHtml(reason)}"><strong>${escapeHtml(why)}</strong></p>`;
  if (offerAuthority) {
    const query = new URLSearchParams({ openid_configuration: offerAuthority.openidConfiguration });
    if (offerAuthority.registrationToken) query.set("registration_token", offerAuthority.registrationToken);
    const next = `/lti/register?${query.toString()}`;
    const nonceAttribute = nonce ? ` nonce="${escapeHtml(nonce)}"` : "";
    body += `
<form method="get" action="/lti/register">
<p>${escapeHtml(t("tokenLead"))}</p>
${hiddenFields({ openid_configuration: offerAuthority.openidConfiguration, registration_token: offerAuthority.registrationToken })}
<label for="stride_token">${escapeHtml(t("tokenLabel"))}</label>
<input type="text" id="stride_token" name="stride_token" autocomplete="off" spellcheck="false" required>
<button type="submit">${escapeHtml(t("tokenButton"))}</button>
</form>
<p>${escapeHtml(t("newWindowLead"))} <a href="${escapeHtml(next)}" target="_blank" rel="opener">${escapeHtml(t("newWindowLink"))}</a></p>
<p>${escapeHtml(t("signInLead"))} <a href="/sign-in?next=${encodeURIComponent(next)}" target="_blank" rel="opener">${escapeHtml(t("signInLink"))}</a></p>
<script${nonceAttribute}>window.addEventListener("message", function (event) { var back = window.parent !== window ? window.parent : window.opener; if (back && event.origin === location.origin && event.data && event.data.subject === "${CLOSE_MESSAGE}") back.postMessage({ subject: "${CLOSE_MESSAGE}" }, "*"); });</script>`;
  } else {
    body += `\n<p>${escapeHtml(t("whatToDo", { reason }))}</p>`;
  }
  return new Response(page({ locale, title, body, nonce }), { status, headers: HEADERS });
}

/** A system error (the database did not answer): logged by the caller, blamed on no one. */
export function registrationFailurePage({ locale, nonce }: { locale: Locale; nonce: string | null }): Response {
  const t = translatorFor(locale);
  const title = t("failedTitle");
  return new Response(page({ locale, title, body: `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(t("failedLead"))}</p>`, nonce }), { status: 500, headers: HEADERS });
}
