import type { JWTPayload } from "jose";
import { decodeJwt } from "jose";
import { randomBytes } from "node:crypto";
import type { AuthorizationRecord } from "./authorization-endpoint";
import { browserRequest, followRedirects, isRedirect, submitForm, type BrowserRequest, type BrowserResponse, type FormChoice } from "./browser";
import { CookieJar } from "./cookie-jar";
import { parseHtmlForm, type HtmlForm } from "./html-form";
import type { AgsEndpointClaim, DeepLinkingSettings, LaunchContext, LaunchResourceLink, LaunchTamper, LaunchUser } from "./id-token";
import type { TestPlatform } from "./platform";
import type { LaunchMessageType } from "./vocabulary";

export interface LaunchOptions {
  /** The tool's OIDC login initiation URL (Stride: <base>/lti/login). */
  toolLoginUrl: string;
  /** Sent as target_link_uri in the login initiation and in the id_token. */
  targetLinkUri: string;
  user: LaunchUser;
  /** Role URIs (vocabulary.ts `role`); defaults to Learner. */
  roles?: string[];
  messageType?: LaunchMessageType;
  /** Defaults to the platform's default context; `null` sends no context claim. */
  context?: LaunchContext | null;
  /** LtiResourceLinkRequest only; defaults to { id: "resource-link-1" }. */
  resourceLink?: LaunchResourceLink;
  custom?: Record<string, string>;
  /** The AGS claim. Undefined: the platform's (line items container of the context, the line item
   * bound to the resource link if there is one, every AGS scope). `false`: none. */
  agsEndpoint?: AgsEndpointClaim | false;
  /** The NRPS claim. Undefined: the context's membership URL. `false`: none. */
  nrpsEndpoint?: { context_memberships_url: string; service_versions?: string[] } | false;
  /** LtiDeepLinkingRequest only: over the platform's settings (return URL, accept ltiResourceLink, …). */
  deepLinkingSettings?: Partial<DeepLinkingSettings>;
  /** Deployment for this launch; defaults to the platform's first. */
  deploymentId?: string;
  /** How the login initiation reaches the tool (LTI 1.3 Core §5.1.1.1 allows both). */
  loginMethod?: "GET" | "POST";
  /** Send lti_deployment_id and client_id in the login initiation (both optional there). Default true. */
  loginIncludesClientId?: boolean;
  /** A browser that blocks third-party cookies inside the LMS's iframe (Chromium): only
   * `Partitioned` cookies are kept and sent during the launch. */
  thirdPartyCookiesBlocked?: boolean;
  /** Reuse a browser (its cookies) from an earlier launch. */
  jar?: CookieJar;
  tamper?: LaunchTamper;
}

export interface LaunchResult {
  /** How far the flow went: "launched" when the id_token was posted to the tool. */
  stage: "login" | "authorization" | "launched";
  /** The tool's answer to the login initiation. */
  login: BrowserResponse;
  /** The authentication request as the platform received it, and its problems (none when good). */
  authorization?: AuthorizationRecord;
  /** The platform's answer to the authentication request (the form_post page, or a 400). */
  authorizationResponse?: BrowserResponse;
  /** The form the platform posted to the tool (id_token and state, or error). */
  form?: HtmlForm;
  idToken?: string;
  /** The id_token's claims, decoded (not verified). */
  claims?: JWTPayload;
  /** The tool's answer to the (last) launch post; the last response seen when the flow stopped early. */
  response: BrowserResponse;
  /** With tamper.replay: the tool's answer to the first of the two identical posts. */
  firstResponse?: BrowserResponse;
  /** The browser's cookies after the launch. */
  jar: CookieJar;
  /** Follow `response` (or another) through its redirects with this browser. */
  follow(response?: BrowserResponse): Promise<BrowserResponse>;
  /** Submit a form of `page` with this browser (a deep-linking picker, an auto-submitting form). */
  submit(page: BrowserResponse, options?: { form?: FormChoice; changes?: Record<string, string> }): Promise<BrowserResponse>;
}

/** A launch the platform has started and the authorization endpoint will finish: lti_message_hint names it. */
export interface PendingLaunch {
  hint: string;
  loginHint: string;
  toolLoginUrl: string;
  options: LaunchOptions;
  deploymentId: string;
  /** The deep_linking_settings.data the platform sent, which the tool must echo. */
  deepLinkingData?: string;
}

/**
 * Third-party initiated login (LTI 1.3 Core §5.1.1; Security Framework §5.1.1) over real HTTP, as
 * a browser inside the LMS does it: login initiation to the tool → the tool's redirect (or
 * auto-submitting form) to the platform's authorization endpoint → the platform's form_post of
 * id_token and state → that form posted to the tool. Nothing is followed past the launch post.
 */
export async function driveLaunch(platform: TestPlatform, options: LaunchOptions): Promise<LaunchResult> {
  const jar = options.jar ?? new CookieJar();
  const cookies: BrowserRequest["cookies"] = options.thirdPartyCookiesBlocked ? "partitioned-only" : "all";
  const pending = platform.prepareLaunch(options);
  const { hint, deploymentId } = pending;
  const follow = (response?: BrowserResponse) => followRedirects(jar, response ?? result.response, { cookies });
  const submit = (page: BrowserResponse, choice: { form?: FormChoice; changes?: Record<string, string> } = {}) => submitForm(jar, page, { ...choice, cookies });

  const initiation: Record<string, string> = {
    iss: platform.issuer,
    login_hint: pending.loginHint,
    target_link_uri: options.targetLinkUri,
    lti_message_hint: hint,
  };
  if (options.loginIncludesClientId !== false) {
    initiation.client_id = platform.clientId;
    initiation.lti_deployment_id = deploymentId;
  }
  const login = await browserRequest(jar, options.toolLoginUrl, { method: options.loginMethod ?? "GET", form: initiation, cookies });
  const result: LaunchResult = { stage: "login", login, response: login, jar, follow, submit };

  const toAuthorization = nextRequest(login);
  if (!toAuthorization || !toAuthorization.url.startsWith(platform.urls.authorization)) return result;
  const authorizationResponse = await browserRequest(jar, toAuthorization.url, { method: toAuthorization.method, form: toAuthorization.form });
  result.stage = "authorization";
  // Found by this launch's hint, so that launches running at once each get their own record.
  result.authorization = platform.authorizationRequests.findLast((record) => record.params.lti_message_hint === hint);
  result.authorizationResponse = authorizationResponse;
  result.response = authorizationResponse;
  const form = authorizationResponse.status === 200 ? parseHtmlForm(authorizationResponse.body, authorizationResponse.url) : undefined;
  if (!form) return result;

  result.form = form;
  const fields = { ...form.fields };
  if (fields.id_token) {
    result.idToken = fields.id_token;
    result.claims = decodeJwt(fields.id_token);
  }
  if (options.tamper?.wrongState) fields.state = `forged-${randomBytes(8).toString("hex")}`;
  const post = () => browserRequest(jar, form.action, { method: "POST", form: fields, cookies });
  result.stage = "launched";
  if (options.tamper?.replay) result.firstResponse = await post();
  result.response = await post();
  return result;
}

/** Where the browser goes after the tool's answer to login initiation: a redirect, or an auto-submitting form. */
function nextRequest(response: BrowserResponse): { url: string; method: "GET" | "POST"; form?: Record<string, string> } | undefined {
  if (isRedirect(response)) return { url: response.location!, method: "GET" };
  if (response.status !== 200) return undefined;
  const form = parseHtmlForm(response.body, response.url);
  return form ? { url: form.action, method: form.method, form: form.fields } : undefined;
}
