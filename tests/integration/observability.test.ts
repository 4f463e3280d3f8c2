import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { listMigrations } from "@/lib/db";
import { sampleProblem, type Lang } from "@/lib/problems";
import { createAuth } from "@/lib/server/auth/create-auth";
import { slipOf, typedAnswer } from "@/lib/server/demo/typed-answer";
import { setJobQueue, type JobQueue } from "@/lib/server/jobs/job-queue";
import { createLogger, type Logger } from "@/lib/server/observability/logger";
import { createMetrics, type StrideMetrics } from "@/lib/server/observability/metrics";
import { createCaller } from "@/lib/server/root";
import type { Services } from "@/lib/server/services";
import { markDraining, markPrepared, resetLifecycle } from "@/lib/server/startup/lifecycle";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { createTestDatabase, type TestDatabase } from "./support/database";

const holder = globalThis as typeof globalThis & { strideServices?: Services; strideLogger?: Logger; strideMetrics?: StrideMetrics };

/** The value of one sample in Prometheus's text format, or null when it is not there. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf("}"));
    const parts = inside.split(",");
    if (wanted.every((label) => parts.includes(label))) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return null;
}

describe("health, readiness, metrics and request logs", () => {
  let database: TestDatabase;
  let logLines: Record<string, unknown>[] = [];
  const learner: SessionUser = { id: "observed-learner", email: "observed@example.com", name: "Observed", role: "learner", locale: "en" };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await database.prisma.user.create({ data: { id: learner.id, email: learner.email, name: learner.name } });
    const auth = createAuth({ prisma: database.prisma, baseURL: "http://stride.test", secret: "a-test-secret-of-at-least-32-characters" });
    holder.strideServices = { db: database.prisma, dbKind: "pglite", auth };
  });
  beforeEach(() => {
    logLines = [];
    holder.strideLogger = createLogger({ destination: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) } });
    holder.strideMetrics = createMetrics();
    resetLifecycle();
  });
  afterAll(async () => {
    delete holder.strideServices;
    delete holder.strideLogger;
    delete holder.strideMetrics;
    resetLifecycle();
    setJobQueue(undefined);
    await database?.drop();
  });

  it("answers liveness without the database", async () => {
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("is ready only once prepared, with every migration applied, and not while draining", async () => {
    const migrations = await listMigrations();
    let res = await ready();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, reason: "starting" });

    markPrepared(migrations);
    res = await ready();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ready: true, db: "pglite" });

    // A build that expects a migration this database does not have yet.
    markPrepared([...migrations, "29991231000000_from_a_newer_build"]);
    res = await ready();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, reason: "migrations", missingMigrations: ["29991231000000_from_a_newer_build"] });

    markPrepared(migrations);
    markDraining();
    res = await ready();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, reason: "draining" });
  });

  it("counts procedure calls with their latency, errors by code, and graded answers by correctness", async () => {
    const caller = createCaller(createContext({ db: database.prisma, user: learner }));
    /** Answers the next review with its key, or with a slip of it (a well-formed wrong answer). */
    async function answer(right: boolean) {
      const issued = await caller.review.next();
      if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
      const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
      const problem = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang });
      const typed = typedAnswer(right ? problem.answer : slipOf(problem.answer, problem.options));
      const result = await caller.review.submit({ variantId: issued.variantId, answer: typed });
      expect(result).toMatchObject({ status: "graded", correct: right });
    }
    await answer(false);
    await answer(true);
    await answer(true);
    await expect(createCaller(createContext({ db: database.prisma, user: null })).settings.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const res = await metricsRoute(new Request("http://stride.test/api/metrics"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(sample(text, "stride_trpc_request_duration_seconds_count", { procedure: "review.next", type: "mutation", status: "ok" })).toBe(3);
    expect(sample(text, "stride_trpc_request_duration_seconds_count", { procedure: "review.submit", type: "mutation", status: "ok" })).toBe(3);
    expect(sample(text, "stride_trpc_request_duration_seconds_count", { procedure: "settings.get", type: "query", status: "UNAUTHORIZED" })).toBe(1);
    expect(sample(text, "stride_trpc_errors_total", { procedure: "settings.get", code: "UNAUTHORIZED" })).toBe(1);
    expect(sample(text, "stride_graded_answers_total", { correct: "false" })).toBe(1);
    expect(sample(text, "stride_graded_answers_total", { correct: "true" })).toBe(2);
    // Event-loop lag among the default Node.js metrics.
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });

  it("reports the job queue's depth", async () => {
    const queue: JobQueue = {
      send: async () => "id",
      work: async () => undefined,
      schedule: async () => undefined,
      latestJob: async () => null,
      forget: async () => 0,
      depths: async () => ({ "optimize-parameters": 3 }),
      stop: async () => undefined,
    };
    setJobQueue(queue);
    const text = await (await metricsRoute(new Request("http://stride.test/api/metrics"))).text();
    setJobQueue(undefined);
    expect(sample(text, "stride_job_queue_depth", { queue: "optimize-parameters" })).toBe(3);
  });

  it("logs each API request once with its id, procedures, status, duration and user, and answers with x-request-id", async () => {
    const res = await trpcGet(new Request("http://stride.test/api/trpc/problems.list?input=%7B%7D", { headers: { "x-request-id": "proxy-request-0001" } }));
    expect(res.headers.get("x-request-id")).toBe("proxy-request-0001");
    const lines = logLines.filter((line) => line.msg === "api request");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: "proxy-request-0001", method: "GET", procedures: ["problems.list"], status: res.status, userId: null });
    expect(typeof lines[0]!.durationMs).toBe("number");

    // Without an id from a proxy, the server makes one and says which.
    const own = await trpcGet(new Request("http://stride.test/api/trpc/problems.list?input=%7B%7D"));
    expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never logs what was typed or the cookie", async () => {
    const answer = "my-secret-answer-16x15x15";
    await trpcPost(
      new Request("http://stride.test/api/trpc/review.submit", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: "better-auth.session_token=cookie-value-123" },
        body: JSON.stringify({ json: { variantId: "00000000-0000-4000-8000-000000000000", answer } }),
      }),
    );
    const text = JSON.stringify(logLines);
    expect(logLines.filter((line) => line.msg === "api request")).toHaveLength(1);
    expect(text).not.toContain(answer);
    expect(text).not.toContain("cookie-value-123");
  });
});
