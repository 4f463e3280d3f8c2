import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OPTIMIZE_PARAMETERS_JOB } from "@/lib/server/jobs";
import { setJobQueue, type JobQueue, type JobStatus } from "@/lib/server/jobs/job-queue";
import { createPgBossQueue } from "@/lib/server/jobs/pg-boss-queue";
import { QUEUES, startJobWorkers } from "@/lib/server/jobs/queues";
import { createCaller } from "@/lib/server/root";
import { optimizerJobOf } from "@/lib/server/settings/request-parameter-optimization";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { closeWorkerPool, getWorkerPool } from "@/lib/server/workers/pool";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";
import { writeOptimizableHistory } from "./support/optimizer-history";

const silent = { info: () => undefined, error: () => undefined };

/** Polls `read` until `done` says so (a worker polls its queue every half second here). */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// pg-boss runs on PostgreSQL and, over the embedded PGlite's wire-protocol socket, on PGlite.
describe.each(databaseKinds())("the job queue (pg-boss) on %s", (kind) => {
  let database: TestDatabase;
  const queues: JobQueue[] = [];
  let serial = 0;
  const callerFor = (user: SessionUser) => createCaller(createContext({ db: database.prisma, user }));

  async function newQueue(): Promise<JobQueue> {
    const queue = await createPgBossQueue({ url: database.url, kind, queues: QUEUES, pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 });
    queues.push(queue);
    return queue;
  }

  async function newLearner(): Promise<SessionUser> {
    serial += 1;
    const user: SessionUser = { id: `jobs-${serial}`, email: `jobs-${serial}@example.com`, name: `Learner ${serial}`, role: "learner", locale: "en" };
    await database.prisma.user.create({ data: { id: user.id, email: user.email, name: user.name } });
    return user;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    setJobQueue(undefined);
    for (const queue of queues.splice(0)) await queue.stop();
  });
  afterAll(async () => {
    await database?.drop();
    await closeWorkerPool();
  });

  it("runs 'optimise my parameters' as a job: queued, then done, with the log loss before and after on the settings", async () => {
    const queue = await newQueue();
    setJobQueue(queue);
    const learner = await newLearner();
    await writeOptimizableHistory(database.prisma, learner.id);

    // No worker yet: the request only enqueues, and answers at once.
    const requested = await callerFor(learner).settings.optimize();
    expect(requested).toMatchObject({ state: "queued", finishedAt: null, error: null });
    expect((await callerFor(learner).settings.get()).optimizer).toMatchObject({ job: { state: "queued" }, optimizedAt: null, usingOwnParameters: false });
    expect(await queue.depths()).toMatchObject({ [OPTIMIZE_PARAMETERS_JOB]: 1 });

    await startJobWorkers({ queue, db: database.prisma, logger: silent });
    const settings = await waitFor(() => callerFor(learner).settings.get(), (value) => value.optimizer.job?.state === "done");
    expect(settings.optimizer.job).toMatchObject({ state: "done", error: null });
    expect(settings.optimizer.job?.finishedAt).toBeInstanceOf(Date);
    // The history was written so that a fit beats FSRS's defaults (support/optimizer-history.ts).
    expect(settings.optimizer.usingOwnParameters).toBe(true);
    expect(settings.optimizer.logLossAfter).toBeLessThan(settings.optimizer.logLossBefore!);
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: learner.id } });
    expect(user.fsrsParameters).toHaveLength(21);
    expect(await queue.depths()).toMatchObject({ [OPTIMIZE_PARAMETERS_JOB]: 0 });
    // The fit ran on a worker thread of the pool (lib/server/workers), not on the event loop.
    expect(getWorkerPool().history.map((task) => task.name)).toContain("optimizeLearnerHistory");
  }, 90_000);

  it("never shows a finished job without its log losses, even when the job finishes while the page reads", async () => {
    const learner = await newLearner();
    await writeOptimizableHistory(database.prisma, learner.id);
    const finishedAt = new Date();
    // A queue double on which the job finishes exactly while the settings are read: the handler's
    // write lands, then the job reads as done (pg-boss marks it done after the handler returns).
    // Read in the other order, this showed "done" with no log losses, and the page stopped polling
    // there (CI, 2026-12-07).
    const finishingQueue: JobQueue = {
      send: () => Promise.reject(new Error("not used")),
      work: () => Promise.reject(new Error("not used")),
      schedule: () => Promise.reject(new Error("not used")),
      forget: () => Promise.reject(new Error("not used")),
      depths: () => Promise.reject(new Error("not used")),
      stop: () => Promise.resolve(),
      latestJob: async <Output,>() => {
        await database.prisma.user.update({
          where: { id: learner.id },
          data: { fsrsOptimizedAt: finishedAt, fsrsLogLossBefore: 0.42, fsrsLogLossAfter: 0.37, fsrsParameters: Array.from({ length: 21 }, () => 1) },
        });
        return { id: "job-1", state: "done", createdAt: finishedAt, finishedAt, output: null } satisfies JobStatus<Output>;
      },
    };
    setJobQueue(finishingQueue);
    const { optimizer } = await callerFor(learner).settings.get();
    expect(optimizer).toMatchObject({ job: { state: "done" }, logLossBefore: 0.42, logLossAfter: 0.37, usingOwnParameters: true });
    expect(optimizer.optimizedAt).toEqual(finishedAt);
  });

  it("enqueues once when the learner asks twice at the same time", async () => {
    const queue = await newQueue();
    setJobQueue(queue);
    const learner = await newLearner();
    await writeOptimizableHistory(database.prisma, learner.id);
    await Promise.all([callerFor(learner).settings.optimize(), callerFor(learner).settings.optimize(), callerFor(learner).settings.optimize()]);
    const rows = await database.prisma.$queryRawUnsafe<{ count: bigint }[]>(
      "SELECT count(*) AS count FROM pgboss.job WHERE name = $1 AND singleton_key = $2",
      OPTIMIZE_PARAMETERS_JOB,
      learner.id,
    );
    expect(Number(rows[0]!.count)).toBe(1);
  }, 90_000);

  it("keeps a waiting job across a restart: a new process's worker runs it", async () => {
    const learner = await newLearner();
    await writeOptimizableHistory(database.prisma, learner.id);
    const first = await newQueue();
    setJobQueue(first);
    await callerFor(learner).settings.optimize();
    await first.stop();
    queues.splice(queues.indexOf(first), 1);

    const second = await newQueue();
    await startJobWorkers({ queue: second, db: database.prisma, logger: silent });
    const job = await waitFor(() => optimizerJobOf({ queue: second, userId: learner.id }), (value) => value?.state === "done");
    expect(job?.state).toBe("done");
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: learner.id } })).fsrsOptimizedAt).toBeInstanceOf(Date);
  }, 90_000);

  it("marks a job failed, with the learner's message, when the optimizer refuses it", async () => {
    const queue = await newQueue();
    await startJobWorkers({ queue, db: database.prisma, logger: silent });
    // Sent directly (the request would refuse it first): a learner with no reviews.
    const learner = await newLearner();
    await queue.send(OPTIMIZE_PARAMETERS_JOB, { userId: learner.id }, { singletonKey: learner.id });
    // One retry (QUEUES), then failed.
    const job = await waitFor(() => optimizerJobOf({ queue, userId: learner.id }), (value) => value?.state === "failed");
    expect(job).toMatchObject({ state: "failed", error: expect.stringContaining("at least 400 reviews") });
  }, 90_000);
  it("forgets a person's waiting job (a deleted account), leaving other people's", async () => {
    const queue = await newQueue();
    const learner = await newLearner();
    const other = await newLearner();
    await queue.send(OPTIMIZE_PARAMETERS_JOB, { userId: learner.id }, { singletonKey: learner.id });
    await queue.send(OPTIMIZE_PARAMETERS_JOB, { userId: other.id }, { singletonKey: other.id });
    expect(await queue.forget(OPTIMIZE_PARAMETERS_JOB, learner.id)).toBe(1);
    expect(await queue.latestJob(OPTIMIZE_PARAMETERS_JOB, learner.id)).toBeNull();
    expect(await queue.latestJob(OPTIMIZE_PARAMETERS_JOB, other.id)).toMatchObject({ state: "queued" });
    expect(await queue.forget(OPTIMIZE_PARAMETERS_JOB, learner.id)).toBe(0);
  });
});
