import type { IncomingMessage, ServerResponse } from "node:http";
import { autoSubmitForm, escapeHtml, readForm, sendHtml } from "./http-io";
import type { TestPlatform } from "./platform";

/** One authentication request the tool sent the platform, and what the platform found wrong. */
export interface AuthorizationRecord {
  at: Date;
  method: string;
  params: Record<string, string>;
  problems: string[];
}

export interface ExpectedAuthentication {
  clientId: string;
  loginHint: string;
  ltiMessageHint: string;
  redirectUriAllowed: (uri: string) => boolean;
}

/**
 * The checks of LTI 1.3 Core §5.1.1.2 / Security Framework §5.1.1.2 on the tool's authentication
 * request: every value it must carry, each named problem a test can assert on.
 */
export function checkAuthenticationRequest(params: Record<string, string>, expected: ExpectedAuthentication): string[] {
  const problems: string[] = [];
  const scopes = (params.scope ?? "").split(" ");
  if (!scopes.includes("openid")) problems.push("scope must include openid");
  if (params.response_type !== "id_token") problems.push("response_type must be id_token");
  if (params.response_mode !== "form_post") problems.push("response_mode must be form_post");
  if (params.prompt !== "none") problems.push("prompt must be none");
  if (params.client_id !== expected.clientId) problems.push("client_id is not this tool's");
  if (!params.redirect_uri || !expected.redirectUriAllowed(params.redirect_uri)) problems.push("redirect_uri is not registered");
  if (params.login_hint !== expected.loginHint) problems.push("login_hint was not echoed");
  if (params.lti_message_hint !== expected.ltiMessageHint) problems.push("lti_message_hint was not echoed");
  if (!params.state) problems.push("state is missing");
  if (!params.nonce) problems.push("nonce is missing");
  return problems;
}

/**
 * The platform's OIDC authorization endpoint. A good request is answered, as OIDC's form_post
 * response mode says, with a page that posts id_token and state to the redirect_uri. A request
 * whose redirect_uri or launch cannot be trusted gets a 400 page; any other problem is posted back
 * to the redirect_uri as error=invalid_request (OIDC Core §3.1.2.6).
 */
export async function handleAuthorization(platform: TestPlatform, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const params = Object.fromEntries(req.method === "POST" ? await readForm(req) : url.searchParams);
  const pending = platform.pendingLaunches.get(params.lti_message_hint ?? "");
  const record: AuthorizationRecord = { at: platform.now(), method: req.method ?? "GET", params, problems: [] };
  platform.authorizationRequests.push(record);
  if (!pending) {
    record.problems.push("lti_message_hint names no launch of this platform");
    sendHtml(res, 400, `<p>${escapeHtml(record.problems.join("; "))}</p>`);
    return;
  }
  record.problems.push(
    ...checkAuthenticationRequest(params, {
      clientId: platform.clientId,
      loginHint: pending.loginHint,
      ltiMessageHint: pending.hint,
      redirectUriAllowed: (uri) => platform.isRedirectUriAllowed(uri, pending.toolLoginUrl),
    }),
  );
  if (record.problems.includes("redirect_uri is not registered")) {
    sendHtml(res, 400, `<p>${escapeHtml(record.problems.join("; "))}</p>`);
    return;
  }
  if (record.problems.length > 0) {
    sendHtml(res, 200, autoSubmitForm(params.redirect_uri!, { error: "invalid_request", error_description: record.problems.join("; "), state: params.state ?? "" }));
    return;
  }
  const idToken = await platform.issueIdToken(pending, params.nonce!);
  sendHtml(res, 200, autoSubmitForm(params.redirect_uri!, { id_token: idToken, state: params.state! }));
}
