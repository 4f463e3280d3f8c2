import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import type { IncomingMessage, ServerResponse } from "node:http";
import { mediaTypeOf, readForm, sendJson } from "./http-io";
import type { TestPlatform } from "./platform";
import { JWT_BEARER_ASSERTION } from "./vocabulary";

/** One request to the token endpoint, and the platform's answer. */
export interface TokenRequestRecord {
  at: Date;
  params: Record<string, string>;
  /** The assertion's claims when it verified. */
  assertionClaims?: JWTPayload;
  /** "issued", or the OAuth 2 error code the platform answered with. */
  outcome: "issued" | "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope";
  errorDescription?: string;
  grantedScopes?: string[];
  accessToken?: string;
}

const TOKEN_LIFETIME_SECONDS = 3600;

/**
 * The OAuth 2 token endpoint for the client-credentials grant with a signed JWT assertion
 * (LTI Security Framework 1.0 §4.1; RFC 7523 §2.2 and §3): the assertion must be an RS256 JWT from
 * the tool's JWKS with iss = sub = client id, aud = this endpoint, exp and iat, and a jti never seen
 * before. The grant is the requested scopes this platform can grant (RFC 6749 §3.3 lets a server
 * narrow them); none at all is invalid_scope.
 */
export async function handleTokenRequest(platform: TestPlatform, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const params = mediaTypeOf(req) === "application/x-www-form-urlencoded" ? Object.fromEntries(await readForm(req)) : {};
  const record: TokenRequestRecord = { at: platform.now(), params, outcome: "issued" };
  platform.tokenRequests.push(record);
  const refuse = (outcome: Exclude<TokenRequestRecord["outcome"], "issued">, description: string) => {
    record.outcome = outcome;
    record.errorDescription = description;
    sendJson(res, outcome === "invalid_client" ? 401 : 400, { error: outcome, error_description: description });
  };

  if (params.grant_type !== "client_credentials") return refuse("unsupported_grant_type", "grant_type must be client_credentials");
  if (params.client_assertion_type !== JWT_BEARER_ASSERTION) return refuse("invalid_request", `client_assertion_type must be ${JWT_BEARER_ASSERTION}`);
  if (!params.client_assertion) return refuse("invalid_request", "client_assertion is missing");
  if (!platform.toolJwksUrl) return refuse("invalid_client", "the platform knows no JWKS URL for this tool");
  try {
    const { payload } = await jwtVerify(params.client_assertion, createRemoteJWKSet(new URL(platform.toolJwksUrl)), {
      issuer: platform.clientId,
      subject: platform.clientId,
      audience: platform.urls.token,
      algorithms: ["RS256"],
      requiredClaims: ["jti", "exp", "iat"],
      currentDate: platform.now(),
    });
    record.assertionClaims = payload;
  } catch (error) {
    const reason = error instanceof errors.JWTClaimValidationFailed ? `assertion claim ${error.claim}: ${error.reason}` : error instanceof errors.JOSEError ? `assertion ${error.code}` : String(error);
    return refuse("invalid_client", reason);
  }
  const jti = String(record.assertionClaims.jti);
  if (platform.usedAssertionIds.has(jti)) return refuse("invalid_client", "assertion jti was used before");
  platform.usedAssertionIds.add(jti);

  const requested = (params.scope ?? "").split(" ").filter(Boolean);
  const granted = requested.filter((wanted) => platform.grantableScopes.includes(wanted));
  if (granted.length === 0) return refuse("invalid_scope", "none of the requested scopes can be granted");
  const grant = platform.accessTokens.issue(granted, TOKEN_LIFETIME_SECONDS);
  record.grantedScopes = granted;
  record.accessToken = grant.token;
  sendJson(res, 200, { access_token: grant.token, token_type: "Bearer", expires_in: TOKEN_LIFETIME_SECONDS, scope: granted.join(" ") });
}
