import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml, readForm, sendHtml, sendText } from "./http-io";
import type { LaunchOptions, PendingLaunch } from "./launch-driver";
import type { TestPlatform } from "./platform";
import { role } from "./vocabulary";

/** One storage message the LMS page answered, as window.ltiStorageLog lists it. */
export interface StorageLogEntry {
  subject: string;
  key?: string;
  /** The origin of the frame that asked. */
  origin: string;
  /** The value answered (put: the one stored; get: the one found). */
  value?: unknown;
  /** The error code answered instead of a value. */
  error?: string;
}

/** How the LMS page shows the tool: in an iframe (the usual placement) or a link to a new window. */
export type Presentation = "iframe" | "window";

export interface BrowserLaunchOptions extends LaunchOptions {
  presentation?: Presentation;
  /** Offer LTI platform storage (lti_storage_target=_parent in login initiation, and the page
   * answers lti.put_data / lti.get_data postMessages, as Canvas does). */
  platformStorage?: boolean;
}

/** The login initiation as a GET URL, which is what an LMS page puts in its iframe's src. */
export function loginInitiationUrl(platform: TestPlatform, pending: PendingLaunch, platformStorage: boolean): string {
  const url = new URL(pending.toolLoginUrl);
  url.searchParams.set("iss", platform.issuer);
  url.searchParams.set("login_hint", pending.loginHint);
  url.searchParams.set("target_link_uri", pending.options.targetLinkUri);
  url.searchParams.set("lti_message_hint", pending.hint);
  url.searchParams.set("client_id", platform.clientId);
  url.searchParams.set("lti_deployment_id", pending.deploymentId);
  if (platformStorage) url.searchParams.set("lti_storage_target", "_parent");
  return url.toString();
}

/**
 * Answers the LTI client-side postMessages from the tool's frame (LTI Client Side OIDC / Platform
 * Storage: lti.capabilities, lti.put_data, lti.get_data, with or without the "org.imsglobal."
 * prefix), keeping values per origin, replying only to the asking origin. Every message it
 * answers is also listed in window.ltiStorageLog (StorageLogEntry: subject, key, asking origin and
 * the answer), so that a test can tell that a launch went through the storage and not by a cookie.
 */
const PLATFORM_STORAGE_SCRIPT = `
(function () {
  var store = {};
  var log = window.ltiStorageLog = [];
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data.subject !== "string" || !data.message_id || !event.source) return;
    var name = data.subject.replace(/^org\\.imsglobal\\./, "");
    var reply = { subject: data.subject + ".response", message_id: data.message_id };
    var key = event.origin + " " + data.key;
    if (name === "lti.capabilities") {
      reply.supported_messages = [
        { subject: "lti.put_data" }, { subject: "lti.get_data" },
        { subject: "org.imsglobal.lti.put_data" }, { subject: "org.imsglobal.lti.get_data" }
      ];
    } else if (name === "lti.put_data") {
      store[key] = data.value; reply.key = data.key; reply.value = data.value;
    } else if (name === "lti.get_data") {
      reply.key = data.key;
      if (Object.prototype.hasOwnProperty.call(store, key)) reply.value = store[key];
      else reply.error = { code: "bad_request", message: "no value stored under this key" };
    } else {
      reply.error = { code: "unsupported_subject", message: "not supported: " + data.subject };
    }
    log.push({ subject: data.subject, key: data.key, origin: event.origin, value: reply.value, error: reply.error ? reply.error.code : undefined });
    event.source.postMessage(reply, event.origin);
  });
})();`;

