/**
 * The Dynamic Registration documents (lib/server/lti/registration-document.ts): the registration
 * Stride posts passes the test platform's checks of DR 1.0 §3.5.2 and carries Stride's addresses;
 * a platform's OpenID configuration is read or refused with named problems; a platform's answer
 * gives its client id and deployment.
 */
import { describe, expect, it } from "vitest";
import {
  platformDisplayName,
  readPlatformConfiguration,
  readRegistrationResponse,
  TOOL_CONFIGURATION_CLAIM,
  toolRegistrationRequest,
  toolUrls,
} from "@/lib/server/lti/registration-document";
import { checkRegistrationRequest } from "@/tests/support/lti-platform";
import registerEn from "@/lib/i18n/messages/en/ltiRegister.json";
import registerZh from "@/lib/i18n/messages/zh-CN/ltiRegister.json";
import { messagesByLocale } from "@/lib/i18n/messages";

const BASE = "https://stride.example.edu";
const CONFIGURATION_URL = "https://lms.example.edu/mod/lti/openid-configuration.php";

function moodleConfiguration(): Record<string, unknown> {
  return {
    issuer: "https://lms.example.edu",
    authorization_endpoint: "https://lms.example.edu/mod/lti/auth.php",
    token_endpoint: "https://lms.example.edu/mod/lti/token.php",
    jwks_uri: "https://lms.example.edu/mod/lti/certs.php",
    registration_endpoint: "https://lms.example.edu/mod/lti/openid-registration.php",
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    id_token_signing_alg_values_supported: ["RS256"],
    "https://purl.imsglobal.org/spec/lti-platform-configuration": {
      product_family_code: "moodle",
      version: "4.3",
      messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest" }],
    },
  };
}

describe("Stride's registration request (DR 1.0 §3.5.2)", () => {
  const request = toolRegistrationRequest(BASE);

  it("passes the test platform's checks", () => {
    expect(checkRegistrationRequest(request)).toEqual([]);
  });

  it("announces Stride's addresses, its services and both launch messages", () => {
    expect(request).toMatchObject({
      application_type: "web",
      response_types: ["id_token"],
      grant_types: ["implicit", "client_credentials"],
      initiate_login_uri: `${BASE}/lti/login`,
      redirect_uris: [`${BASE}/lti/launch`],
      jwks_uri: `${BASE}/lti/jwks`,
      token_endpoint_auth_method: "private_key_jwt",
      client_name: "Stride",
      logo_uri: `${BASE}/apple-icon.png`,
      scope:
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem https://purl.imsglobal.org/spec/lti-ags/scope/score https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
    });
    const tool = request[TOOL_CONFIGURATION_CLAIM] as Record<string, unknown>;
    expect(tool).toMatchObject({ domain: "stride.example.edu", target_link_uri: `${BASE}/lti/launch` });
    expect(tool.claims).toEqual(expect.arrayContaining(["sub", "name", "email", "locale"]));
    expect(tool.messages).toEqual([
      { type: "LtiResourceLinkRequest", target_link_uri: `${BASE}/lti/launch`, label: "Stride" },
      { type: "LtiDeepLinkingRequest", target_link_uri: `${BASE}/lti/launch`, label: "Stride" },
    ]);
  });

  it("keeps the base URL's port in every address and in the domain", () => {
    expect(toolUrls("http://localhost:3000")).toMatchObject({ loginUrl: "http://localhost:3000/lti/login", domain: "localhost:3000" });
  });
});

