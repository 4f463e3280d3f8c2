import "server-only";
import { z } from "zod";
import { LaunchRefusal } from "./launch-refusal";

/**
 * The claims of an LTI 1.3 launch's id_token that Stride reads, for the two messages it accepts:
 * LtiResourceLinkRequest (LTI 1.3 Core §5.3, https://www.imsglobal.org/spec/lti/v1p3/#resource-link-launch-request-message)
 * and LtiDeepLinkingRequest (Deep Linking 2.0 §4.4, https://www.imsglobal.org/spec/lti-dl/v2p0#deep-linking-request-message).
 * The signature, issuer, audience, times and nonce are checked by verify-launch.ts before these
 * are read; this module only says whether the payload has the shape the specifications require,
 * and names the claim that does not. Unknown claims are kept out (an allow-list, STYLE.md).
 */

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  agsEndpoint: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  namesRoleService: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
} as const;

export const LTI_VERSION = "1.3.0";
export const MESSAGE_TYPES = ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Ids are at most 255 characters in every LTI claim that carries one (Core §5.3.5, §5.4.1). */
const id = z.string().min(1).max(255);
const url = z.url({ protocol: /^https?$/ });

const resourceLinkSchema = z.object({ id, title: z.string().max(1000).optional(), description: z.string().max(4000).optional() });
const contextSchema = z.object({ id, label: z.string().max(1000).optional(), title: z.string().max(1000).optional(), type: z.array(z.string()).optional() });
const launchPresentationSchema = z.object({
  document_target: z.string().optional(),
  height: z.number().optional(),
  width: z.number().optional(),
  return_url: url.optional(),
  locale: z.string().max(64).optional(),
});
const deepLinkingSettingsSchema = z.object({
  deep_link_return_url: url,
  accept_types: z.array(z.string()),
  accept_presentation_document_targets: z.array(z.string()),
  accept_media_types: z.string().optional(),
  accept_multiple: z.boolean().optional(),
  accept_lineitem: z.boolean().optional(),
  auto_create: z.boolean().optional(),
  title: z.string().optional(),
  text: z.string().optional(),
  /** Opaque to the tool; returned unchanged in the deep-linking response. */
  data: z.string().optional(),
});
/** AGS 2.0 §3.1 (https://www.imsglobal.org/spec/lti-ags/v2p0#assignment-and-grade-service-claim). */
const agsEndpointSchema = z.object({ scope: z.array(z.string()), lineitems: url.optional(), lineitem: url.optional() });
/** NRPS 2.0 §3.6.1 (https://www.imsglobal.org/spec/lti-nrps/v2p0#lti-1-3-integration). */
const namesRoleServiceSchema = z.object({ context_memberships_url: url, service_versions: z.array(z.string()) });

/** Custom parameters are strings by the specification; a platform that sends numbers or booleans is read as their text. */
const customSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));

const baseSchema = z.object({
  iss: z.string().min(1),
  /** Required: Stride finds and provisions people by (platform, sub), so an anonymous launch cannot be served. */
  sub: z.string().min(1).max(255),
  aud: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  azp: z.string().optional(),
  exp: z.number(),
  iat: z.number(),
  nonce: z.string().min(1),
  name: z.string().max(500).optional(),
  given_name: z.string().max(500).optional(),
  family_name: z.string().max(500).optional(),
  email: z.string().max(320).optional(),
  locale: z.string().max(64).optional(),
  [CLAIM.deploymentId]: id,
  [CLAIM.targetLinkUri]: url,
  [CLAIM.roles]: z.array(z.string()),
  [CLAIM.context]: contextSchema.optional(),
  [CLAIM.custom]: customSchema.optional(),
  [CLAIM.launchPresentation]: launchPresentationSchema.optional(),
  [CLAIM.agsEndpoint]: agsEndpointSchema.optional(),
  [CLAIM.namesRoleService]: namesRoleServiceSchema.optional(),
});

const resourceLinkRequestSchema = baseSchema.extend({ [CLAIM.resourceLink]: resourceLinkSchema });
const deepLinkingRequestSchema = baseSchema.extend({ [CLAIM.deepLinkingSettings]: deepLinkingSettingsSchema });

export type ResourceLinkClaim = z.infer<typeof resourceLinkSchema>;
export type ContextClaim = z.infer<typeof contextSchema>;
export type DeepLinkingSettings = z.infer<typeof deepLinkingSettingsSchema>;
export type AgsEndpointClaim = z.infer<typeof agsEndpointSchema>;
export type NamesRoleServiceClaim = z.infer<typeof namesRoleServiceSchema>;

