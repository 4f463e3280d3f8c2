import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { PrismaClient } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";
import { createTranslator } from "use-intl";
import type { Auth } from "../auth/create-auth";
import { isOwnOrigin } from "../auth/origins";
import type { Logger } from "../observability/logger";
import type { RequestLimiter } from "../rate-limit/request-limiter";
import { CLAIM, LTI_VERSION } from "./claims";
import { listDeepLinkChoices } from "./deep-link-choices";
import { buildContentItems, type DeepLinkChoice, type LtiResourceLinkItem } from "./deep-link-content-items";
import { checkDeepLink } from "./deep-link-picker";
import { claimDeepLink, type PendingDeepLink } from "./deep-link-session";
import { limitLtiRequest } from "./launch-limit";
import { escapeHtml, failurePage, page, pageLocaleOf, refusalPage } from "./launch-page";
import { LaunchRefusal } from "./launch-refusal";
import { getPlatform, type LtiPlatformRecord } from "./platforms";
import { readForm } from "./read-form";
import { signingKey } from "./tool-keys";

export const DEEP_LINKING_CLAIM = {
  contentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  data: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
} as const;

/** How long the platform may take to receive the response (it is posted at once by the browser). */
const RESPONSE_SECONDS = 5 * 60;

/**
 * The LtiDeepLinkingResponse (Deep Linking 2.0 §4.5,
 * https://www.imsglobal.org/spec/lti-dl/v2p0#deep-linking-response-message), signed with Stride's
 * current tool key (tool-keys.ts; the platform checks it against /lti/jwks): iss = the client id
 * the platform gave Stride, aud = the platform's issuer, a fresh nonce, iat/exp, the request's
 * deployment, the request's `data` echoed unchanged, and the content items (none: a cancel).
 */
export async function signDeepLinkingResponse({
  db,
  platform,
  deepLink,
  items,
  now,
}: {
  db: PrismaClient;
  platform: Pick<LtiPlatformRecord, "issuer" | "clientId">;
  deepLink: Pick<PendingDeepLink, "deploymentId" | "settings">;
  items: readonly LtiResourceLinkItem[];
  now: Date;
}): Promise<string> {
  const key = await signingKey({ db, now });
  const issuedAt = Math.floor(now.getTime() / 1000);
  const payload: Record<string, unknown> = {
    nonce: randomBytes(16).toString("base64url"),
    [CLAIM.deploymentId]: deepLink.deploymentId,
    [CLAIM.messageType]: "LtiDeepLinkingResponse",
    [CLAIM.version]: LTI_VERSION,
    [DEEP_LINKING_CLAIM.contentItems]: items,
  };
  if (deepLink.settings.data !== undefined) payload[DEEP_LINKING_CLAIM.data] = deepLink.settings.data;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + RESPONSE_SECONDS)
    .sign(key.privateKey);
}

const AUTO_SUBMIT = 'document.getElementById("deep-link-return").submit();';
const AUTO_SUBMIT_HASH = `'sha256-${createHash("sha256").update(AUTO_SUBMIT).digest("base64")}'`;

/**
 * The page that carries the response to the platform: a form posting JWT to deep_link_return_url,
 * sent by a one-line script (allowed by its hash) and by its button without JavaScript. Its own
 * policy lets the form go to the platform (form-action) and nothing else run. proxy.ts must leave
 * this path's policy to it: Next.js keeps a proxy's Content-Security-Policy over a route's, and the
 * pages' `form-action 'self'` would stop the post to the LMS. The script also carries the proxy's
 * nonce (x-nonce), should a proxy policy apply.
 */
