import { z } from "zod";
import { platformUrlProblem } from "./platform-input";

/**
 * LTI Dynamic Registration 1.0 (1EdTech, https://www.imsglobal.org/spec/lti-dr/v1p0), the pure
 * parts: what Stride posts to a platform's registration endpoint (§3.5.2, the tool's OpenID
 * Connect client registration with the LTI tool configuration claim), how it reads the platform's
 * OpenID configuration (§3.4, with the platform configuration claim) and the platform's answer
 * (§3.6). No database, no network: registration.ts does those.
 */

export const PLATFORM_CONFIGURATION_CLAIM = "https://purl.imsglobal.org/spec/lti-platform-configuration";
export const TOOL_CONFIGURATION_CLAIM = "https://purl.imsglobal.org/spec/lti-tool-configuration";

/** The services Stride asks for: AGS line items, scores and results (AGS 2.0 §3.1), NRPS (§2.2). */
export const TOOL_SCOPES = [
  "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
] as const;

/** The id_token claims Stride reads to provision a user (lib/server/lti/provision-user.ts). */
export const TOOL_CLAIMS = ["iss", "sub", "name", "given_name", "family_name", "email", "locale"] as const;

/** Stride's addresses as an LTI tool, all under its base URL; the same values an admin types by hand. */
export function toolUrls(baseUrl: string) {
  const at = (path: string) => new URL(path, baseUrl).toString();
  return {
    loginUrl: at("/lti/login"),
    launchUrl: at("/lti/launch"),
    /** Deep-linking requests launch at the same address; the launch sends them to the picker. */
    deepLinkingUrl: at("/lti/launch"),
    jwksUrl: at("/lti/jwks"),
    registrationUrl: at("/lti/register"),
    logoUrl: at("/apple-icon.png"),
    domain: new URL(baseUrl).host,
  };
}

/** §3.5.2: the client registration request Stride posts (JSON). */
export function toolRegistrationRequest(baseUrl: string): Record<string, unknown> {
  const urls = toolUrls(baseUrl);
  return {
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: urls.loginUrl,
    redirect_uris: [urls.launchUrl],
    client_name: "Stride",
    "client_name#zh-CN": "Stride",
    jwks_uri: urls.jwksUrl,
    logo_uri: urls.logoUrl,
    client_uri: new URL("/", baseUrl).toString(),
    token_endpoint_auth_method: "private_key_jwt",
    scope: TOOL_SCOPES.join(" "),
    [TOOL_CONFIGURATION_CLAIM]: {
      domain: urls.domain,
      target_link_uri: urls.launchUrl,
      description: "Adaptive practice, spaced review and assessments for computing courses.",
      claims: [...TOOL_CLAIMS],
      messages: [
        { type: "LtiResourceLinkRequest", target_link_uri: urls.launchUrl, label: "Stride" },
        { type: "LtiDeepLinkingRequest", target_link_uri: urls.deepLinkingUrl, label: "Stride" },
      ],
    },
  };
}

/** What Stride keeps of a platform's OpenID configuration. */
export interface PlatformConfiguration {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  registrationEndpoint: string;
  /** product_family_code of the platform configuration claim ("moodle", "canvas", …). */
  productFamilyCode: string;
  version: string | null;
  /** The message types the platform says it can send (empty when it does not say). */
  messageTypes: string[];
}

const configurationSchema = z.object({
  issuer: z.string({ error: "issuer is missing" }),
  authorization_endpoint: z.string({ error: "authorization_endpoint is missing" }),
  token_endpoint: z.string({ error: "token_endpoint is missing" }),
  jwks_uri: z.string({ error: "jwks_uri is missing" }),
  registration_endpoint: z.string({ error: "registration_endpoint is missing" }),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
  [PLATFORM_CONFIGURATION_CLAIM]: z.object(
    {
      product_family_code: z.string({ error: "product_family_code is missing" }).min(1, "product_family_code is empty"),
      version: z.string().optional(),
      messages_supported: z.array(z.object({ type: z.string() }).loose(), { error: "messages_supported must be a list" }).optional(),
    },
    { error: `the ${PLATFORM_CONFIGURATION_CLAIM} claim is missing` },
  ),
});

