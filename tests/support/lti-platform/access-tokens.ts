import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { sendBearerError } from "./http-io";

/** An opaque bearer token the token endpoint issued, and what it may do. */
export interface AccessTokenGrant {
  token: string;
  scopes: string[];
  expiresAt: Date;
}

/** The platform's issued tokens (RFC 6750 bearer tokens, opaque to the tool). */
export class AccessTokens {
  private readonly grants = new Map<string, AccessTokenGrant>();

  constructor(private readonly now: () => Date) {}

  issue(scopes: string[], lifetimeSeconds: number): AccessTokenGrant {
    const grant = { token: randomBytes(24).toString("base64url"), scopes, expiresAt: new Date(this.now().getTime() + lifetimeSeconds * 1000) };
    this.grants.set(grant.token, grant);
    return grant;
  }

  /** Forget every token: the tool's next call is refused with 401 and must fetch a new one. */
  revokeAll(): void {
    this.grants.clear();
  }

  /**
   * Lets a request through when its Authorization header carries a live token with one of
   * `anyOf` scopes (AGS 2.0 §3.2, NRPS 2.0 §2.4: each service names the scopes it accepts).
   * Otherwise answers 401 (no, unknown or expired token) or 403 (missing scope) and returns false.
   */
  authorize(req: IncomingMessage, res: ServerResponse, anyOf: readonly string[]): boolean {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    const grant = match ? this.grants.get(match[1]!) : undefined;
    if (!grant) {
      sendBearerError(res, 401, "invalid_token", match ? "unknown access token" : "no bearer token");
      return false;
    }
    if (grant.expiresAt <= this.now()) {
      sendBearerError(res, 401, "invalid_token", "access token expired");
      return false;
    }
    if (!anyOf.some((wanted) => grant.scopes.includes(wanted))) {
      sendBearerError(res, 403, "insufficient_scope", `needs one of: ${anyOf.join(" ")}`);
      return false;
    }
    return true;
  }
}
