import { SignJWT, type JWTPayload } from "jose";
import { randomBytes } from "node:crypto";
import { createSigningKey, type SigningKey } from "./keys";
import { claim, LTI_VERSION, type LaunchMessageType } from "./vocabulary";

/** The person the platform launches (LTI 1.3 Core §5.3.6: OpenID Connect standard claims). */
export interface LaunchUser {
  sub: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  /** BCP 47, e.g. "en-US" or "zh-CN"; sent as `locale` and in launch_presentation. */
  locale?: string;
}

export interface LaunchContext {
  id: string;
  label?: string;
  title?: string;
  type?: string[];
}

export interface LaunchResourceLink {
  id: string;
  title?: string;
  description?: string;
}

/** AGS 2.0 §3.1: the endpoint claim a launch carries. */
export interface AgsEndpointClaim {
  scope: string[];
  lineitems?: string;
  lineitem?: string;
}

/** Deep Linking 2.0 §4.4.1: what the platform will accept back. */
export interface DeepLinkingSettings {
  deep_link_return_url: string;
  accept_types: string[];
  accept_presentation_document_targets: string[];
  accept_media_types?: string;
  accept_multiple?: boolean;
  accept_lineitem?: boolean;
  auto_create?: boolean;
  title?: string;
  text?: string;
  data?: string;
}

/** A claim the `omitClaims` tamper can take out. `resource_link.id` keeps the object, less its id. */
export type OmittableClaim =
  | "sub"
  | "nonce"
  | "message_type"
  | "version"
  | "roles"
  | "deployment_id"
  | "target_link_uri"
  | "resource_link"
  | "resource_link.id"
  | "deep_linking_settings";

/**
 * The bad launches a tool must refuse (issue 15, "Bad launches"; LTI 1.3 Core §5.1.3 and Security
 * Framework §5.1.3 list the checks). Each knob breaks exactly one thing; the rest stays valid.
 */
export interface LaunchTamper {
  /** `iss` is another platform's (the tool does not know it). */
  wrongIssuer?: boolean;
  /** `aud` is another client id. */
  wrongAudience?: boolean;
  /** `aud` holds the client id and another audience, and `azp` names the other one. */
  wrongAzp?: boolean;
  /** `exp` a minute in the past (and `iat` six minutes back). */
  expired?: boolean;
  /** `iat` an hour in the future. */
  issuedInFuture?: boolean;
  /** Signed by a key that is not in the platform's JWKS, under the published `kid`. */
  badSignature?: boolean;
  /** Signed by a key whose `kid` the JWKS does not have. */
  unknownKid?: boolean;
  /** `deployment_id` one the tool was never told about. */
  unknownDeployment?: boolean;
  /** Take these claims out. */
  omitClaims?: OmittableClaim[];
  /** The id_token's nonce differs from the one the tool sent in its authentication request. */
  wrongNonce?: boolean;
  /** The launch driver posts the same id_token and state twice (replayed token and nonce). */
  replay?: boolean;
  /** The launch driver posts a state the tool never issued. */
  wrongState?: boolean;
  /** Claims set last, over everything (e.g. a wrong version: `{ [claim.version]: "1.1.0" }`). */
  overrideClaims?: Record<string, unknown>;
}

export interface LaunchClaimsInput {
  issuer: string;
  clientId: string;
  deploymentId: string;
  nonce: string;
  now: Date;
  messageType: LaunchMessageType;
  targetLinkUri: string;
  user: LaunchUser;
  roles: string[];
  context?: LaunchContext;
  resourceLink?: LaunchResourceLink;
  custom?: Record<string, string>;
  ags?: AgsEndpointClaim;
  nrps?: { context_memberships_url: string; service_versions: string[] };
  deepLinkingSettings?: DeepLinkingSettings;
  platformName?: string;
  /** Seconds an id_token lives; LTI leaves it to the platform, five minutes is common. */
  lifetimeSeconds?: number;
}

/**
 * The id_token's claims for one launch (LTI 1.3 Core §5.3 required and optional claims; Deep
 * Linking 2.0 §4.4 for LtiDeepLinkingRequest, which carries deep_linking_settings and no
 * resource_link). Tamper knobs that change claims are applied here.
 */
