import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLaunchClaims, checkAuthenticationRequest, claim, role, signIdToken, startTestPlatform, type LaunchOptions, type LaunchTamper, type TestPlatform } from "@/tests/support/lti-platform";
import { startFakeTool, type FakeTool } from "./fake-tool";

let platform: TestPlatform;
let tool: FakeTool;
let formTool: FakeTool;

beforeAll(async () => {
  platform = await startTestPlatform({ clientId: "fake-tool", extraDeploymentIds: ["deployment-2"] });
  tool = await startFakeTool(platform);
  formTool = await startFakeTool(platform, { loginAnswer: "form" });
});

afterAll(async () => {
  await tool.close();
  await formTool.close();
  await platform.close();
});

const ada = { sub: "user-ada", name: "Ada Lovelace", givenName: "Ada", familyName: "Lovelace", email: "ada@example.edu", locale: "zh-CN" };
const launchOf = (extra: Partial<LaunchOptions> = {}): LaunchOptions => ({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: ada, roles: [role.instructor], ...extra });

describe("a resource link launch through the launch driver", () => {
  it("completes the OIDC login against a tool that redirects, and the tool verifies the id_token", async () => {
    const result = await platform.launch(launchOf({ resourceLink: { id: "link-7", title: "Quiz 1" }, custom: { assessment: "a-1" } }));
    expect(result.stage).toBe("launched");
    expect(result.login.status).toBe(302);
    expect(result.authorization?.problems).toEqual([]);
    expect(result.response.status).toBe(200);
    expect(JSON.parse(result.response.body)).toMatchObject({ launched: true });
    expect(result.jar.get(tool.launchUrl, "session")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("mints an id_token that verifies against the platform's own JWKS and carries the resource link claims", async () => {
    const result = await platform.launch(launchOf({ resourceLink: { id: "link-7", title: "Quiz 1" }, custom: { assessment: "a-1" } }));
    const { payload } = await jwtVerify(result.idToken!, createRemoteJWKSet(new URL(platform.urls.jwks)), { issuer: platform.issuer, audience: "fake-tool" });
    expect(decodeProtectedHeader(result.idToken!)).toMatchObject({ alg: "RS256", kid: platform.keys.current.kid });
    expect(payload).toMatchObject({
      sub: "user-ada",
      azp: "fake-tool",
      name: "Ada Lovelace",
      given_name: "Ada",
      family_name: "Lovelace",
      email: "ada@example.edu",
      locale: "zh-CN",
      nonce: result.authorization!.params.nonce,
      [claim.messageType]: "LtiResourceLinkRequest",
      [claim.version]: "1.3.0",
      [claim.deploymentId]: "deployment-1",
      [claim.targetLinkUri]: tool.launchUrl,
      [claim.roles]: [role.instructor],
      [claim.resourceLink]: { id: "link-7", title: "Quiz 1" },
      [claim.context]: { id: "context-1", label: "CNN101" },
      [claim.custom]: { assessment: "a-1" },
      [claim.launchPresentation]: { locale: "zh-CN" },
      [claim.agsEndpoint]: { lineitems: platform.urls.lineItems("context-1") },
      [claim.nrpsService]: { context_memberships_url: platform.urls.memberships("context-1"), service_versions: ["2.0"] },
    });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload[claim.deepLinkingSettings]).toBeUndefined();
  });

  it("launches a deep linking request with the platform's return URL and data, and no resource link", async () => {
    const result = await platform.launch(launchOf({ messageType: "LtiDeepLinkingRequest" }));
    expect(result.response.status).toBe(200);
    expect(result.claims![claim.messageType]).toBe("LtiDeepLinkingRequest");
    expect(result.claims![claim.resourceLink]).toBeUndefined();
    expect(result.claims![claim.deepLinkingSettings]).toMatchObject({
      deep_link_return_url: platform.urls.deepLinkReturn,
      accept_types: ["ltiResourceLink"],
      accept_lineitem: true,
      data: expect.stringMatching(/^dl-/),
    });
  });

  it("sends login initiation by POST, follows a tool's auto-submitting form, and uses another deployment when asked", async () => {
    const result = await platform.launch(launchOf({ toolLoginUrl: formTool.loginUrl, targetLinkUri: formTool.launchUrl, loginMethod: "POST", deploymentId: "deployment-2" }));
    expect(result.login.status).toBe(200);
    expect(result.authorization?.method).toBe("POST");
    expect(result.response.status).toBe(200);
    expect(result.claims![claim.deploymentId]).toBe("deployment-2");
  });

  it("runs launches at once, each with its own authentication request and id_token", async () => {
    const subs = ["at-once-1", "at-once-2", "at-once-3"];
    const results = await Promise.all(subs.map((sub) => platform.launch(launchOf({ user: { sub } }))));
    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200]);
    expect(results.map((result) => result.authorization?.params.login_hint)).toEqual(subs);
    expect(results.map((result) => result.claims?.sub)).toEqual(subs);
  });

  it("keeps only Partitioned cookies when the browser blocks third-party cookies", async () => {
    const result = await platform.launch(launchOf({ thirdPartyCookiesBlocked: true }));
    expect(result.response.status).toBe(200);
    expect(result.jar.all().map((cookie) => cookie.name)).toEqual(["lti_state"]);
    expect(JSON.parse(result.response.body).cookie).toMatch(/^lti_state=/);
  });
});

