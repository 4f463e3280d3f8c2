/**
 * Stride's LTI routes served over real HTTP for the launch tests, as Next.js would call them (the
 * same handlers app/lti/* wire to the server's services), beside the spec-following test platform
 * (tests/support/lti-platform) registered as an LMS. Any other path answers a stand-in page naming
 * the path and the signed-in user, so a test sees where a launch landed and with whom.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@/lib/db";
import { createAuth, type Auth } from "@/lib/server/auth/create-auth";
import { sendWebResponse, webRequestOf } from "@/lib/server/http/node-bridge";
import { handleContinuePost, handleContinueRequest } from "@/lib/server/lti/continue-request";
import { handleLaunchPost } from "@/lib/server/lti/launch-post";
import { handleLinkChoicePost, handleLinkChoiceRequest } from "@/lib/server/lti/link-choice-request";
import { handleLoginRequest } from "@/lib/server/lti/login-request";
import { addPlatform } from "@/lib/server/lti/platforms";
import { createLogger } from "@/lib/server/observability/logger";
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from "@/tests/support/lti-platform";

export interface LoggedLine {
  level: number;
  msg: string;
  event?: string;
  reason?: string;
  [field: string]: unknown;
}

export interface LtiToolServer {
  base: string;
  loginUrl: string;
  launchUrl: string;
  continueUrl: string;
  auth: Auth;
  logs: LoggedLine[];
  close(): Promise<void>;
}

export async function startLtiToolServer(db: PrismaClient): Promise<LtiToolServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = createAuth({ prisma: db, baseURL: base, secret: "lti-launch-test-secret-".padEnd(40, "x") });
  const logs: LoggedLine[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void logs.push(JSON.parse(line) as LoggedLine) } });

  const route = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    const options = { request, db, auth, baseUrl: base, logger };
    if (pathname === "/lti/login") return handleLoginRequest(options);
    if (pathname === "/lti/launch" && request.method === "POST") return handleLaunchPost(options);
    if (pathname === "/lti/launch/continue") return request.method === "POST" ? handleContinuePost(options) : handleContinueRequest(options);
    if (pathname === "/lti/launch/link") return request.method === "POST" ? handleLinkChoicePost(options) : handleLinkChoiceRequest(options);
    const session = await auth.api.getSession({ headers: request.headers, query: { disableCookieCache: true } });
    return new Response(`page ${pathname}${new URL(request.url).search} user=${session?.user.id ?? "none"}`, { status: 200, headers: { "content-type": "text/plain" } });
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    route(webRequestOf(req))
      .then((response) => sendWebResponse(res, response))
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(error instanceof Error ? error.stack : String(error));
      });
  });
  return {
    base,
    loginUrl: `${base}/lti/login`,
    launchUrl: `${base}/lti/launch`,
    continueUrl: `${base}/lti/launch/continue`,
    auth,
    logs,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A test platform registered with Stride as an LMS, launching into `tool`. */
export async function registeredPlatform(db: PrismaClient, tool: LtiToolServer, options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const platform = await startTestPlatform({ redirectUris: [tool.launchUrl], ...options });
  await addPlatform({
    db,
    allowInsecureLoopback: true,
    input: {
      issuer: platform.issuer,
      clientId: platform.clientId,
      name: "Test LMS",
      authLoginUrl: platform.urls.authorization,
      accessTokenUrl: platform.urls.token,
      jwksUrl: platform.urls.jwks,
      deploymentIds: platform.deploymentIds,
    },
  });
  return platform;
}

/** The reason a refusal page names (launch-page.ts marks it for machines). */
export function refusalReasonOf(body: string): string | null {
  return /data-reason="([^"]+)"/.exec(body)?.[1] ?? null;
}
