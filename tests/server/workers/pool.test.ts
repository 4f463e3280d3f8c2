import path from "node:path";
import { threadId } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { WorkerPool } from "@/lib/server/workers/pool";
import { checkEngine } from "@/lib/server/workers/tasks/check-engine";

const fixture = path.join(import.meta.dirname, "fixture-worker.ts");

// Each pool starts its threads on demand, and a thread loads our TypeScript through tsx: seconds.
describe("the worker pool", { timeout: 30_000 }, () => {
  const real = new WorkerPool({ threads: 1, maxQueue: 4, taskTimeoutMs: 60_000 });
  const pools: WorkerPool[] = [real];
  const fixturePool = (options: { threads?: number; maxQueue?: number } = {}) => {
    const pool = new WorkerPool({ filename: fixture, threads: options.threads ?? 1, maxQueue: options.maxQueue ?? 4, taskTimeoutMs: 60_000 });
    pools.push(pool);
    return pool;
  };

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
  });

  it("runs the engine check on another thread and answers what the request thread would", async () => {
    const input = { seed: 20240601, offset: 40, count: 10 };
    const answered = await real.run("checkEngine", input);
    expect(real.history.at(-1)).toEqual({ name: "checkEngine", threadId: expect.any(Number) });
    expect(real.history.at(-1)!.threadId).not.toBe(threadId);
    // The same pure function run here is the reference (lib/engine is deterministic on cpu).
    expect(answered).toEqual(checkEngine(input));
  });

  it("gives an author's mistake in a validation run back as the AppError it was", async () => {
    const run = real.run("validateQuestion", { definition: { kind: "fixed" }, templateId: "question:x", now: "2026-05-01T09:00:00Z" });
    await expect(run).rejects.toBeInstanceOf(AppError);
    await expect(run).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("names an unknown task as a system error", async () => {
    await expect(real.run("noSuchTask", {})).rejects.toThrow('worker task "noSuchTask" failed: no worker task is named "noSuchTask"');
  });

  it("counts every task answered and tells the ones since a count, also once its history is full", async () => {
    const pool = fixturePool();
    await pool.run("whereAmI", null);
    expect(pool.answered).toBe(1);
    // Past the 50 the history keeps, its length stops growing: a test that sliced it from its old
    // length saw no new task (integration, files sharing one pool).
    for (let i = 0; i < 55; i++) await pool.run("whereAmI", null);
    const before = pool.answered;
    expect(before).toBe(56);
    expect(pool.history).toHaveLength(50);
    expect(pool.historySince(before)).toEqual([]);
    await pool.run("whereAmI", null);
    await pool.run("whereAmI", null);
    expect(pool.answered).toBe(58);
    expect(pool.historySince(before)).toEqual([
      { name: "whereAmI", threadId: expect.any(Number) },
      { name: "whereAmI", threadId: expect.any(Number) },
    ]);
    expect(pool.historySince(pool.answered)).toEqual([]);
  });

  it("keeps an AppError's code and a bug's message and stack apart", async () => {
    const pool = fixturePool();
    const mistake = await pool.run("authorMistake", null).catch((error: unknown) => error);
    expect(mistake).toBeInstanceOf(AppError);
    // With what a page needs to say it in the learner's language.
    expect(mistake).toMatchObject({ code: "BAD_INPUT", message: "variables.0.values: give at least one value", reason: "question.noValues", params: { variable: 0 } });
    const bug = await pool.run("bug", null).catch((error: unknown) => error);
    expect(bug).not.toBeInstanceOf(AppError);
    expect(bug).toMatchObject({ name: "TypeError", message: expect.stringContaining("reading 'layers'") });
    expect((bug as Error).stack).toContain("fixture-worker.ts");
  });

  it("stops a task that runs past its time limit with a TIMEOUT error instead of hanging, and runs the next", async () => {
    const pool = fixturePool();
    await pool.run("whereAmI", null);
    const spun = await pool.run("spin", null, { timeoutMs: 300 }).catch((error: unknown) => error);
    expect(spun).toBeInstanceOf(AppError);
    expect(spun).toMatchObject({ code: "TIMEOUT", message: "This took longer than 0 s and was stopped.", reason: "server.tookTooLong", params: { seconds: 0 } });
    const after = (await pool.run("whereAmI", null)) as { threadId: number };
    expect(after.threadId).not.toBe(threadId);
  });

  it("refuses a task past the queue's bound as busy, with a time to retry", async () => {
    const pool = fixturePool({ threads: 1, maxQueue: 2 });
    await pool.run("whereAmI", null);
    // Eight never-ending tasks at once on one thread with room for two more in the queue.
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => pool.run("spin", null, { timeoutMs: 1_000 }).catch((error: unknown) => error)));
    const codes = outcomes.map((outcome) => (outcome instanceof AppError ? outcome.code : String(outcome)));
    expect(codes).toContain("UNAVAILABLE");
    expect(codes.filter((code) => code !== "UNAVAILABLE").every((code) => code === "TIMEOUT")).toBe(true);
    expect(outcomes.find((outcome) => outcome instanceof AppError && outcome.code === "UNAVAILABLE")).toMatchObject({ retryAfterSeconds: 5, reason: "server.busy", params: { seconds: 5 } });
    // Stopped threads are replaced: the pool still works.
    expect(await pool.run("whereAmI", null)).toEqual({ threadId: expect.any(Number) });
  });
});
