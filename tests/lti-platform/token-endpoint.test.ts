import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JWT_BEARER_ASSERTION, scope, startTestPlatform, type TestPlatform } from "@/tests/support/lti-platform";
import { startFakeTool, type FakeTool } from "./fake-tool";
import { requestToken, signAssertion, strangerKey } from "./tool-requests";

let platform: TestPlatform;
let tool: FakeTool;

beforeAll(async () => {
  platform = await startTestPlatform({ clientId: "fake-tool", grantableScopes: [scope.score, scope.lineItem, scope.contextMembershipReadOnly] });
  tool = await startFakeTool(platform);
  platform.setToolJwksUrl(tool.jwksUrl);
});

afterAll(async () => {
  await tool.close();
  await platform.close();
});

const grant = async (assertion: string, extra: Record<string, string> = {}) =>
  requestToken(platform, { grant_type: "client_credentials", client_assertion_type: JWT_BEARER_ASSERTION, client_assertion: assertion, scope: `${scope.score} ${scope.lineItem}`, ...extra });

describe("the token endpoint (client_credentials with a JWT assertion)", () => {
  it("issues an opaque bearer token for a correctly signed assertion, with the scopes it can grant", async () => {
    const response = await grant(await signAssertion(platform, tool), { scope: `${scope.score} ${scope.resultReadOnly}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: scope.score });
    expect(body.access_token).toEqual(expect.any(String));
    expect(String(body.access_token).split(".")).toHaveLength(1);
    expect(platform.tokenRequests.at(-1)).toMatchObject({ outcome: "issued", grantedScopes: [scope.score], assertionClaims: { iss: "fake-tool", sub: "fake-tool" } });
  });

  it.each([
    ["another issuer", { claims: { iss: "someone" } }, /assertion claim iss/],
    ["another subject", { claims: { sub: "someone" } }, /assertion claim sub/],
    ["another audience", { claims: { aud: "https://elsewhere/token" } }, /assertion claim aud/],
    ["no jti", { claims: { jti: undefined } }, /assertion claim jti/],
    ["an expired assertion", { expiresIn: "-1m" }, /ERR_JWT_EXPIRED/],
  ] as const)("refuses %s as invalid_client", async (_name, change, reason) => {
    const response = await grant(await signAssertion(platform, tool, change));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_client", error_description: expect.stringMatching(reason) });
  });

  it("refuses an assertion signed by a key outside the tool's JWKS", async () => {
    const response = await grant(await signAssertion(platform, tool, { key: await strangerKey() }));
    expect(await response.json()).toMatchObject({ error: "invalid_client", error_description: "assertion ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
  });

  it("refuses a jti it has seen before", async () => {
    const assertion = await signAssertion(platform, tool);
    expect((await grant(assertion)).status).toBe(200);
    const again = await grant(assertion);
    expect(await again.json()).toMatchObject({ error: "invalid_client", error_description: "assertion jti was used before" });
  });

  it("refuses another grant type, another assertion type, and scopes it cannot grant", async () => {
    const assertion = await signAssertion(platform, tool);
    expect(await (await grant(assertion, { grant_type: "password" })).json()).toMatchObject({ error: "unsupported_grant_type" });
    expect(await (await grant(assertion, { client_assertion_type: "urn:other" })).json()).toMatchObject({ error: "invalid_request" });
    expect(await (await grant(assertion, { scope: scope.resultReadOnly })).json()).toMatchObject({ error: "invalid_scope" });
  });
});