describe("reading a platform's OpenID configuration (DR 1.0 §3.4, §3.5.1)", () => {
  const read = (document: unknown, allowInsecureLoopback = false) => readPlatformConfiguration(document, { configurationUrl: CONFIGURATION_URL, allowInsecureLoopback });

  it("reads Moodle's", () => {
    const result = read(moodleConfiguration());
    expect(result).toEqual({
      ok: true,
      configuration: {
        issuer: "https://lms.example.edu",
        authorizationEndpoint: "https://lms.example.edu/mod/lti/auth.php",
        tokenEndpoint: "https://lms.example.edu/mod/lti/token.php",
        jwksUri: "https://lms.example.edu/mod/lti/certs.php",
        registrationEndpoint: "https://lms.example.edu/mod/lti/openid-registration.php",
        productFamilyCode: "moodle",
        version: "4.3",
        messageTypes: ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"],
      },
    });
    if (result.ok) expect(platformDisplayName(result.configuration)).toBe("moodle (lms.example.edu)");
  });

  it.each([
    ["not an object", "text", /configuration/],
    ["no issuer", { ...moodleConfiguration(), issuer: undefined }, /issuer is missing/],
    ["no registration endpoint", { ...moodleConfiguration(), registration_endpoint: undefined }, /registration_endpoint is missing/],
    ["no platform claim", { ...moodleConfiguration(), "https://purl.imsglobal.org/spec/lti-platform-configuration": undefined }, /lti-platform-configuration claim is missing/],
    ["an issuer on another host", { ...moodleConfiguration(), issuer: "https://elsewhere.example.edu" }, /not on the origin of the configuration URL/],
    ["an issuer on another port", { ...moodleConfiguration(), issuer: "https://lms.example.edu:8443" }, /not on the origin/],
    ["a plain-http endpoint", { ...moodleConfiguration(), token_endpoint: "http://lms.example.edu/token" }, /token_endpoint must use https/],
    ["no private_key_jwt", { ...moodleConfiguration(), token_endpoint_auth_methods_supported: ["client_secret_basic"] }, /private_key_jwt/],
    ["no RS256", { ...moodleConfiguration(), id_token_signing_alg_values_supported: ["HS256"] }, /RS256/],
    [
      "no resource link message",
      { ...moodleConfiguration(), "https://purl.imsglobal.org/spec/lti-platform-configuration": { product_family_code: "x", messages_supported: [{ type: "LtiDeepLinkingRequest" }] } },
      /LtiResourceLinkRequest/,
    ],
  ])("refuses %s, naming the problem", (_name, document, problem) => {
    const result = read(document);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("; ")).toMatch(problem);
  });

  it("accepts a plain-http loopback platform only when allowed", () => {
    const local = { ...moodleConfiguration(), issuer: "http://127.0.0.1:4000", authorization_endpoint: "http://127.0.0.1:4000/auth", token_endpoint: "http://127.0.0.1:4000/token", jwks_uri: "http://127.0.0.1:4000/jwks", registration_endpoint: "http://127.0.0.1:4000/register" };
    const at = { configurationUrl: "http://127.0.0.1:4000/.well-known/openid-configuration" };
    expect(readPlatformConfiguration(local, { ...at, allowInsecureLoopback: false }).ok).toBe(false);
    expect(readPlatformConfiguration(local, { ...at, allowInsecureLoopback: true }).ok).toBe(true);
  });
});

describe("reading the platform's answer (DR 1.0 §3.6)", () => {
  it("gives the client id and the deployment id (a number read as text)", () => {
    expect(readRegistrationResponse({ client_id: "abc", [TOOL_CONFIGURATION_CLAIM]: { deployment_id: "7" } })).toEqual({ ok: true, clientId: "abc", deploymentId: "7" });
    expect(readRegistrationResponse({ client_id: "abc", [TOOL_CONFIGURATION_CLAIM]: { deployment_id: 7 } })).toEqual({ ok: true, clientId: "abc", deploymentId: "7" });
    expect(readRegistrationResponse({ client_id: "abc" })).toEqual({ ok: true, clientId: "abc", deploymentId: null });
  });

  it("refuses an answer without a client id", () => {
    expect(readRegistrationResponse({ [TOOL_CONFIGURATION_CLAIM]: { deployment_id: "7" } })).toEqual({ ok: false, problems: ["the answer has no client_id"] });
    expect(readRegistrationResponse(null).ok).toBe(false);
  });
});

describe("the registration pages' words", () => {
  it("exist in both languages with the same keys", () => {
    expect(Object.keys(registerZh).sort()).toEqual(Object.keys(registerEn).sort());
  });

  it("name every reason a registration is refused with, in both languages", () => {
    const reasons = [
      "registrationNotAllowed",
      "registrationTokenInvalid",
      "registrationUrlMissing",
      "registrationUrlInsecure",
      "configurationUnavailable",
      "configurationInvalid",
      "registrationRejected",
      "registrationNoDeployment",
      "platformExists",
    ];
    for (const locale of ["en", "zh-CN"] as const) {
      const lti = (messagesByLocale[locale].serverErrors as Record<string, Record<string, string>>).lti ?? {};
      expect(reasons.filter((reason) => typeof lti[reason] !== "string")).toEqual([]);
    }
  });
});
