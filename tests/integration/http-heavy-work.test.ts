/**
 * Issue 11, item 7: `GET /api/trpc/engine.check,…?batch=1` with 100 entries of `{count: 1000}`
 * took 7–8 s of the request thread, and /api/health waited 6–7 s behind it. Now the batch is
 * refused (at most 10 calls), a call answers at most 100 ops, a visitor's address runs out of
 * request points after 60 checks a minute, and the work runs on a worker thread: the request
 * thread answers a health check (its database ping) while a heavy validation run is still going.
 */
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDatabase } from "@/lib/db/client";
import { MAX_BATCH_SIZE } from "@/lib/server/edge/trpc-http";
import { createRequestLimiter, type RequestLimits } from "@/lib/server/rate-limit/request-limiter";
import { closeWorkerPool, getWorkerPool } from "@/lib/server/workers/pool";
import { callerFor, newUser } from "./courses-support";
import { errorOf, httpApi } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** The defaults of lib/env.ts. */
const DEFAULT_LIMITS: RequestLimits = { windowSeconds: 60, userPoints: 600, ipPoints: 30_000, anonymousPoints: 300 };

/**
 * A question whose validation run is heavy on purpose: 1,000 variants (10 × 10 × 10 variables),
 * each keyed by the engine analysing 150 convolutions (d2l 7.3: each 3×3 conv with padding 1
 * keeps the size, so every variant is valid).
 */
const heavyQuestion = {
  kind: "custom",
  title: { en: "Parameters of a deep stack" },
  topic: "conv-arithmetic",
  difficulty: "hard",
  prompt: { en: "A stack of 150 convolutions with {{c}} channels on a {{h}}×{{h}} input (variant {{k}}): how many parameters?" },
  variables: [
    { name: "c", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    { name: "h", values: [8, 9, 10, 11, 12, 13, 14, 15, 16, 17] },
    { name: "k", values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
  ],
  answer: {
    kind: "integer",
    engine: {
      mode: "analyze",
      spec: { input: [1, "{{h}}", "{{h}}"], layers: Array.from({ length: 150 }, () => ({ type: "conv2d", filters: "{{c}}", kernel: 3, padding: 1 })) },
      select: "totalParams",
    },
  },
};

describe.each(databaseKinds())("heavy work over HTTP on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await closeWorkerPool();
    await database?.drop();
  });

  const checks = (n: number, count: number) => ({
    paths: Array.from({ length: n }, () => "engine.check"),
    inputs: Array.from({ length: n }, (_, index) => ({ seed: index, count })),
  });

  it("refuses the batch of 100 engine checks of 1,000 ops that stalled the server, and a single call of 1,000", async () => {
    const api = httpApi({ db: database.prisma });
    const stall = checks(100, 1000);
    const batch = await api.batch(stall.paths, stall.inputs, { method: "GET" });
    expect(batch.status).toBe(400);
    const single = await api.call("engine.check", { seed: 1, count: 1000 }, { method: "GET" });
    expect(single.status).toBe(400);
    expect(errorOf(single)?.data.fieldErrors).toEqual({ count: expect.stringContaining("100") });
  });

  it("answers the largest batch allowed (10 × 100 ops) from a worker thread", async () => {
    const api = httpApi({ db: database.prisma });
    const largest = checks(MAX_BATCH_SIZE, 100);
    const before = getWorkerPool().answered;
    const reply = await api.batch(largest.paths, largest.inputs, { method: "GET" });
    expect(reply.status).toBe(200);
    const answers = (reply.body as { result: { data: { json: { answers: unknown[] } } } }[]).map((call) => call.result.data.json.answers.length);
    expect(answers).toEqual(Array.from({ length: MAX_BATCH_SIZE }, () => 100));
    const runs = getWorkerPool().historySince(before);
    expect(runs.map((run) => run.name)).toEqual(Array.from({ length: MAX_BATCH_SIZE }, () => "checkEngine"));
    expect(runs.every((run) => run.threadId !== threadId)).toBe(true);
  });

  it("runs a visitor's address out of request points after 60 checks: 300 points at 5 each", async () => {
    const api = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: DEFAULT_LIMITS }) });
    const ten = checks(MAX_BATCH_SIZE, 1);
    const statuses: number[] = [];
    for (let batch = 0; batch < 7; batch++) statuses.push((await api.batch(ten.paths, ten.inputs, { method: "GET", ip: "192.0.2.50" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it("answers a health check while a heavy validation run is still going, because the run is on a worker thread", async () => {
    const instructor = await newUser(database.prisma, "instructor");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "Deep stacks" });
    const bank = await owner.banks.create({ courseId: course.id, title: "Parameters" });
    const question = await owner.questions.create({ bankId: bank.id, definition: heavyQuestion });
    const api = httpApi({ db: database.prisma });
    const pool = getWorkerPool();

    let validated = false;
    const validation = api.call("questions.validate", { questionId: question.id }, { method: "POST", user: instructor }).then((reply) => {
      validated = true;
      return reply;
    });
    // Wait until the run has been handed to the pool, then ask the database as /api/health does.
    while (pool.pending === 0 && !validated) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await checkDatabase(database.prisma)).toBe(true);
    expect(validated).toBe(false);

    const reply = await validation;
    expect(reply.status).toBe(200);
    expect((reply.body as { result: { data: { json: { ok: boolean; checked: number } } } }).result.data.json).toMatchObject({ ok: true, checked: 1000 });
    expect(pool.history.at(-1)).toEqual({ name: "validateQuestion", threadId: expect.any(Number) });
    expect(pool.history.at(-1)!.threadId).not.toBe(threadId);
  });
});
