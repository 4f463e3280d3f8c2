import "server-only";
import { errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { PrismaClient } from "@/lib/db";
import { parseLaunchClaims, type LaunchClaims } from "./claims";
import { LaunchRefusal } from "./launch-refusal";
import { platformKeySet } from "./platform-keys";
import { getPlatform, type LtiPlatformRecord } from "./platforms";

/**
 * Seconds of disagreement allowed between the platform's clock and Stride's when reading `exp` and
 * `iat`: small, since an id_token lives minutes (OIDC Core §3.1.3.7 leaves the margin to the client).
 */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Only RS256: LTI 1.3 (1EdTech Security Framework §5.4) signs with RSA keys; "none" or HMAC never pass. */
const ALGORITHMS = ["RS256"];

export interface VerifiedLaunch {
  platform: LtiPlatformRecord;
  claims: LaunchClaims;
}

/**
 * Claims the login state the launch names, once: the conditional update (usedAt still null, not
 * expired) is the claim, so two posts of the same form (a double click, a replay) cannot both
 * pass; the loser learns why from the row.
 */
async function claimLoginState({ db, state, now }: { db: PrismaClient; state: string; now: Date }) {
  const claimed = await db.ltiLoginState.updateMany({ where: { state, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  const row = await db.ltiLoginState.findUnique({ where: { state } });
  if (claimed.count === 1 && row) return row;
  if (!row) throw new LaunchRefusal("lti.launch.unknownState");
  if (row.usedAt) throw new LaunchRefusal("lti.launch.usedState", `state of ${row.createdAt.toISOString()}`);
  throw new LaunchRefusal("lti.launch.expiredState", `expired ${row.expiresAt.toISOString()}`);
}

/** jose's refusals as launch refusals (https://github.com/panva/jose/blob/main/docs/util/errors). */
function refusalOfJoseError(error: unknown): LaunchRefusal {
  if (error instanceof errors.JWTExpired) return new LaunchRefusal("lti.launch.expiredToken", error.message);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return new LaunchRefusal("lti.launch.missingClaim", error.claim, { claim: error.claim });
    if (error.claim === "iss") return new LaunchRefusal("lti.launch.wrongIssuer", error.message);
    if (error.claim === "aud") return new LaunchRefusal("lti.launch.wrongAudience", error.message);
    if (error.claim === "iat" || error.claim === "nbf") return new LaunchRefusal("lti.launch.tokenFromFuture", error.message);
    return new LaunchRefusal("lti.launch.badClaim", error.message, { claim: error.claim });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSEAlgNotAllowed) {
    return new LaunchRefusal("lti.launch.badSignature", error.message);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return new LaunchRefusal("lti.launch.malformedToken", error.message);
  }
  // The platform's JWKS did not answer, answered with something other than keys, or timed out.
  const detail = error instanceof Error ? error.message : String(error);
  return new LaunchRefusal("lti.launch.keysUnavailable", detail);
}

/**
 * The launch's checks, in the order of 1EdTech Security Framework §5.1.3 and LTI 1.3 Core §5.1.3:
 * the state is Stride's and unused (claimed here, so it never counts twice), the id_token is signed
 * by the platform of that state (its JWKS; RS256), `iss` is that platform's issuer, `aud` holds
 * Stride's client id there and `azp`, when present or when `aud` names several, is that client id,
 * `exp` and `iat` are within the clock tolerance, `nonce` is the state's; then the claims
 * (claims.ts: message type, version, required claims), the deployment is one the platform
 * registered, and `target_link_uri` is the one of the login initiation. Throws a LaunchRefusal;
 * writes nothing but the state's use.
 */
export async function verifyLaunch({
  db,
  idToken,
  state,
  now,
  keySetOf = (platform) => platformKeySet(platform.jwksUrl),
}: {
  db: PrismaClient;
  idToken: string;
  state: string;
  now: Date;
  /** The platform's keys; its remote JWKS by default (platform-keys.ts). */
  keySetOf?: (platform: LtiPlatformRecord) => JWTVerifyGetKey;
}): Promise<VerifiedLaunch> {
  const loginState = await claimLoginState({ db, state, now });
  const platform = await getPlatform({ db, id: loginState.platformId });
  // The row cascades with its platform, so this is a platform removed between login and launch.
  if (!platform) throw new LaunchRefusal("lti.launch.unknownState", "platform removed");

  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, keySetOf(platform), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
      requiredClaims: ["exp", "iat"],
    }));
  } catch (error) {
    throw refusalOfJoseError(error);
  }

  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof payload.iat === "number" && payload.iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) {
    throw new LaunchRefusal("lti.launch.tokenFromFuture", `iat ${payload.iat}, now ${nowSeconds}`);
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (payload.azp !== undefined || audiences.length > 1) {
    if (payload.azp !== platform.clientId) throw new LaunchRefusal("lti.launch.wrongAudience", `azp ${String(payload.azp).slice(0, 100)}`);
  }
  if (payload.nonce === undefined) throw new LaunchRefusal("lti.launch.missingClaim", "nonce", { claim: "nonce" });
  if (payload.nonce !== loginState.nonce) throw new LaunchRefusal("lti.launch.wrongNonce");

  const claims = parseLaunchClaims(payload);
  if (!platform.deploymentIds.includes(claims.deploymentId)) {
    throw new LaunchRefusal("lti.launch.unknownDeployment", `${platform.issuer} deployment ${claims.deploymentId}`);
  }
  if (claims.targetLinkUri !== loginState.targetLinkUri) {
    throw new LaunchRefusal("lti.launch.badClaim", `target_link_uri ${claims.targetLinkUri.slice(0, 200)} is not the login's`, { claim: "target_link_uri" });
  }
  return { platform, claims };
}
