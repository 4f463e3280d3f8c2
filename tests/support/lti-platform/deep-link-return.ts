import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { LineItem } from "./ags-store";
import { escapeHtml, readForm, sendHtml } from "./http-io";
import type { PendingLaunch } from "./launch-driver";
import type { TestPlatform } from "./platform";
import { claim, LTI_VERSION } from "./vocabulary";

/** A content item the tool returned (Deep Linking 2.0 §3). Only ltiResourceLink is placed. */
export interface ContentItem {
  type: string;
  title?: string;
  text?: string;
  url?: string;
  custom?: Record<string, string>;
  lineItem?: { scoreMaximum: number; label?: string; resourceId?: string; tag?: string; gradesReleased?: boolean };
  [property: string]: unknown;
}

/** A resource link the platform created from a returned ltiResourceLink, ready to launch. */
export interface PlacedLink {
  resourceLinkId: string;
  contextId: string;
  title?: string;
  /** The item's url; else the tool's registered target_link_uri, else the deep-linking request's target. */
  targetLinkUri?: string;
  custom?: Record<string, string>;
  /** The line item created for it when the item carried one (AGS 2.0 §3.2.4 and DL 2.0 §3.1.1). */
  lineItem?: LineItem;
}

/** One deep-linking response the tool posted back. */
export interface DeepLinkingResponseRecord {
  at: Date;
  jwt: string;
  /** Claims of a JWT that verified; undefined when it did not. */
  claims?: JWTPayload;
  contentItems: ContentItem[];
  /** What the platform found wrong; empty when it accepted the response. */
  problems: string[];
  placed: PlacedLink[];
  /** The deep-linking launch it answers, found by its echoed data. */
  launch?: PendingLaunch;
}

/**
 * The deep_link_return_url (Deep Linking 2.0 §4.5): a form post of one field, JWT, signed by the
 * tool (its JWKS), with iss = client id, aud = the platform's issuer, a nonce never seen, a known
 * deployment_id, message_type LtiDeepLinkingResponse, version 1.3.0, the request's data echoed,
 * and content_items an array (absent means none). Accepted ltiResourceLink items become resource
 * links of the launch's context, with a line item when they carry one.
 */
export async function handleDeepLinkReturn(platform: TestPlatform, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = req.method === "POST" ? await readForm(req) : new URLSearchParams();
  const jwt = form.get("JWT") ?? "";
  const record: DeepLinkingResponseRecord = { at: platform.now(), jwt, contentItems: [], problems: [], placed: [] };
  platform.deepLinkingResponses.push(record);
  const done = () => {
    if (record.problems.length > 0) return sendHtml(res, 400, `<p>Deep linking response refused: ${escapeHtml(record.problems.join("; "))}</p>`);
    const message = record.claims?.[claim.deepLinkingMsg];
    sendHtml(res, 200, `<p id="deep-linking-result">${escapeHtml(typeof message === "string" ? message : `Placed ${record.placed.length} item(s).`)}</p><p><a href="/">Back to the course</a></p>`);
  };
  if (!jwt) {
    record.problems.push("JWT form field is missing");
    return done();
  }
  if (!platform.toolJwksUrl) {
    record.problems.push("the platform knows no JWKS URL for this tool");
    return done();
  }
  try {
    const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(platform.toolJwksUrl)), {
      issuer: platform.clientId,
      audience: platform.issuer,
      algorithms: ["RS256"],
      requiredClaims: ["iat", "exp", "nonce"],
      currentDate: platform.now(),
    });
    record.claims = payload;
  } catch (error) {
    record.problems.push(error instanceof errors.JWTClaimValidationFailed ? `claim ${error.claim}: ${error.reason}` : error instanceof errors.JOSEError ? error.code : String(error));
    return done();
  }
  const claims = record.claims;
  const nonce = String(claims.nonce);
  if (platform.usedDeepLinkingNonces.has(nonce)) record.problems.push("nonce was used before");
  platform.usedDeepLinkingNonces.add(nonce);
  if (claims[claim.messageType] !== "LtiDeepLinkingResponse") record.problems.push("message_type must be LtiDeepLinkingResponse");
  if (claims[claim.version] !== LTI_VERSION) record.problems.push(`version must be ${LTI_VERSION}`);
  const deploymentId = claims[claim.deploymentId];
  if (typeof deploymentId !== "string" || !platform.deploymentIds.includes(deploymentId)) record.problems.push("deployment_id is not one of this platform's");
  const data = claims[claim.deepLinkingData];
  record.launch = [...platform.pendingLaunches.values()].find((launch) => launch.deepLinkingData !== undefined && launch.deepLinkingData === data);
  if (!record.launch) record.problems.push("data does not echo a deep-linking request's data");
  else if (record.launch.deploymentId !== deploymentId) record.problems.push("deployment_id is not the request's");
  const items = claims[claim.contentItems] ?? [];
  if (!Array.isArray(items) || items.some((item) => typeof item !== "object" || item === null || typeof (item as ContentItem).type !== "string")) {
    record.problems.push("content_items must be an array of objects with a type");
  } else {
    record.contentItems = items as ContentItem[];
    for (const item of record.contentItems) {
      if (item.lineItem !== undefined && !(typeof item.lineItem.scoreMaximum === "number" && item.lineItem.scoreMaximum > 0)) record.problems.push("a lineItem's scoreMaximum must be a number greater than 0");
      if (item.url !== undefined && !URL.canParse(item.url)) record.problems.push("a content item's url must be a URL");
    }
  }
  if (record.problems.length === 0 && record.launch) {
    const contextId = (record.launch.options.context ?? platform.defaultContext)?.id ?? platform.defaultContext.id;
    for (const item of record.contentItems.filter((candidate) => candidate.type === "ltiResourceLink")) record.placed.push(platform.placeResourceLink(contextId, item, record.launch.options.targetLinkUri));
  }
  done();
}