/**
 * Reads a platform's OpenID configuration (§3.4, §3.5.1): every endpoint a URL Stride accepts
 * (https; plain http only on loopback when allowed), the issuer on the same origin (scheme, host
 * and port) as the configuration's own URL, private_key_jwt and RS256 where the platform lists
 * what it supports, and LtiResourceLinkRequest among the messages it can send. The problems in
 * English for the log, or the configuration.
 */
export function readPlatformConfiguration(
  document: unknown,
  { configurationUrl, allowInsecureLoopback }: { configurationUrl: string; allowInsecureLoopback: boolean },
): { ok: true; configuration: PlatformConfiguration } | { ok: false; problems: string[] } {
  const parsed = configurationSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "configuration"}: ${issue.message}`) };
  const value = parsed.data;
  const problems: string[] = [];
  for (const field of ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint"] as const) {
    const problem = platformUrlProblem(value[field], { allowInsecureLoopback });
    if (problem) problems.push(`${field} ${problem}`);
  }
  if (problems.length === 0 && new URL(value.issuer).origin !== new URL(configurationUrl).origin) {
    problems.push(`issuer ${value.issuer} is not on the origin of the configuration URL (${new URL(configurationUrl).origin})`);
  }
  if (value.issuer.includes("?")) problems.push("issuer must not have a ?query");
  const authMethods = value.token_endpoint_auth_methods_supported;
  if (authMethods && !authMethods.includes("private_key_jwt")) problems.push("token_endpoint_auth_methods_supported lacks private_key_jwt");
  const algs = value.id_token_signing_alg_values_supported;
  if (algs && !algs.includes("RS256")) problems.push("id_token_signing_alg_values_supported lacks RS256");
  const platform = value[PLATFORM_CONFIGURATION_CLAIM];
  const messageTypes = (platform.messages_supported ?? []).map((message) => message.type);
  if (platform.messages_supported && !messageTypes.includes("LtiResourceLinkRequest")) problems.push("messages_supported lacks LtiResourceLinkRequest");
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    configuration: {
      issuer: value.issuer,
      authorizationEndpoint: value.authorization_endpoint,
      tokenEndpoint: value.token_endpoint,
      jwksUri: value.jwks_uri,
      registrationEndpoint: value.registration_endpoint,
      productFamilyCode: platform.product_family_code,
      version: platform.version ?? null,
      messageTypes,
    },
  };
}

/** §3.6: the platform's answer: the client id it gave Stride, and the deployment made (when it made one). */
export function readRegistrationResponse(document: unknown): { ok: true; clientId: string; deploymentId: string | null } | { ok: false; problems: string[] } {
  if (typeof document !== "object" || document === null) return { ok: false, problems: ["the answer is not a JSON object"] };
  const value = document as Record<string, unknown>;
  const clientId = typeof value.client_id === "string" ? value.client_id.trim() : "";
  if (!clientId) return { ok: false, problems: ["the answer has no client_id"] };
  const tool = value[TOOL_CONFIGURATION_CLAIM];
  const rawDeployment = typeof tool === "object" && tool !== null ? (tool as Record<string, unknown>).deployment_id : undefined;
  const deploymentId = typeof rawDeployment === "string" && rawDeployment.trim() ? rawDeployment.trim() : typeof rawDeployment === "number" ? String(rawDeployment) : null;
  return { ok: true, clientId, deploymentId };
}

/** The name an admin sees for a platform registered dynamically: its product and host ("moodle (lms.example.edu)"). */
export function platformDisplayName(configuration: PlatformConfiguration): string {
  return `${configuration.productFamilyCode} (${new URL(configuration.issuer).host})`.slice(0, 200);
}
