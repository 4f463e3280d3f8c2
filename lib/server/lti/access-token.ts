import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { PrismaClient } from "@/lib/db";
import { insecureLoopbackAllowed, platformUrlProblem } from "./platform-input";
import { signingKey } from "./tool-keys";

/**
 * Calls to an LMS's services (AGS, NRPS) as Stride the tool: the OAuth 2 access token by the
 * client-credentials grant with a signed JWT assertion (LTI Security Framework 1.0 §4.1, RFC 7523
 * §2.2), cached per (platform, scopes) until shortly before it expires, and the authorised request
 * itself, whose failures are sorted into retryable (5xx, 429, network) and permanent (other 4xx,
 * bad URLs, bad answers). No `server-only`: the job worker runs these outside Next.js.
 */

export const LTI_SCOPES = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  contextMembershipReadOnly: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;

const JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** How long a client assertion is good for: the token request follows at once. */
const ASSERTION_LIFETIME_SECONDS = 300;
/** A cached token is dropped this long before it expires, so no call carries one that dies in flight. */
const EXPIRY_MARGIN_MS = 60_000;
/** A platform that answers no expires_in: assume an hour (RFC 6749 §5.1 leaves it optional). */
const DEFAULT_LIFETIME_SECONDS = 3600;
/** Each HTTP call to a platform gives up after this long (a retryable failure). */
export const SERVICE_TIMEOUT_MS = 15_000;

/** A failed call to a platform's service: `retryable` for 5xx, 429 and network trouble. */
export class LtiServiceError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
    /** Seconds the platform asked to wait (Retry-After), when it did. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "LtiServiceError";
  }
}

export interface ServicePlatform {
  id: string;
  clientId: string;
  accessTokenUrl: string;
}

export interface ServiceOptions {
  db: PrismaClient;
  now?: () => Date;
  /** Plain http to loopback platforms (tests); default: STRIDE_LTI_ALLOW_INSECURE_LOOPBACK. */
  allowInsecureLoopback?: boolean;
  fetch?: typeof fetch;
}

interface CachedToken {
  token: string;
  /** When to stop using it (its expiry less the margin). */
  until: number;
}

// Tokens per process, keyed by platform and the sorted scopes asked for.
const tokens = new Map<string, Promise<CachedToken>>();

function cacheKey(platformId: string, scopes: readonly string[]): string {
  return `${platformId} ${[...scopes].sort().join(" ")}`;
}

/** Forgets cached tokens (all, or one platform's): after a 401, or between tests. */
export function forgetAccessTokens(platformId?: string): void {
  for (const key of [...tokens.keys()]) if (!platformId || key.startsWith(`${platformId} `)) tokens.delete(key);
}

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

function retryAfterOf(response: Response): number | null {
  const value = response.headers.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Why a URL from a platform or a launch may not be called, or null. */
function checkServiceUrl(url: string, options: ServiceOptions): void {
  const problem = platformUrlProblem(url, { allowInsecureLoopback: options.allowInsecureLoopback ?? insecureLoopbackAllowed() });
  if (problem) throw new LtiServiceError(`The platform's URL ${url} ${problem}`, false);
}

/** A short text of an error answer, for lastError (platforms answer JSON, HTML or nothing). */
async function describeFailure(what: string, response: Response): Promise<string> {
  const body = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 300);
  return `${what}: HTTP ${response.status}${body ? ` ${body}` : ""}`;
}

async function send(url: string, init: RequestInit, options: ServiceOptions, what: string): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  try {
    return await doFetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(SERVICE_TIMEOUT_MS) });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error);
    throw new LtiServiceError(`${what}: ${reason}`, true);
  }
}

/** The client assertion: a JWT signed with Stride's current tool key, iss = sub = client id, aud = the token URL. */
export async function clientAssertion({ db, platform, now }: { db: PrismaClient; platform: ServicePlatform; now: Date }): Promise<string> {
  const key = await signingKey({ db, now });
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.accessTokenUrl)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ASSERTION_LIFETIME_SECONDS)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

async function requestToken(platform: ServicePlatform, scopes: readonly string[], options: ServiceOptions): Promise<CachedToken> {
  checkServiceUrl(platform.accessTokenUrl, options);
  const now = options.now?.() ?? new Date();
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: JWT_BEARER_ASSERTION,
    client_assertion: await clientAssertion({ db: options.db, platform, now }),
    scope: scopes.join(" "),
  });
  const response = await send(platform.accessTokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body }, options, "access token");
  if (!response.ok) {
    throw new LtiServiceError(await describeFailure("access token", response), isRetryableStatus(response.status), response.status, retryAfterOf(response));
  }
  const answer = (await response.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
  if (!answer || typeof answer.access_token !== "string" || answer.access_token === "") {
    throw new LtiServiceError("access token: the platform's answer has no access_token", false, response.status);
  }
  const lifetime = typeof answer.expires_in === "number" && answer.expires_in > 0 ? answer.expires_in : DEFAULT_LIFETIME_SECONDS;
  const lifetimeMs = lifetime * 1000;
  // A short-lived token is used for its first half rather than not at all.
  const until = Date.now() + (lifetimeMs > 2 * EXPIRY_MARGIN_MS ? lifetimeMs - EXPIRY_MARGIN_MS : lifetimeMs / 2);
  return { token: answer.access_token, until };
}

/**
 * A bearer token for `scopes` at the platform: the cached one while it lives, else a new one from
 * its token endpoint (concurrent callers share one request).
 */
export async function accessToken(platform: ServicePlatform, scopes: readonly string[], options: ServiceOptions): Promise<string> {
  const key = cacheKey(platform.id, scopes);
  const cached = tokens.get(key);
  if (cached) {
    const token = await cached.catch(() => null);
    if (token && token.until > Date.now()) return token.token;
    if (tokens.get(key) === cached) tokens.delete(key);
  }
  const pending = requestToken(platform, scopes, options);
  tokens.set(key, pending);
  pending.catch(() => {
    if (tokens.get(key) === pending) tokens.delete(key);
  });
  return (await pending).token;
}

/**
 * One authorised call to a platform's service URL. A 401 (a token the platform forgot) drops the
 * cached token and tries once more with a new one. Answers the response when it is 2xx; throws
 * LtiServiceError otherwise.
 */
export async function callPlatformService(
  platform: ServicePlatform,
  scopes: readonly string[],
  request: { url: string; method?: string; accept?: string; contentType?: string; body?: unknown },
  options: ServiceOptions,
  what: string,
): Promise<Response> {
  checkServiceUrl(request.url, options);
  for (let attempt = 1; ; attempt += 1) {
    const token = await accessToken(platform, scopes, options);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (request.accept) headers.accept = request.accept;
    if (request.contentType) headers["content-type"] = request.contentType;
    const response = await send(request.url, { method: request.method ?? "GET", headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) }, options, what);
    if (response.ok) return response;
    if (response.status === 401 && attempt === 1) {
      await response.body?.cancel();
      tokens.delete(cacheKey(platform.id, scopes));
      continue;
    }
    throw new LtiServiceError(await describeFailure(what, response), isRetryableStatus(response.status), response.status, retryAfterOf(response));
  }
}

/** The rel="next" URL of a Link header (RFC 8288), as AGS and NRPS page their containers. */
export function nextPageOf(response: Response): string | null {
  const header = response.headers.get("link");
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (match && /\brel\s*=\s*"?([^"]*\s)?next(\s[^"]*)?"?/i.test(match[2]!)) return new URL(match[1]!, response.url || undefined).toString();
  }
  return null;
}
