/**
 * A spec-following LTI 1.3 Advantage platform for the test suite (issue 15, "Tests"): its own RSA
 * keys and JWKS, OIDC third-party-initiated login, launches of LtiResourceLinkRequest and
 * LtiDeepLinkingRequest, and tamper knobs for each bad launch a tool must refuse.
 *
 * Specs followed: LTI 1.3 Core, LTI Security Framework 1.0, Deep Linking 2.0, Assignment and Grade
 * Services 2.0, Names and Role Provisioning Services 2.0, Dynamic Registration 1.0. JWTs and JWKs
 * through jose only.
 *
 * Use:
 *
 *   const platform = await startTestPlatform({ clientId: "stride", redirectUris: [`${base}/lti/launch`] });
 *   // register the platform in the tool: issuer = platform.issuer, clientId = platform.clientId,
 *   // authLoginUrl = platform.urls.authorization, accessTokenUrl = platform.urls.token,
 *   // jwksUrl = platform.urls.jwks, deploymentIds = platform.deploymentIds
 *   platform.setToolJwksUrl(`${base}/lti/jwks`);
 *   const result = await platform.launch({
 *     toolLoginUrl: `${base}/lti/login`, targetLinkUri: `${base}/lti/launch`,
 *     user: { sub: "u-1", name: "Ada Lovelace", email: "ada@example.edu", locale: "en-US" },
 *     roles: [role.instructor],
 *   });
 *   result.response.status;           // the tool's answer to the id_token post
 *   await result.follow();            // follow its redirects with the same browser (cookie jar)
 *   await result.submit(page, { changes: { item: "a-1" } });  // submit a form of a page (a picker)
 *   await platform.launch({ ..., tamper: { expired: true } });   // a bad launch
 *   await platform.close();
 *
 * Services, each with its recorder:
 *   - token endpoint (platform.urls.token): client_credentials with a JWT assertion checked against
 *     the tool's JWKS (setToolJwksUrl); opaque bearer tokens → platform.tokenRequests
 *   - AGS (platform.urls.lineItems(contextId)): line items GET/POST, GET/PUT/DELETE one, POST
 *     /scores, GET /results → platform.scores, platform.refusedScorePosts; failNextScorePosts(n, 503)
 *     makes the next posts fail; createLineItem(...) adds a column as an instructor would
 *   - NRPS (platform.urls.memberships(contextId)): the roster from setRoster(...), paged by
 *     nrpsPageSize or ?limit with Link rel="next"
 *   - deep-linking return (platform.urls.deepLinkReturn) → platform.deepLinkingResponses, whose
 *     `placed` links launch with platform.launchOptionsFor(placed) (their line item then rides in
 *     the AGS claim)
 *   - Dynamic Registration: platform.urls.openidConfiguration, platform.urls.registration;
 *     platform.registrationInitiationUrl(toolRegisterUrl) gives the URL an admin opens, with a
 *     one-time registration token → platform.registrationRequests
 *
 * In a real browser (Playwright, or a person): platform.browserLaunchUrl({ ...launch options,
 * presentation: "iframe" | "window", platformStorage }) is an LMS page showing the tool in an iframe
 * named "tool-frame" whose src is the login initiation; with platformStorage the page answers the LTI
 * storage postMessages (lti.capabilities / put_data / get_data). The platform's home page (its
 * issuer URL) starts launches as any role, launches placed deep links and starts a Dynamic
 * Registration; `npx tsx tests/support/lti-platform/serve.ts --tool http://localhost:3000` runs it
 * alone and prints the `stride lti platform add` command that registers it.
 *
 * Every endpoint is plain http on 127.0.0.1: the tool must allow loopback platforms over http in
 * tests (Stride: STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1).
 */
export { startTestPlatform, TestPlatform, DEFAULT_CONTEXT, type TestPlatformOptions, type PlatformUrls, type IssuedIdToken } from "./platform";
export type { LaunchOptions, LaunchResult, PendingLaunch } from "./launch-driver";
export type { AuthorizationRecord } from "./authorization-endpoint";
export { checkAuthenticationRequest } from "./authorization-endpoint";
export {
  buildLaunchClaims,
  signIdToken,
  type LaunchTamper,
  type OmittableClaim,
  type LaunchUser,
  type LaunchContext,
  type LaunchResourceLink,
  type AgsEndpointClaim,
  type DeepLinkingSettings,
} from "./id-token";
export { createSigningKey, KeyRing, type SigningKey } from "./keys";
export { CookieJar, type StoredCookie } from "./cookie-jar";
export { browserRequest, followRedirects, submitForm, type BrowserResponse, type BrowserRequest, type FormChoice } from "./browser";
export { parseHtmlForm, parseHtmlForms, type HtmlForm } from "./html-form";
export { loginInitiationUrl, type BrowserLaunchOptions, type Presentation, type StorageLogEntry } from "./browser-pages";
export { describeSetup } from "./setup-instructions";
export { AccessTokens, type AccessTokenGrant } from "./access-tokens";
export type { TokenRequestRecord } from "./token-endpoint";
export { Gradebook, readLineItem, readScore, type LineItem, type Score, type ReceivedScore, type RefusedScorePost, type Result } from "./ags-store";
export type { RosterMember } from "./nrps-endpoint";
export type { ContentItem, PlacedLink, DeepLinkingResponseRecord } from "./deep-link-return";
export { platformConfiguration, checkRegistrationRequest, type RegistrationRecord } from "./dynamic-registration";
export * from "./vocabulary";
