/**
 * The launch's own steps count in the address's LTI request limit (launch-limit.ts) like
 * /lti/login and /lti/launch (tests/integration/lti-launch-browser.test.ts), on both databases:
 * /lti/launch/continue (its GET and the new-window POST), /lti/launch/link (the course choice and
 * its post) and /lti/deep-link/respond answer the request past the limit with 429, Retry-After and
 * a page in the person's language saying to wait, and log it; another address is not counted with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleContinuePost, handleContinueRequest } from "@/lib/server/lti/continue-request";
import { handleDeepLinkRespond } from "@/lib/server/lti/deep-link-response";
import { createLtiLimiter } from "@/lib/server/lti/launch-limit";
import { handleLinkChoicePost, handleLinkChoiceRequest } from "@/lib/server/lti/link-choice-request";
import { handleLoginRequest } from "@/lib/server/lti/login-request";
import type { RequestLimiter } from "@/lib/server/rate-limit/request-limiter";
import { createLogger } from "@/lib/server/observability/logger";
import { refusalReasonOf, startLtiToolServer, type LoggedLine, type LtiToolServer } from "./lti-launch-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** Two requests a minute per address: the third is refused. */
const LIMITS = { windowSeconds: 60, points: 2 };

describe.each(databaseKinds())("LTI request limits of the launch's steps on %s", (kind) => {
  let database: TestDatabase;
  let tool: LtiToolServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    tool = await startLtiToolServer(database.prisma);
  });

  afterAll(async () => {
    await tool?.close();
    await database?.drop();
  });

  type Handle = (options: { request: Request; limiter: RequestLimiter; ip: string; logger: ReturnType<typeof createLogger> }) => Promise<Response>;

  const form = (body: string, headers: Record<string, string> = {}) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: tool.base, ...headers },
    body,
  });

  const steps: { name: string; event: string; request: (headers?: Record<string, string>) => Request; handle: Handle }[] = [
    {
      name: "GET /lti/launch/continue",
      event: "lti.continue.rateLimited",
      request: (headers = {}) => new Request(`${tool.continueUrl}?ticket=unknown`, { headers }),
      handle: (options) => handleContinueRequest({ ...options, db: database.prisma, auth: tool.auth, baseUrl: tool.base }),
    },
    {
      name: "POST /lti/launch/continue",
      event: "lti.continue.rateLimited",
      request: (headers) => new Request(tool.continueUrl, form("ticket=unknown", headers)),
      handle: (options) => handleContinuePost({ ...options, db: database.prisma, auth: tool.auth, baseUrl: tool.base }),
    },
    {
      name: "GET /lti/launch/link",
      event: "lti.linkChoice.rateLimited",
      request: (headers = {}) => new Request(`${tool.base}/lti/launch/link?choice=unknown&next=/teach`, { headers }),
      handle: (options) => handleLinkChoiceRequest({ ...options, db: database.prisma, auth: tool.auth, baseUrl: tool.base }),
    },
    {
      name: "POST /lti/launch/link",
      event: "lti.linkChoice.rateLimited",
      request: (headers) => new Request(`${tool.base}/lti/launch/link`, form("choice=unknown&csrf=x&course=new", headers)),
      handle: (options) => handleLinkChoicePost({ ...options, db: database.prisma, auth: tool.auth, baseUrl: tool.base }),
    },
    {
      name: "POST /lti/deep-link/respond",
      event: "lti.deepLink.rateLimited",
      request: (headers) => new Request(`${tool.base}/lti/deep-link/respond`, form("id=unknown&item=review", headers)),
      handle: (options) => handleDeepLinkRespond({ ...options, db: database.prisma, auth: tool.auth, baseUrl: tool.base }),
    },
  ];

  it.each(steps.map((step, index) => [step.name, index] as const))("refuses the third %s a minute from one address with 429 and a page saying to wait", async (_name, index) => {
    const step = steps[index]!;
    const logs: LoggedLine[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => void logs.push(JSON.parse(line) as LoggedLine) } });
    const limiter = createLtiLimiter({ db: database.prisma, limits: LIMITS });
    const ip = `203.0.113.${kind === "pglite" ? 10 + index : 20 + index}`;

    // Within the limit each is answered as ever: here the refusal of an unknown ticket, choice or request.
    for (let count = 0; count < LIMITS.points; count += 1) {
      const answered = await step.handle({ request: step.request(), limiter, ip, logger });
      expect(answered.status).not.toBe(429);
      expect(refusalReasonOf(await answered.text())).not.toBe("lti.rateLimited");
    }
    const limited = await step.handle({ request: step.request(), limiter, ip, logger });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(LIMITS.windowSeconds);
    const body = await limited.text();
    expect(refusalReasonOf(body)).toBe("lti.rateLimited");
    expect(body).toContain("<h1>Too many launches from this network</h1>");
    expect(body).toMatch(/Wait \d+ seconds, then open the activity again from the LMS\./);
    expect(logs).toContainEqual(expect.objectContaining({ event: step.event, reason: "lti.rateLimited", ip }));

    // In the person's language.
    const chinese = await step.handle({ request: step.request({ "accept-language": "zh-CN,zh;q=0.9" }), limiter, ip, logger });
    expect(chinese.status).toBe(429);
    expect(await chinese.text()).toContain("来自此网络的启动过多");

    // Another address has its own budget.
    const other = await step.handle({ request: step.request(), limiter, ip: `198.51.100.${kind === "pglite" ? 10 + index : 20 + index}`, logger });
    expect(other.status).not.toBe(429);
  });

  it("counts the launch's steps in one budget per address with /lti/login and /lti/launch", async () => {
    const logger = createLogger({ level: "silent", destination: { write: () => undefined } });
    const limiter = createLtiLimiter({ db: database.prisma, limits: LIMITS });
    const ip = `203.0.113.${kind === "pglite" ? 40 : 41}`;
    const login = await handleLoginRequest({ request: new Request(`${tool.loginUrl}?iss=x&login_hint=y&target_link_uri=z`), db: database.prisma, baseUrl: tool.base, logger, limiter, ip });
    expect(login.status).toBe(400);
    expect((await steps[2]!.handle({ request: steps[2]!.request(), limiter, ip, logger })).status).not.toBe(429);
    expect((await steps[4]!.handle({ request: steps[4]!.request(), limiter, ip, logger })).status).toBe(429);
  });
});