export function buildLaunchClaims(input: LaunchClaimsInput, tamper: LaunchTamper = {}): JWTPayload {
  const iat = Math.floor(input.now.getTime() / 1000);
  const lifetime = input.lifetimeSeconds ?? 300;
  const { user } = input;
  const claims: JWTPayload = {
    iss: tamper.wrongIssuer ? "https://unknown-platform.example" : input.issuer,
    aud: tamper.wrongAzp ? [input.clientId, "another-client"] : tamper.wrongAudience ? "another-client" : input.clientId,
    azp: tamper.wrongAzp ? "another-client" : tamper.wrongAudience ? "another-client" : input.clientId,
    sub: user.sub,
    iat: tamper.issuedInFuture ? iat + 3600 : tamper.expired ? iat - 360 : iat,
    exp: tamper.expired ? iat - 60 : tamper.issuedInFuture ? iat + 3600 + lifetime : iat + lifetime,
    nonce: tamper.wrongNonce ? `not-${input.nonce}` : input.nonce,
    [claim.messageType]: input.messageType,
    [claim.version]: LTI_VERSION,
    [claim.deploymentId]: tamper.unknownDeployment ? "unknown-deployment" : input.deploymentId,
    [claim.targetLinkUri]: input.targetLinkUri,
    [claim.roles]: input.roles,
    [claim.toolPlatform]: {
      guid: `${input.issuer}/guid`,
      name: input.platformName ?? "Stride test platform",
      product_family_code: "stride-test-platform",
      version: "1.0",
    },
    [claim.launchPresentation]: { document_target: "iframe", locale: user.locale ?? "en-US" },
  };
  if (user.name !== undefined) claims.name = user.name;
  if (user.givenName !== undefined) claims.given_name = user.givenName;
  if (user.familyName !== undefined) claims.family_name = user.familyName;
  if (user.email !== undefined) claims.email = user.email;
  if (user.locale !== undefined) claims.locale = user.locale;
  if (input.context) claims[claim.context] = { ...input.context };
  if (input.messageType === "LtiResourceLinkRequest") {
    claims[claim.resourceLink] = { ...(input.resourceLink ?? { id: "resource-link-1", title: "Resource link" }) };
  }
  if (input.messageType === "LtiDeepLinkingRequest" && input.deepLinkingSettings) {
    claims[claim.deepLinkingSettings] = { ...input.deepLinkingSettings };
  }
  if (input.custom && Object.keys(input.custom).length > 0) claims[claim.custom] = { ...input.custom };
  if (input.ags) claims[claim.agsEndpoint] = { ...input.ags };
  if (input.nrps) claims[claim.nrpsService] = { ...input.nrps };

  for (const omitted of tamper.omitClaims ?? []) omitClaim(claims, omitted);
  Object.assign(claims, tamper.overrideClaims ?? {});
  return claims;
}

function omitClaim(claims: JWTPayload, omitted: OmittableClaim): void {
  switch (omitted) {
    case "sub":
    case "nonce":
      delete claims[omitted];
      return;
    case "message_type":
      delete claims[claim.messageType];
      return;
    case "version":
      delete claims[claim.version];
      return;
    case "roles":
      delete claims[claim.roles];
      return;
    case "deployment_id":
      delete claims[claim.deploymentId];
      return;
    case "target_link_uri":
      delete claims[claim.targetLinkUri];
      return;
    case "resource_link":
      delete claims[claim.resourceLink];
      return;
    case "resource_link.id": {
      const link = claims[claim.resourceLink] as Record<string, unknown> | undefined;
      if (link) delete link.id;
      return;
    }
    case "deep_linking_settings":
      delete claims[claim.deepLinkingSettings];
      return;
  }
}

let strangerKey: Promise<SigningKey> | undefined;

/**
 * Signs claims as an RS256 JWT under the platform key's `kid` (LTI Security Framework §5.1.2).
 * `badSignature` signs with a key of nobody's under the same `kid`; `unknownKid` signs with the
 * right key but names a `kid` the JWKS lacks.
 */
export async function signIdToken(claims: JWTPayload, key: SigningKey, tamper: LaunchTamper = {}): Promise<string> {
  const signer = tamper.badSignature ? await (strangerKey ??= createSigningKey("stranger")) : key;
  const kid = tamper.unknownKid ? `unknown-${randomBytes(4).toString("hex")}` : key.kid;
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid }).sign(signer.privateKey);
}