function returnPage({ locale, returnUrl, jwt, frameAncestors, nonce }: { locale: Locale; returnUrl: string; jwt: string; frameAncestors: string[]; nonce: string | null }): Response {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "ltiDeepLink" });
  const title = t("returningTitle");
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t("returningLead"))}</p>
<form id="deep-link-return" method="post" action="${escapeHtml(returnUrl)}">
<input type="hidden" name="JWT" value="${escapeHtml(jwt)}">
<button type="submit">${escapeHtml(t("returnButton"))}</button>
</form>
<script${nonce ? ` nonce="${escapeHtml(nonce)}"` : ""}>${AUTO_SUBMIT}</script>`;
  const policy = [
    "default-src 'none'",
    `script-src ${AUTO_SUBMIT_HASH}`,
    "style-src 'unsafe-inline'",
    `form-action ${new URL(returnUrl).origin}`,
    `frame-ancestors 'self' ${[...new Set(frameAncestors)].join(" ")}`,
    "base-uri 'none'",
  ].join("; ");
  return new Response(page({ locale, title, body }), {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer", "content-security-policy": policy },
  });
}

/** The picker's choices as the form sent them: `item` (a radio button) and `item.<n>` (checkboxes). */
export function chosenValues(form: URLSearchParams): string[] {
  const values: string[] = [];
  for (const [name, value] of form) if ((name === "item" || name.startsWith("item.")) && value && !values.includes(value)) values.push(value);
  return values;
}

/** The choices named, or a refusal: none, several where the platform takes one, or one not of the course. */
export function pickChoices({ values, choices, multiple }: { values: readonly string[]; choices: readonly DeepLinkChoice[]; multiple: boolean }): DeepLinkChoice[] {
  if (values.length === 0) throw new LaunchRefusal("lti.deepLink.nothingChosen");
  if (values.length > 1 && !multiple) throw new LaunchRefusal("lti.deepLink.multipleNotAccepted", `${values.length} items`);
  return values.map((value) => {
    const choice = choices.find((candidate) => candidate.value === value);
    if (!choice) throw new LaunchRefusal("lti.deepLink.unknownChoice", value.slice(0, 100));
    return choice;
  });
}

/**
 * POST /lti/deep-link/respond, the picker's form (or its cancel form): the signed-in owner's
 * choice for a pending deep-linking request, answered once with the signed response posted to the
 * platform. A cancel answers with no items. Refusals (checkDeepLink's, the choice's, a form posted
 * from another site) are error pages in the person's language; the request stays pending after a
 * refused choice, so the person can go back and choose again.
 */
export async function handleDeepLinkRespond({
  request,
  db,
  auth,
  baseUrl,
  trustedOrigins = [],
  logger,
  limiter,
  ip = null,
  now = new Date(),
}: {
  request: Request;
  db: PrismaClient;
  auth: Auth;
  baseUrl: string;
  trustedOrigins?: readonly string[];
  logger: Logger;
  /** The address's LTI request limit (launch-limit.ts), as the login and the launch count it. */
  limiter?: RequestLimiter;
  ip?: string | null;
  now?: Date;
}): Promise<Response> {
  const locale = pageLocaleOf({ headers: request.headers });
  const limited = await limitLtiRequest({ limiter, ip, locale, logger, event: "lti.deepLink.rateLimited" });
  if (limited) return limited;
  try {
    // Browsers send Origin with every form post; one from another site is refused (a missing one,
    // from a client that is not a browser, still needs the session and the request's secret id).
    const origin = request.headers.get("origin");
    if (origin !== null && !isOwnOrigin(origin, baseUrl, trustedOrigins)) throw new LaunchRefusal("lti.deepLink.crossSite", `origin ${origin.slice(0, 200)}`);
    const form = await readForm(request);
    const session = await auth.api.getSession({ headers: request.headers, query: { disableCookieCache: true } });
    const { rowId, deepLink } = await checkDeepLink({ db, userId: session?.user.id ?? null, id: form.get("id") ?? "", now });
    const cancelled = form.get("cancel") !== null;
    let chosen: DeepLinkChoice[] = [];
    if (!cancelled) {
      const choices = await listDeepLinkChoices({ db, courseId: deepLink.courseId, locale: isLocale(deepLink.locale) ? deepLink.locale : "en" });
      chosen = pickChoices({ values: chosenValues(form), choices, multiple: deepLink.settings.accept_multiple === true });
    }
    const platform = await getPlatform({ db, id: deepLink.platformId });
    if (!platform || !(await claimDeepLink({ db, rowId }))) throw new LaunchRefusal("lti.deepLink.unknown");
    const items = buildContentItems({ choices: chosen, launchUrl: new URL("/lti/launch", baseUrl).href, settings: deepLink.settings });
    const jwt = await signDeepLinkingResponse({ db, platform, deepLink, items, now });
    logger.info(
      { event: "lti.deepLink", platformId: platform.id, userId: deepLink.userId, courseId: deepLink.courseId, cancelled, items: chosen.map((choice) => choice.value) },
      cancelled ? "LTI deep linking cancelled" : "LTI deep linking answered",
    );
    const returnUrl = deepLink.settings.deep_link_return_url;
    return returnPage({ locale, returnUrl, jwt, frameAncestors: [new URL(platform.issuer).origin, new URL(returnUrl).origin], nonce: request.headers.get("x-nonce") });
  } catch (error) {
    if (!(error instanceof LaunchRefusal)) {
      logger.error({ event: "lti.deepLink.failed", err: error }, "LTI deep linking failed");
      return failurePage({ locale });
    }
    logger.warn({ event: "lti.deepLink.refused", reason: error.reason, detail: error.message }, "LTI deep linking refused");
    return refusalPage({ refusal: error, locale });
  }
}