function page(title: string, body: string, script = ""): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:1rem}iframe{width:100%;height:80vh;border:1px solid #999}label{display:block;margin:.3rem 0}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
${body}
${script ? `<script>${script}</script>` : ""}
</body></html>`;
}

/** The LMS page of one launch: the tool in an iframe named "tool-frame", or a link to a new window. */
export function renderLaunchPage(platform: TestPlatform, pending: PendingLaunch, options: { presentation: Presentation; platformStorage: boolean }): string {
  const src = loginInitiationUrl(platform, pending, options.platformStorage);
  const context = pending.options.context === null ? undefined : (pending.options.context ?? platform.defaultContext);
  const frame =
    options.presentation === "iframe"
      ? `<iframe id="tool-frame" name="tool-frame" title="Tool" src="${escapeHtml(src)}" allow="fullscreen; clipboard-write"></iframe>`
      : `<p><a id="tool-window" href="${escapeHtml(src)}" target="_blank" rel="opener">Open the tool in a new window</a></p>`;
  return page(`${platform.name}: ${context?.title ?? "no course"}`, `<p><a href="/">Home</a></p>\n${frame}`, options.platformStorage ? PLATFORM_STORAGE_SCRIPT : "");
}

/** Records a launch for the browser and answers where its page is. */
export function prepareBrowserLaunch(platform: TestPlatform, options: BrowserLaunchOptions): string {
  const pending = platform.prepareLaunch(options);
  platform.browserLaunches.set(pending.hint, { presentation: options.presentation ?? "iframe", platformStorage: options.platformStorage ?? false });
  return `${platform.issuer}/lms/launch/${encodeURIComponent(pending.hint)}`;
}

const ROLE_CHOICES: [string, string][] = [
  ["Instructor", role.instructor],
  ["TeachingAssistant", role.teachingAssistant],
  ["Learner", role.learner],
];

/**
 * GET / : the LMS home page, for a person trying Stride against this platform (serve.ts): a form
 * that starts a launch as anyone in any role, one launch button per placed deep link, and a
 * Dynamic Registration starter.
 */
function renderHome(platform: TestPlatform): string {
  const toolKnown = platform.toolLoginUrl !== undefined && platform.toolTargetLinkUri !== undefined;
  const roleOptions = ROLE_CHOICES.map(([label, uri]) => `<option value="${escapeHtml(uri)}">${label}</option>`).join("");
  const launchForm = toolKnown
    ? `<form method="post" action="/lms/start">
<label>User id (sub) <input name="sub" value="user-1"></label>
<label>Name <input name="name" value="Ada Lovelace"></label>
<label>E-mail <input name="email" value="ada@example.edu"></label>
<label>Locale <select name="locale"><option>en-US</option><option>zh-CN</option></select></label>
<label>Role <select name="role">${roleOptions}</select></label>
<label>Message <select name="messageType"><option>LtiResourceLinkRequest</option><option>LtiDeepLinkingRequest</option></select></label>
<label>Resource link id <input name="resourceLinkId" value="resource-link-1"></label>
<label>Show the tool <select name="presentation"><option>iframe</option><option>window</option></select></label>
<label><input type="checkbox" name="platformStorage" value="1"> Offer platform storage (postMessage)</label>
<button type="submit">Launch</button>
</form>`
    : `<p>No tool yet: start this platform with --tool, or register one below.</p>`;
  const placed = platform.deepLinkingResponses
    .flatMap((response) => response.placed)
    .map((link) => `<li>${escapeHtml(link.title ?? link.resourceLinkId)} <form method="post" action="/lms/start" style="display:inline"><input type="hidden" name="placed" value="${escapeHtml(link.resourceLinkId)}"><select name="role">${roleOptions}</select><input name="sub" value="user-1" size="8"><button>Launch</button></form></li>`)
    .join("");
  return page(
    platform.name,
    `<p>Issuer ${escapeHtml(platform.issuer)}, client id ${escapeHtml(platform.clientId)}, deployment ${escapeHtml(platform.deploymentId)}.</p>
<h2>Launch</h2>
${launchForm}
${placed ? `<h2>Placed links</h2><ul>${placed}</ul>` : ""}
<h2>Dynamic Registration</h2>
<form method="post" action="/lms/register"><label>Tool registration URL <input name="url" size="50" placeholder="http://localhost:3000/lti/register"></label><button>Register</button></form>`,
  );
}

/** The page that opens the tool's registration URL in an iframe and waits for lti.close (DR 1.0 §3.3, §3.7). */
function renderRegistration(url: string): string {
  return page(
    "Register a tool",
    `<p id="status">Waiting for the tool…</p><iframe id="registration-frame" src="${escapeHtml(url)}"></iframe>`,
    `window.addEventListener("message", function (event) {
  if (event.data && event.data.subject === "org.imsglobal.lti.close") document.getElementById("status").textContent = "Registration finished.";
});`,
  );
}

/** The browser-facing pages: /, /lms/start, /lms/launch/<hint>, /lms/register. Returns false for other paths. */
export async function handleBrowserPage(platform: TestPlatform, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname === "/" && req.method === "GET") {
    sendHtml(res, 200, renderHome(platform));
    return true;
  }
  const launchMatch = /^\/lms\/launch\/([^/]+)$/.exec(url.pathname);
  if (launchMatch && req.method === "GET") {
    const hint = decodeURIComponent(launchMatch[1]!);
    const pending = platform.pendingLaunches.get(hint);
    const shown = platform.browserLaunches.get(hint);
    if (!pending || !shown) sendText(res, 404, "No such launch");
    else sendHtml(res, 200, renderLaunchPage(platform, pending, shown));
    return true;
  }
  if (url.pathname === "/lms/start" && req.method === "POST") {
    const form = Object.fromEntries(await readForm(req));
    const placed = platform.deepLinkingResponses.flatMap((response) => response.placed).find((link) => link.resourceLinkId === form.placed);
    if (!platform.toolLoginUrl || (!placed && !platform.toolTargetLinkUri)) {
      sendText(res, 400, "No tool is known to this platform");
      return true;
    }
    const common = { toolLoginUrl: platform.toolLoginUrl, user: { sub: form.sub || "user-1", name: form.name || undefined, email: form.email || undefined, locale: form.locale || undefined }, roles: [form.role || role.learner] };
    const options: BrowserLaunchOptions = placed
      ? { ...common, ...platform.launchOptionsFor(placed) }
      : {
          ...common,
          targetLinkUri: platform.toolTargetLinkUri!,
          messageType: form.messageType === "LtiDeepLinkingRequest" ? "LtiDeepLinkingRequest" : "LtiResourceLinkRequest",
          resourceLink: { id: form.resourceLinkId || "resource-link-1" },
          presentation: form.presentation === "window" ? "window" : "iframe",
          platformStorage: form.platformStorage === "1",
        };
    res.writeHead(303, { location: prepareBrowserLaunch(platform, options) });
    res.end();
    return true;
  }
  if (url.pathname === "/lms/register" && req.method === "POST") {
    const form = await readForm(req);
    const toolUrl = form.get("url") ?? "";
    if (!URL.canParse(toolUrl)) sendText(res, 400, "The tool registration URL is not a URL");
    else sendHtml(res, 200, renderRegistration(platform.registrationInitiationUrl(toolUrl)));
    return true;
  }
  return false;
}
