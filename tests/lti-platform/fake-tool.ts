import { createRemoteJWKSet, errors, exportJWK, generateKeyPair, jwtVerify, type CryptoKey, type JWK, type JWTPayload } from "jose";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { claim, type TestPlatform } from "@/tests/support/lti-platform";

/**
 * The smallest LTI tool that checks a launch the way LTI 1.3 Core §5.1.3 says: enough to prove the
 * test platform's flows and tamper knobs work, with nothing of Stride in it. Refusals are 400s whose
 * body names the check that failed.
 */
export interface FakeTool {
  base: string;
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  privateKey: CryptoKey;
  kid: string;
  close(): Promise<void>;
}

export async function startFakeTool(platform: TestPlatform, options: { loginAnswer?: "redirect" | "form" } = {}): Promise<FakeTool> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = "fake-tool-key";
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const platformKeys = createRemoteJWKSet(new URL(platform.urls.jwks));
  const states = new Map<string, string>();
  const usedNonces = new Set<string>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", base);
    const body = req.method === "POST" ? await new Promise<string>((resolve) => { let text = ""; req.on("data", (chunk: Buffer) => (text += chunk.toString())); req.on("end", () => resolve(text)); }) : "";
    const params = Object.fromEntries(req.method === "POST" ? new URLSearchParams(body) : url.searchParams);
    const refuse = (reason: string) => { res.writeHead(400, { "content-type": "text/plain" }); res.end(reason); };
    if (url.pathname === "/jwks") { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify({ keys: [publicJwk] })); return; }
    if (url.pathname === "/login") {
      if (params.iss !== platform.issuer) return refuse("unknown issuer");
      const state = randomBytes(12).toString("hex");
      const nonce = randomBytes(12).toString("hex");
      states.set(state, nonce);
      const request = { scope: "openid", response_type: "id_token", response_mode: "form_post", prompt: "none", client_id: platform.clientId, redirect_uri: `${base}/launch`, login_hint: params.login_hint ?? "", lti_message_hint: params.lti_message_hint ?? "", state, nonce };
      const cookies = [`lti_state=${state}; Path=/; HttpOnly; Secure; SameSite=None; Partitioned`, `plain=1; Path=/; SameSite=Lax`];
      if (options.loginAnswer === "form") {
        const inputs = Object.entries(request).map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`).join("");
        res.writeHead(200, { "content-type": "text/html", "set-cookie": cookies });
        res.end(`<form method="post" action="${platform.urls.authorization}">${inputs}</form><script>document.forms[0].submit()</script>`);
        return;
      }
      res.writeHead(302, { location: `${platform.urls.authorization}?${new URLSearchParams(request)}`, "set-cookie": cookies });
      res.end();
      return;
    }
    if (url.pathname === "/launch" && req.method === "POST") {
      if (params.error) return refuse(`platform error: ${params.error_description}`);
      const nonce = states.get(params.state ?? "");
      if (!nonce) return refuse("unknown state");
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(params.id_token ?? "", platformKeys, { issuer: platform.issuer, audience: platform.clientId, algorithms: ["RS256"], maxTokenAge: "10m" }));
      } catch (error) {
        if (error instanceof errors.JWTClaimValidationFailed) return refuse(`claim ${error.claim}: ${error.reason}`);
        return refuse(error instanceof errors.JOSEError ? error.code : String(error));
      }
      if (claims.azp !== undefined && claims.azp !== platform.clientId) return refuse("claim azp: wrong");
      if (claims.nonce !== nonce) return refuse("claim nonce: mismatch");
      if (usedNonces.has(nonce)) return refuse("claim nonce: replayed");
      usedNonces.add(nonce);
      if (!claims.sub) return refuse("claim sub: missing");
      if (!platform.deploymentIds.includes(claims[claim.deploymentId] as string)) return refuse("claim deployment_id: unknown");
      const messageType = claims[claim.messageType];
      if (messageType !== "LtiResourceLinkRequest" && messageType !== "LtiDeepLinkingRequest") return refuse("claim message_type: missing or unknown");
      if (claims[claim.version] !== "1.3.0") return refuse("claim version: not 1.3.0");
      if (!Array.isArray(claims[claim.roles])) return refuse("claim roles: missing");
      if (messageType === "LtiResourceLinkRequest" && !(claims[claim.resourceLink] as { id?: string } | undefined)?.id) return refuse("claim resource_link.id: missing");
      res.writeHead(200, { "content-type": "application/json", "set-cookie": `session=${randomBytes(8).toString("hex")}; Path=/; HttpOnly; SameSite=None; Secure` });
      res.end(JSON.stringify({ launched: true, cookie: req.headers.cookie ?? null, claims }));
      return;
    }
    res.writeHead(404);
    res.end();
  };

  const server = createServer((req, res) => void handle(req, res).catch((error: unknown) => { res.writeHead(500); res.end(String(error)); }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    loginUrl: `${base}/login`,
    launchUrl: `${base}/launch`,
    jwksUrl: `${base}/jwks`,
    privateKey,
    kid,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
