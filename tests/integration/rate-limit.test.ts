/**
 * Request limits over HTTP (lib/server/rate-limit): every procedure counts, heavy ones more; a
 * signed-in user is counted by user and, with everyone behind the same address, by a generous
 * address ceiling; a visitor without a session by address alone. Past a limit the answer is 429
 * with Retry-After. The counters are rows of `request_limits`, so two app processes on one
 * database count together, and on PGlite a limiter query waits for an open transaction instead
 * of deadlocking against it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { AppError } from "@/lib/server/errors";
import { WRITE_BEHIND_MS } from "@/lib/server/rate-limit/prisma-store";
import { createRequestLimiter, type RequestLimits } from "@/lib/server/rate-limit/request-limiter";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, poolingChoice } from "./courses-support";
import { errorOf, httpApi } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const LIMITS: RequestLimits = { windowSeconds: 60, userPoints: 30, ipPoints: 45, anonymousPoints: 5 };

describe.each(databaseKinds())("request limits on %s", (kind) => {
  let database: TestDatabase;
  let serial = 0;
  /** A fresh address per test, so one test's counts never reach another's. */
  const nextIp = () => `203.0.113.${++serial}`;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function pointsOf(key: string): Promise<number | null> {
    const rows = await database.prisma.$queryRaw<{ points: number }[]>`SELECT points FROM request_limits WHERE key = ${key}`;
    return rows[0]?.points ?? null;
  }

  it("answers a visitor's sixth call from one address with 429 and Retry-After, and another address still gets through", async () => {
    const api = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: LIMITS }) });
    const ip = nextIp();
    for (let call = 0; call < LIMITS.anonymousPoints; call++) {
      expect((await api.call("problems.list", undefined, { method: "GET", ip })).status).toBe(200);
    }
    const refused = await api.call("problems.list", undefined, { method: "GET", ip });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.windowSeconds);
    expect(errorOf(refused)?.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: retryAfter });
    expect((await api.call("problems.list", undefined, { method: "GET", ip: nextIp() })).status).toBe(200);
    // The refused call was answered from memory (the key is blocked until its window ends): no query.
    expect(await pointsOf(`anon:${ip}`)).toBe(LIMITS.anonymousPoints);
  });

  it("counts a signed-in learner by user, whatever address they come from", async () => {
    const api = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: LIMITS }) });
    const learner = await newUser(database.prisma, "learner");
    for (let call = 0; call < LIMITS.userPoints; call++) {
      expect((await api.call("courses.list", undefined, { method: "GET", user: learner, ip: nextIp() })).status).toBe(200);
    }
    const refused = await api.call("courses.list", undefined, { method: "GET", user: learner, ip: nextIp() });
    expect(refused.status).toBe(429);
    expect(await pointsOf(`user:${learner.id}`)).toBe(LIMITS.userPoints);
  });

  it("lets many signed-in learners share one address up to its ceiling, above any one learner's limit", async () => {
    const api = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: LIMITS }) });
    const ip = nextIp();
    const learners: SessionUser[] = [];
    for (let i = 0; i < 3; i++) learners.push(await newUser(database.prisma, "learner"));
    // 3 × 15 calls: each learner stays under 30, the address reaches its 45.
    for (const learner of learners) {
      for (let call = 0; call < 15; call++) expect((await api.call("courses.list", undefined, { method: "GET", user: learner, ip })).status).toBe(200);
    }
    const fourth = await newUser(database.prisma, "learner");
    expect((await api.call("courses.list", undefined, { method: "GET", user: fourth, ip })).status).toBe(429);
    expect((await api.call("courses.list", undefined, { method: "GET", user: fourth, ip: nextIp() })).status).toBe(200);
  });

  it("charges a heavy procedure more: a validation run costs 20 points", async () => {
    const api = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: LIMITS }) });
    const instructor = await newUser(database.prisma, "instructor");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "CNN basics" });
    const bank = await owner.banks.create({ courseId: course.id, title: "Pooling" });
    const question = await owner.questions.create({ bankId: bank.id, definition: poolingChoice });
    const reply = await api.call("questions.validate", { questionId: question.id }, { method: "POST", user: instructor, ip: nextIp() });
    expect(reply.status).toBe(200);
    expect(await pointsOf(`user:${instructor.id}`)).toBe(20);
    // 20 + 20 is past 30: the second run is refused before it starts.
    expect((await api.call("questions.validate", { questionId: question.id }, { method: "POST", user: instructor, ip: nextIp() })).status).toBe(429);
  });

  it("counts every call of a batch", async () => {
    const api = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: LIMITS }) });
    const learner = await newUser(database.prisma, "learner");
    const reply = await api.batch(Array.from({ length: 10 }, () => "courses.list"), Array.from({ length: 10 }, () => undefined), { method: "GET", user: learner, ip: nextIp() });
    expect(reply.status).toBe(200);
    expect(await pointsOf(`user:${learner.id}`)).toBe(10);
  });

  it("counts as one service across two app processes on the same database", async () => {
    // Two limiters, as two processes would build them, over the same table.
    const first = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: LIMITS }) });
    const second = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: LIMITS }) });
    const ip = nextIp();
    const statuses: number[] = [];
    for (let call = 0; call < LIMITS.anonymousPoints + 1; call++) {
      statuses.push((await (call % 2 === 0 ? first : second).call("problems.list", undefined, { method: "GET", ip })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("waits for an open transaction instead of deadlocking against it, and counts the call", async () => {
    const api = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: database.prisma, limits: LIMITS }) });
    const learner = await newUser(database.prisma, "learner");
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = database.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: learner.id }, data: { name: "Renamed in a transaction" } });
      await held;
      order.push("transaction committed");
    });
    // Give the transaction time to begin before the request arrives.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reply = api.call("courses.list", undefined, { method: "GET", user: learner, ip: nextIp() }).then((answer) => {
      order.push("request answered");
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await transaction;
    expect((await reply).status).toBe(200);
    expect(await pointsOf(`user:${learner.id}`)).toBe(1);
    // On PGlite the request's queries wait for the commit; on PostgreSQL they need not.
    if (kind === "pglite") expect(order).toEqual(["transaction committed", "request answered"]);
  });

  /** The test database's client, noting each statement the limiter sends. */
  function countingClient(statements: string[]): PrismaClient {
    return new Proxy(database.prisma, {
      get(target, property, receiver) {
        if (property === "$queryRawUnsafe" || property === "$executeRawUnsafe") {
          return (text: string, ...values: unknown[]) => {
            statements.push(text);
            return property === "$queryRawUnsafe" ? target.$queryRawUnsafe(text, ...values) : target.$executeRawUnsafe(text, ...values);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }

  it("counts a call's user and address in one statement", async () => {
    const statements: string[] = [];
    const api = httpApi({ db: database.prisma, limiter: createRequestLimiter({ db: countingClient(statements), limits: LIMITS }) });
    const learner = await newUser(database.prisma, "learner");
    const ip = nextIp();
    expect((await api.call("courses.list", undefined, { method: "GET", user: learner, ip })).status).toBe(200);
    expect(statements).toHaveLength(1);
    expect(await pointsOf(`user:${learner.id}`)).toBe(1);
    expect(await pointsOf(`ip:${ip}`)).toBe(1);
  });

  it("counts calls that arrive together in one statement, each answered as if they had run one after another", async () => {
    const statements: string[] = [];
    const limiter = createRequestLimiter({ db: countingClient(statements), limits: LIMITS });
    const ip = nextIp();
    const learners: SessionUser[] = [];
    for (let i = 0; i < 50; i++) learners.push(await newUser(database.prisma, "learner"));
    // 50 learners behind one address at once, one call each: the address's ceiling is 45.
    const outcomes = await Promise.allSettled(learners.map((learner) => limiter.charge({ userId: learner.id, ip, cost: 1 })));
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(50 - LIMITS.ipPoints);
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    // The calls that came last are the ones refused (the 46th to the 50th), as one after another.
    expect(outcomes.slice(0, LIMITS.ipPoints).every((outcome) => outcome.status === "fulfilled")).toBe(true);
    expect(await pointsOf(`ip:${ip}`)).toBe(50);
    for (const learner of learners) expect(await pointsOf(`user:${learner.id}`)).toBe(1);
    expect(statements).toHaveLength(1);
  });

  it("counts a known key well under its budget without waiting, and writes those counts together within WRITE_BEHIND_MS", async () => {
    const statements: string[] = [];
    const limiter = createRequestLimiter({ db: countingClient(statements), limits: LIMITS });
    const learner = await newUser(database.prisma, "learner");
    const ip = nextIp();
    await limiter.charge({ userId: learner.id, ip, cost: 1 });
    expect(statements).toHaveLength(1);
    // Calls 2 to 10: the user's 10 and the address's 10 stay within half of 30 and of 45.
    for (let call = 2; call <= 10; call++) await limiter.charge({ userId: learner.id, ip, cost: 1 });
    expect(statements).toHaveLength(1);
    expect(await pointsOf(`user:${learner.id}`)).toBe(1);
    await limiter.flush();
    expect(statements).toHaveLength(2);
    expect(await pointsOf(`user:${learner.id}`)).toBe(10);
    expect(await pointsOf(`ip:${ip}`)).toBe(10);
    await limiter.charge({ userId: learner.id, ip, cost: 1 });
    await new Promise((resolve) => setTimeout(resolve, WRITE_BEHIND_MS + 100));
    expect(statements).toHaveLength(3);
    expect(await pointsOf(`user:${learner.id}`)).toBe(11);
  });

  it("waits for the database past half a budget, so the database's count decides every refusal", async () => {
    const statements: string[] = [];
    const limiter = createRequestLimiter({ db: countingClient(statements), limits: LIMITS });
    const learner = await newUser(database.prisma, "learner");
    // Another process counted 14 for this learner a moment ago (written straight to the table).
    const otherProcess = createRequestLimiter({ db: database.prisma, limits: LIMITS });
    for (let call = 0; call < 14; call++) await otherProcess.charge({ userId: learner.id, ip: null, cost: 1 });
    await otherProcess.flush();
    const outcomes: string[] = [];
    for (let call = 0; call < 17; call++) {
      outcomes.push(
        await limiter.charge({ userId: learner.id, ip: null, cost: 1 }).then(
          () => "ok",
          (error: unknown) => (error instanceof AppError ? error.code : "other"),
        ),
      );
    }
    // 14 + 16 = 30 is the budget: the 17th call of this process is the 31st.
    expect(outcomes).toEqual([...Array.from({ length: 16 }, () => "ok"), "RATE_LIMITED"]);
    // The 16th call's count came from the database (30 of 30), which blocked the key in memory:
    // the refused call sent nothing.
    await limiter.flush();
    expect(await pointsOf(`user:${learner.id}`)).toBe(30);
  });

  it("keeps the counters in an unlogged table: no flush to disk on every call, emptied after a crash", async () => {
    const rows = await database.prisma.$queryRaw<{ relpersistence: string }[]>`SELECT relpersistence::text AS relpersistence FROM pg_class WHERE relname = 'request_limits'`;
    // pg_class.relpersistence: p = permanent, u = unlogged (PostgreSQL documentation, pg_class).
    expect(rows).toEqual([{ relpersistence: "u" }]);
  });

  it("leaves in-process callers (pages, tests) and requests without a limiter alone", async () => {
    const api = httpApi({ db: database.prisma });
    const ip = nextIp();
    for (let call = 0; call < LIMITS.anonymousPoints + 3; call++) expect((await api.call("problems.list", undefined, { method: "GET", ip })).status).toBe(200);
    expect(await pointsOf(`anon:${ip}`)).toBeNull();
  });
});
