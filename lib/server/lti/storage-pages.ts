import "server-only";
import { randomBytes } from "node:crypto";
import { createTranslator } from "use-intl";
import type { Locale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";

/**
 * The two pages of LTI platform storage (1EdTech "LTI Client Side postMessages": lti.put_data and
 * lti.get_data, sent to the frame the login initiation's `lti_storage_target` names, "_parent"
 * for the LMS page itself, and answered with `<subject>.response` carrying the same message_id and
 * the key's value, or an `error` object). launch-browser.ts says why they exist.
 * - The login's page stores `state_<state>` and `nonce_<nonce>` with the platform, then goes on to
 *   the authorization endpoint (whatever the platform answered: the state cookie may still serve).
 * - The launch's page reads them back and posts them with the launch form to /lti/launch again.
 * Messages go only to the platform's origin (its authorization endpoint's, as the spec says) and
 * answers are read only from it. The script is a string (STORAGE_CLIENT_SCRIPT) so that a unit test
 * runs exactly what the browser runs; each page adds one call to it and carries a CSP nonce (the
 * proxy's, x-nonce, when it set a policy).
 */

/** The fields the storage-check page adds to its post of the launch form. */
export const STORAGE_FIELDS = { state: "lti_storage_state", nonce: "lti_storage_nonce", error: "lti_storage_error" } as const;

export interface StorageItem {
  key: string;
  value?: string;
}

export interface StorageClientConfig {
  /** lti_storage_target: "_parent", or the name of a frame of the LMS page. */
  target: string;
  /** The platform's origin: messages go only there, answers are read only from there. */
  origin: string;
  action: "put" | "get";
  items: StorageItem[];
  timeoutMs: number;
}

/** What the client hands its callback: every key's value, or why it could not. */
export type StorageClientResult = { values: Record<string, unknown> } | { error: string };

/**
 * `ltiStorage(win, config, done)`: sends one message per item to the platform's frame and calls
 * `done` once, with the values of all answers, or with the first error, "no_frame" or "timeout".
 */
export const STORAGE_CLIENT_SCRIPT = `
function ltiStorage(win, config, done) {
  var frame = null;
  try {
    frame = config.target === "_parent" ? win.parent : win.parent.frames[config.target];
  } catch (error) {
    frame = null;
  }
  if (!frame || frame === win) { done({ error: "no_frame" }); return; }
  var pending = {};
  var values = {};
  var left = config.items.length;
  var finished = false;
  function finish(result) {
    if (finished) return;
    finished = true;
    win.removeEventListener("message", onMessage);
    done(result);
  }
  function onMessage(event) {
    if (event.origin !== config.origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.subject !== "string" || !/lti\\.(put|get)_data\\.response$/.test(data.subject)) return;
    var item = typeof data.message_id === "string" ? pending[data.message_id] : undefined;
    if (!item) return;
    delete pending[data.message_id];
    if (data.error) { finish({ error: String(data.error.code || "error").slice(0, 100) }); return; }
    values[item.key] = data.value;
    left -= 1;
    if (left === 0) finish({ values: values });
  }
  win.addEventListener("message", onMessage);
  for (var index = 0; index < config.items.length; index += 1) {
    var item = config.items[index];
    var id = "stride-" + index + "-" + Math.random().toString(36).slice(2);
    pending[id] = item;
    var message = { subject: config.action === "put" ? "lti.put_data" : "lti.get_data", message_id: id, key: item.key };
    if (config.action === "put") message.value = item.value;
    frame.postMessage(message, config.origin);
  }
  win.setTimeout(function () { finish({ error: "timeout" }); }, config.timeoutMs);
}
`;

/** How long the pages wait for the platform's answers. */
const STORAGE_TIMEOUT_MS = 5000;

export function storageKeysOf({ state, nonce }: { state: string; nonce: string }): { state: string; nonce: string } {
  return { state: `state_${state}`, nonce: `nonce_${nonce}` };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON inside a <script> element: no "</script>" or "<!--" can close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

function nonceOf(request: Request): string {
  return request.headers.get("x-nonce") ?? randomBytes(16).toString("base64");
}

function storagePage({
  locale,
  request,
  body,
  config,
  then,
  noScriptNext,
}: {
  locale: Locale;
  request: Request;
  body: string;
  config: StorageClientConfig;
  then: string;
  /** Without JavaScript, a link on to here (the login's authorization request: the state cookie may still serve). */
  noScriptNext?: string;
}): Response {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "ltiLaunch" });
  const nonce = nonceOf(request);
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t("storageTitle"))} · Stride</title>
<style nonce="${escapeHtml(nonce)}">body { font-family: system-ui, sans-serif; margin: 2rem 1rem; color: #1e293b; }</style>
</head>
<body>
<main>
<p>${escapeHtml(t("storageLead"))}</p>
<noscript><p data-reason="lti.storage.noScript">${escapeHtml(t("storageNoScript"))}</p>${noScriptNext ? `\n<p><a href="${escapeHtml(noScriptNext)}">${escapeHtml(t("storageContinue"))}</a></p>` : ""}</noscript>
${body}
</main>
<script nonce="${escapeHtml(nonce)}">${STORAGE_CLIENT_SCRIPT}
ltiStorage(window, ${scriptJson(config)}, function (result) {
${then}
});
</script>
</body>
</html>
`;
  return new Response(html, {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "same-origin" },
  });
}

/**
 * The login's answer when the platform offers storage: stores the state and nonce, then goes to
 * the authorization endpoint. The state cookie rides on this answer too (login-request.ts).
 */
export function storageLoginPage({
  locale,
  request,
  state,
  nonce,
  platformOrigin,
  storageTarget,
  redirectTo,
}: {
  locale: Locale;
  request: Request;
  state: string;
  nonce: string;
  platformOrigin: string;
  storageTarget: string;
  redirectTo: string;
}): Response {
  const keys = storageKeysOf({ state, nonce });
  const config: StorageClientConfig = {
    target: storageTarget,
    origin: platformOrigin,
    action: "put",
    items: [
      { key: keys.state, value: state },
      { key: keys.nonce, value: nonce },
    ],
    timeoutMs: STORAGE_TIMEOUT_MS,
  };
  return storagePage({ locale, request, body: "", config, then: `  window.location.replace(${scriptJson(redirectTo)});`, noScriptNext: redirectTo });
}

/**
 * The launch's answer, for a platform-storage login whose cookie did not come back: reads the
 * state and nonce from the platform's frame and posts them, with the launch form, to /lti/launch.
 */
export function storageCheckPage({
  locale,
  request,
  state,
  nonce,
  idToken,
  platformOrigin,
  storageTarget,
}: {
  locale: Locale;
  request: Request;
  state: string;
  nonce: string;
  idToken: string;
  platformOrigin: string;
  storageTarget: string;
}): Response {
  const keys = storageKeysOf({ state, nonce });
  const config: StorageClientConfig = { target: storageTarget, origin: platformOrigin, action: "get", items: [{ key: keys.state }, { key: keys.nonce }], timeoutMs: STORAGE_TIMEOUT_MS };
  const body = `<form id="lti-storage-launch" method="post" action="/lti/launch">
<input type="hidden" name="id_token" value="${escapeHtml(idToken)}">
<input type="hidden" name="state" value="${escapeHtml(state)}">
</form>`;
  const then = `  var form = document.getElementById("lti-storage-launch");
  function field(name, value) { var input = document.createElement("input"); input.type = "hidden"; input.name = name; input.value = value; form.appendChild(input); }
  if ("error" in result) field(${scriptJson(STORAGE_FIELDS.error)}, result.error);
  else {
    field(${scriptJson(STORAGE_FIELDS.state)}, String(result.values[${scriptJson(keys.state)}] ?? ""));
    field(${scriptJson(STORAGE_FIELDS.nonce)}, String(result.values[${scriptJson(keys.nonce)}] ?? ""));
  }
  form.submit();`;
  return storagePage({ locale, request, body, config, then });
}