/** What Stride keeps of a launch, with short names: the rest of the code never spells a claim URI. */
interface LaunchClaimsBase {
  issuer: string;
  sub: string;
  audience: string[];
  authorizedParty: string | undefined;
  expiresAt: number;
  issuedAt: number;
  nonce: string;
  deploymentId: string;
  targetLinkUri: string;
  roles: string[];
  name: string | undefined;
  email: string | undefined;
  /** The person's language: the `locale` claim, else the launch presentation's. */
  locale: string | undefined;
  context: ContextClaim | undefined;
  custom: Record<string, string>;
  returnUrl: string | undefined;
  documentTarget: string | undefined;
  ags: AgsEndpointClaim | undefined;
  nrps: NamesRoleServiceClaim | undefined;
}

export type LaunchClaims =
  | (LaunchClaimsBase & { messageType: "LtiResourceLinkRequest"; resourceLink: ResourceLinkClaim })
  | (LaunchClaimsBase & { messageType: "LtiDeepLinkingRequest"; deepLinkingSettings: DeepLinkingSettings });

function claimName(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

function valueAt(payload: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let value: unknown = payload;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function parseOrRefuse<T>(schema: z.ZodType<T>, payload: Record<string, unknown>): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const claim = claimName(issue.path);
  const missing = valueAt(payload, issue.path) === undefined;
  throw new LaunchRefusal(missing ? "lti.launch.missingClaim" : "lti.launch.badClaim", `${claim}: ${issue.message}`, { claim });
}

function personName(payload: { name?: string; given_name?: string; family_name?: string }): string | undefined {
  const full = payload.name?.trim();
  if (full) return full;
  const parts = [payload.given_name?.trim(), payload.family_name?.trim()].filter(Boolean);
  return parts.length ? parts.join(" ") : undefined;
}

/**
 * The claims of a verified id_token payload, or a LaunchRefusal naming what is wrong: the message
 * type and version first (a platform sending another message should hear that, not that a claim
 * is missing), then the claims both messages need, then those of the message type.
 */
export function parseLaunchClaims(payload: Record<string, unknown>): LaunchClaims {
  const messageType = payload[CLAIM.messageType];
  if (messageType === undefined) throw new LaunchRefusal("lti.launch.missingClaim", CLAIM.messageType, { claim: CLAIM.messageType });
  if (!MESSAGE_TYPES.includes(messageType as MessageType)) {
    throw new LaunchRefusal("lti.launch.unsupportedMessageType", String(messageType).slice(0, 100), { messageType: String(messageType).slice(0, 100) });
  }
  const version = payload[CLAIM.version];
  if (version === undefined) throw new LaunchRefusal("lti.launch.missingClaim", CLAIM.version, { claim: CLAIM.version });
  if (version !== LTI_VERSION) throw new LaunchRefusal("lti.launch.wrongVersion", String(version).slice(0, 20), { version: String(version).slice(0, 20) });

  const base = parseOrRefuse(baseSchema, payload);
  const presentation = base[CLAIM.launchPresentation];
  const common: LaunchClaimsBase = {
    issuer: base.iss,
    sub: base.sub,
    audience: Array.isArray(base.aud) ? base.aud : [base.aud],
    authorizedParty: base.azp,
    expiresAt: base.exp,
    issuedAt: base.iat,
    nonce: base.nonce,
    deploymentId: base[CLAIM.deploymentId],
    targetLinkUri: base[CLAIM.targetLinkUri],
    roles: base[CLAIM.roles],
    name: personName(base),
    email: base.email?.trim() || undefined,
    locale: base.locale ?? presentation?.locale,
    context: base[CLAIM.context],
    custom: base[CLAIM.custom] ?? {},
    returnUrl: presentation?.return_url,
    documentTarget: presentation?.document_target,
    ags: base[CLAIM.agsEndpoint],
    nrps: base[CLAIM.namesRoleService],
  };
  if (messageType === "LtiResourceLinkRequest") {
    const parsed = parseOrRefuse(resourceLinkRequestSchema, payload);
    return { ...common, messageType, resourceLink: parsed[CLAIM.resourceLink] };
  }
  const parsed = parseOrRefuse(deepLinkingRequestSchema, payload);
  return { ...common, messageType: "LtiDeepLinkingRequest", deepLinkingSettings: parsed[CLAIM.deepLinkingSettings] };
}

/** "zh-CN" for any Chinese locale tag a platform sends (zh, zh_CN, zh-Hans-CN, zh-TW), else "en". */
export function strideLocaleOf(tag: string | undefined): "en" | "zh-CN" {
  const lower = tag?.trim().toLowerCase().replace(/_/g, "-");
  return lower === "zh" || lower?.startsWith("zh-") ? "zh-CN" : "en";
}
