/**
 * /api/trpc as `npm start` serves it: from the launcher's Node HTTP server (lib/server/http/
 * api-server.ts), without Next.js's router. The same handler as the Next.js route, so the same
 * answers; these tests hold what the Node side adds: the request and response conversion (body
 * stream, every Set-Cookie, the 413 delivered on an open connection), the headers next.config.js
 * gives every answer, gzip as Next.js sends it, and one metrics registry and log for both paths.
 */
import { once } from "node:events";
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/server/auth/create-auth";
import { isApiRequest, serveApi } from "@/lib/server/http/api-server";
import { CLIENT_IP_HEADER } from "@/lib/server/http/request-identity";
import { createLogger, type Logger } from "@/lib/server/observability/logger";
import { createMetrics, type StrideMetrics } from "@/lib/server/observability/metrics";
import { createCaller } from "@/lib/server/root";
import type { Services } from "@/lib/server/services";
import { createContext } from "@/lib/server/trpc";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const holder = globalThis as typeof globalThis & { strideServices?: Services; strideLogger?: Logger; strideMetrics?: StrideMetrics };

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request over a raw socket (so that gzip and every Set-Cookie line are seen as sent). */
function send(port: number, method: string, path: string, { headers = {}, body }: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: { host: "stride.test", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = (reply: Reply) => JSON.parse((reply.headers["content-encoding"] === "gzip" ? gunzipSync(reply.body) : reply.body).toString("utf8")) as Record<string, unknown>;

describe("isApiRequest: what app/api/trpc/[trpc] matches, and nothing else", () => {
  it("takes GET and POST of one path segment after /api/trpc/, with any query", () => {
    expect(isApiRequest("GET", "/api/trpc/problems.list")).toBe(true);
    expect(isApiRequest("POST", "/api/trpc/review.next,review.submit?batch=1")).toBe(true);
    expect(isApiRequest("GET", "/api/trpc/problems.list?input=%7B%7D")).toBe(true);
  });

  it("leaves other methods, deeper paths, the bare endpoint and other routes to Next.js", () => {
    for (const [method, url] of [
      ["HEAD", "/api/trpc/problems.list"],
      ["PUT", "/api/trpc/problems.list"],
      ["OPTIONS", "/api/trpc/problems.list"],
      ["GET", "/api/trpc/problems.list/x"],
      ["GET", "/api/trpc/"],
      ["GET", "/api/trpc"],
      ["GET", "/api/trpc?x=1"],
      ["GET", "/api/health"],
      ["GET", "/api/trpcx/problems.list"],
      ["POST", "/api/auth/sign-in/email"],
      ["GET", "/review"],
    ] as const) {
      expect(isApiRequest(method, url), `${method} ${url}`).toBe(false);
    }
  });
});

describe.each(databaseKinds())("/api/trpc from the launcher's HTTP server (%s)", (kind) => {
  let database: TestDatabase;
  let server: http.Server;
  let port: number;
  let logLines: Record<string, unknown>[] = [];
  let auth: ReturnType<typeof createAuth>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    auth = createAuth({ prisma: database.prisma, baseURL: "http://stride.test", secret: "a-test-secret-of-at-least-32-characters" });
    holder.strideServices = { db: database.prisma, dbKind: kind, auth };
    // As scripts/start.ts routes: the peer address first, then the API or (here) a 404 for Next.js's part.
    server = http.createServer((req, res) => {
      req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
      if (isApiRequest(req.method, req.url)) void serveApi(req, res);
      else res.writeHead(404).end("next.js");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => {
    logLines = [];
    holder.strideLogger = createLogger({ destination: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) } });
    holder.strideMetrics = createMetrics();
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    delete holder.strideServices;
    delete holder.strideLogger;
    delete holder.strideMetrics;
    await database?.drop();
  });

  it("answers a query as the procedure does, with the headers every answer carries and a request id", async () => {
    const reply = await send(port, "GET", "/api/trpc/problems.list", { headers: { "x-request-id": "proxy-request-0042" } });
    expect(reply.status).toBe(200);
    const expected = await createCaller(createContext({ db: database.prisma, user: null })).problems.list();
    expect(json(reply)).toEqual({ result: { data: { json: JSON.parse(JSON.stringify(expected)) } } });
    expect(reply.headers["content-type"]).toBe("application/json");
    expect(reply.headers["x-request-id"]).toBe("proxy-request-0042");
    // next.config.js's list (lib/server/http/security-headers.mjs); vitest runs with NODE_ENV=test, so no HSTS.
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(reply.headers["permissions-policy"]).toContain("camera=()");
    expect(reply.headers["strict-transport-security"]).toBeUndefined();
    expect(reply.headers.vary).toContain("Accept-Encoding");
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(Number(reply.headers["content-length"])).toBe(reply.body.length);
  });

  it("gzips a JSON answer of 1 KB or more when the client accepts it, as Next.js does", async () => {
    const plain = await send(port, "GET", "/api/trpc/problems.list");
    const zipped = await send(port, "GET", "/api/trpc/problems.list", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(json(zipped)).toEqual(json(plain));
    // Refused gzip, or a small answer: as is.
    expect((await send(port, "GET", "/api/trpc/problems.list", { headers: { "accept-encoding": "gzip;q=0, identity" } })).headers["content-encoding"]).toBeUndefined();
    const small = await send(port, "POST", "/api/trpc/review.next", { headers: { "accept-encoding": "gzip", "content-type": "application/json" }, body: '{"json":null}' });
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("reads the session from the cookies, returns every cookie better-auth sets, and serves a signed-in learner", async () => {
    const signUp = await auth.api.signUpEmail({ body: { email: `fast-${kind}@example.com`, password: "a-long-password", name: "Fast" }, returnHeaders: true });
    const cookie = signUp.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    expect(cookie).toContain("session_token=");
    // A session without its cookie cache: better-auth reads it from the database and sets the cache on the answer.
    const token = cookie.split("; ").filter((pair) => pair.includes("session_token="));
    const reply = await send(port, "POST", "/api/trpc/review.next", { headers: { cookie: token.join("; "), "content-type": "application/json" }, body: '{"json":null}' });
    expect(reply.status).toBe(200);
    expect(json(reply)).toMatchObject({ result: { data: { json: { status: "issued" } } } });
    const setCookies = reply.headers["set-cookie"] ?? [];
    expect(setCookies.some((line) => line.includes("session_data="))).toBe(true);
    const lines = logLines.filter((line) => line.msg === "api request");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: "POST", procedures: ["review.next"], status: 200, userId: signUp.response.user.id });
  });

  it("refuses a body over the ceiling with a 413 the client receives, on a connection that stays usable", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const big = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/trpc/review.next", agent, headers: { "content-type": "application/json", "content-length": String(big.length) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end(big);
    });
    agent.destroy();
    expect(reply.status).toBe(413);
    expect(json(reply)).toMatchObject({ error: { json: { data: { code: "PAYLOAD_TOO_LARGE" } } } });
    // A chunked body (no Content-Length) past the ceiling too.
    const chunked = await new Promise<Reply>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/trpc/review.next", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      for (let i = 0; i < 3; i += 1) req.write(Buffer.alloc(1024 * 1024, 0x20));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect((await send(port, "GET", "/api/trpc/problems.list")).status).toBe(200);
  });

  it("counts its calls in the process's one metrics registry, which the /metrics route reads", async () => {
    await send(port, "GET", "/api/trpc/problems.list");
    await send(port, "POST", "/api/trpc/review.next", { headers: { "content-type": "application/json" }, body: '{"json":null}' });
    const text = await holder.strideMetrics!.registry.metrics();
    expect(text).toMatch(/stride_trpc_request_duration_seconds_count\{procedure="problems.list",type="query",status="ok"\} 1/);
    expect(text).toMatch(/stride_trpc_errors_total\{procedure="review.next",code="UNAUTHORIZED"\} 1/);
  });
});