describe("the authorization endpoint", () => {
  const good = { scope: "openid", response_type: "id_token", response_mode: "form_post", prompt: "none", client_id: "c", redirect_uri: "https://tool/launch", login_hint: "u", lti_message_hint: "h", state: "s", nonce: "n" };
  const expected = { clientId: "c", loginHint: "u", ltiMessageHint: "h", redirectUriAllowed: (uri: string) => uri === "https://tool/launch" };

  it("finds nothing wrong with a request that carries every value LTI 1.3 asks for", () => {
    expect(checkAuthenticationRequest(good, expected)).toEqual([]);
  });

  it.each([
    [{ scope: "profile" }, "scope must include openid"],
    [{ response_type: "code" }, "response_type must be id_token"],
    [{ response_mode: "query" }, "response_mode must be form_post"],
    [{ prompt: "login" }, "prompt must be none"],
    [{ client_id: "other" }, "client_id is not this tool's"],
    [{ redirect_uri: "https://evil/launch" }, "redirect_uri is not registered"],
    [{ login_hint: "someone-else" }, "login_hint was not echoed"],
    [{ lti_message_hint: "other" }, "lti_message_hint was not echoed"],
    [{ state: "" }, "state is missing"],
    [{ nonce: "" }, "nonce is missing"],
  ])("names what is wrong with %o", (change, problem) => {
    expect(checkAuthenticationRequest({ ...good, ...change }, expected)).toEqual([problem]);
  });

  it("answers an unregistered redirect_uri with a 400 page, not a form post to it", async () => {
    const strict = await startTestPlatform({ redirectUris: ["http://127.0.0.1:1/launch"] });
    const strictTool = await startFakeTool(strict);
    try {
      const result = await strict.launch({ toolLoginUrl: strictTool.loginUrl, targetLinkUri: strictTool.launchUrl, user: ada });
      expect(result.stage).toBe("authorization");
      expect(result.authorizationResponse?.status).toBe(400);
      expect(result.authorization?.problems).toContain("redirect_uri is not registered");
    } finally {
      await strictTool.close();
      await strict.close();
    }
  });
});

describe("tamper knobs produce the bad launch they name", () => {
  const cases: [string, LaunchTamper, RegExp][] = [
    ["wrong issuer", { wrongIssuer: true }, /claim iss/],
    ["wrong audience", { wrongAudience: true }, /claim aud/],
    ["wrong azp", { wrongAzp: true }, /claim azp/],
    ["expired", { expired: true }, /ERR_JWT_EXPIRED/],
    ["iat in the future", { issuedInFuture: true }, /claim iat/],
    ["bad signature", { badSignature: true }, /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/],
    ["unknown kid", { unknownKid: true }, /ERR_JWKS_NO_MATCHING_KEY/],
    ["unknown deployment", { unknownDeployment: true }, /claim deployment_id: unknown/],
    ["missing message type", { omitClaims: ["message_type"] }, /claim message_type/],
    ["missing version", { omitClaims: ["version"] }, /claim version/],
    ["missing roles", { omitClaims: ["roles"] }, /claim roles/],
    ["missing resource link id", { omitClaims: ["resource_link.id"] }, /claim resource_link.id/],
    ["missing sub", { omitClaims: ["sub"] }, /claim sub/],
    ["wrong nonce", { wrongNonce: true }, /claim nonce: mismatch/],
    ["wrong state", { wrongState: true }, /unknown state/],
    ["wrong version", { overrideClaims: { [claim.version]: "1.1.0" } }, /claim version/],
  ];

  it.each(cases)("%s", async (_name, tamper, reason) => {
    const result = await platform.launch(launchOf({ tamper }));
    expect(result.stage).toBe("launched");
    expect(result.response.status).toBe(400);
    expect(result.response.body).toMatch(reason);
  });

  it("replay posts the same id_token and state twice: the first is accepted, the second refused", async () => {
    const result = await platform.launch(launchOf({ tamper: { replay: true } }));
    expect(result.firstResponse?.status).toBe(200);
    expect(result.response.status).toBe(400);
    expect(result.response.body).toBe("claim nonce: replayed");
  });

  it("a missing claim is absent from the token while everything else stays", async () => {
    const result = await platform.launch(launchOf({ tamper: { omitClaims: ["resource_link.id", "sub"] } }));
    expect(result.claims!.sub).toBeUndefined();
    expect(result.claims![claim.resourceLink]).toEqual({ title: "Resource link" });
    expect(result.claims![claim.messageType]).toBe("LtiResourceLinkRequest");
  });
});

describe("the platform's keys", () => {
  it("publishes the old key beside the new one after a rotation, and signs with the new one", async () => {
    const rotating = await startTestPlatform();
    try {
      const first = rotating.keys.current.kid;
      const second = (await rotating.keys.rotate()).kid;
      const jwks = (await (await fetch(rotating.urls.jwks)).json()) as { keys: { kid: string; alg: string; use: string; kty: string; d?: string }[] };
      expect(jwks.keys.map((key) => [key.kid, key.alg, key.use, key.kty])).toEqual([[first, "RS256", "sig", "RSA"], [second, "RS256", "sig", "RSA"]]);
      expect(jwks.keys.some((key) => key.d !== undefined)).toBe(false);
      const claims = buildLaunchClaims({ issuer: rotating.issuer, clientId: rotating.clientId, deploymentId: "d", nonce: "n", now: new Date(), messageType: "LtiResourceLinkRequest", targetLinkUri: "https://tool/launch", user: { sub: "s" }, roles: [] });
      const token = await signIdToken(claims, rotating.keys.current);
      expect(decodeProtectedHeader(token).kid).toBe(second);
      await expect(jwtVerify(token, createRemoteJWKSet(new URL(rotating.urls.jwks)))).resolves.toBeDefined();
      rotating.keys.dropOldKeys();
      expect(rotating.keys.jwks().keys.map((key) => key.kid)).toEqual([second]);
    } finally {
      await rotating.close();
    }
  });
});
