import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLATFORM_CONFIGURATION, scope, startTestPlatform, TOOL_CONFIGURATION, type TestPlatform } from "@/tests/support/lti-platform";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ clientId: "registered-tool", deploymentId: "dep-9" });
});

afterAll(() => platform.close());

const toolBase = "http://127.0.0.1:9/stride";
const registration = (change: Record<string, unknown> = {}) => ({
  application_type: "web",
  response_types: ["id_token"],
  grant_types: ["implicit", "client_credentials"],
  initiate_login_uri: `${toolBase}/lti/login`,
  redirect_uris: [`${toolBase}/lti/launch`],
  client_name: "Stride",
  jwks_uri: `${toolBase}/lti/jwks`,
  token_endpoint_auth_method: "private_key_jwt",
  scope: `${scope.score} ${scope.lineItem}`,
  [TOOL_CONFIGURATION]: {
    domain: "127.0.0.1",
    target_link_uri: `${toolBase}/lti/launch`,
    claims: ["iss", "sub", "name", "email", "locale"],
    messages: [{ type: "LtiDeepLinkingRequest", target_link_uri: `${toolBase}/lti/launch`, label: "Stride" }],
  },
  ...change,
});
const register = (body: unknown, token?: string) =>
  fetch(platform.urls.registration, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

describe("Dynamic Registration", () => {
  it("gives the tool a registration URL with the openid_configuration and a registration token", () => {
    const url = new URL(platform.registrationInitiationUrl(`${toolBase}/lti/register`));
    expect(url.origin + url.pathname).toBe(`${toolBase}/lti/register`);
    expect(url.searchParams.get("openid_configuration")).toBe(platform.urls.openidConfiguration);
    expect(url.searchParams.get("registration_token")).toMatch(/^registration-/);
  });

  it("publishes an OpenID configuration with the LTI platform configuration claim", async () => {
    const response = await fetch(platform.urls.openidConfiguration);
    expect(await response.json()).toMatchObject({
      issuer: platform.issuer,
      authorization_endpoint: platform.urls.authorization,
      token_endpoint: platform.urls.token,
      jwks_uri: platform.urls.jwks,
      registration_endpoint: platform.urls.registration,
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      id_token_signing_alg_values_supported: ["RS256"],
      [PLATFORM_CONFIGURATION]: { product_family_code: "stride-test-platform", messages_supported: expect.arrayContaining([{ type: "LtiResourceLinkRequest" }]) },
    });
  });

  it("registers a tool with a good token: answers its client_id and deployment, and takes its JWKS and URLs", async () => {
    const token = platform.createRegistrationToken();
    const response = await register(registration(), token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ client_id: "registered-tool", client_name: "Stride", [TOOL_CONFIGURATION]: { deployment_id: "dep-9", domain: "127.0.0.1" } });
    expect(platform.toolJwksUrl).toBe(`${toolBase}/lti/jwks`);
    expect(platform.redirectUris).toEqual([`${toolBase}/lti/launch`]);
    expect(platform.toolLoginUrl).toBe(`${toolBase}/lti/login`);
    expect(platform.registrationRequests.at(-1)).toMatchObject({ token, status: 200, problems: [], body: registration() });

    const again = await register(registration(), token);
    expect(again.status).toBe(401);
  });

  it("refuses a registration without a token, or with one it never issued", async () => {
    expect((await register(registration())).status).toBe(401);
    expect((await register(registration(), "guessed")).status).toBe(401);
    expect(platform.registrationRequests.at(-1)!.problems).toEqual(["registration token unknown or used"]);
  });

  it("refuses registration metadata that Dynamic Registration does not allow, naming each problem", async () => {
    const token = platform.createRegistrationToken();
    const response = await register(registration({ grant_types: ["implicit"], token_endpoint_auth_method: "client_secret_basic", redirect_uris: [] }), token);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_client_metadata" });
    expect(platform.registrationRequests.at(-1)!.problems).toEqual([
      "grant_types must include implicit and client_credentials",
      "redirect_uris must be a non-empty list of URLs",
      "token_endpoint_auth_method must be private_key_jwt",
    ]);
    expect((await register(registration(), token)).status).toBe(200);
  });
});
