import { generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import { JWT_BEARER_ASSERTION, type TestPlatform } from "@/tests/support/lti-platform";
import type { FakeTool } from "./fake-tool";

/** What a tool sends the token endpoint (LTI Security Framework §4.1), with any claim changed. */
export async function signAssertion(platform: TestPlatform, tool: FakeTool, change: { claims?: JWTPayload; key?: CryptoKey; expiresIn?: string } = {}): Promise<string> {
  return new SignJWT({ jti: randomUUID(), iss: platform.clientId, sub: platform.clientId, aud: platform.urls.token, ...change.claims })
    .setProtectedHeader({ alg: "RS256", kid: tool.kid })
    .setIssuedAt()
    .setExpirationTime(change.expiresIn ?? "5m")
    .sign(change.key ?? tool.privateKey);
}

export async function strangerKey(): Promise<CryptoKey> {
  return (await generateKeyPair("RS256")).privateKey;
}

export function requestToken(platform: TestPlatform, form: Record<string, string>): Promise<Response> {
  return fetch(platform.urls.token, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) });
}

/** A bearer token with the scopes asked for, through a good assertion. */
export async function accessToken(platform: TestPlatform, tool: FakeTool, scopes: string[]): Promise<string> {
  const response = await requestToken(platform, {
    grant_type: "client_credentials",
    client_assertion_type: JWT_BEARER_ASSERTION,
    client_assertion: await signAssertion(platform, tool),
    scope: scopes.join(" "),
  });
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export function call(url: string, token: string | undefined, init: { method?: string; contentType?: string; accept?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.accept) headers.accept = init.accept;
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.contentType) headers["content-type"] = init.contentType;
  return fetch(url, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}
