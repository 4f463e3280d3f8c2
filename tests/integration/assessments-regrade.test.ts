/**
 * Regrading (issue 14) on both databases: a key planted wrong in a question's first version, fixed
 * by its second, raises exactly the scores it wronged, lowers none unless the instructor asks, and
 * keeps both scores in the history. Applying only enqueues a background job (pg-boss, on PGlite
 * and PostgreSQL alike); its worker grades on the worker-thread pool and writes in one transaction.
 *
 * The question (d2l 7.3): input width 8, kernel width 3, no padding, stride s ∈ {1, 2}: the output
 * width is ⌊(8 − 3)/s⌋ + 1, so 6 or 3. Version 1 plants the classic slip of forgetting the "+ 1"
 * (key 5 or 2); version 2 is right.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { applyRegrade } from "@/lib/server/assessments/regrade-assessment";
import { REGRADE_ASSESSMENT_JOB, regradeJobKey } from "@/lib/server/jobs/regrade-assessment-job";
import { setJobQueue, type JobQueue } from "@/lib/server/jobs/job-queue";
import { createPgBossQueue } from "@/lib/server/jobs/pg-boss-queue";
import { QUEUES, startJobWorkers } from "@/lib/server/jobs/queues";
import type { SessionUser } from "@/lib/server/trpc";
import { closeWorkerPool, getWorkerPool } from "@/lib/server/workers/pool";
import { callerFor, newUser, outcomeOf, strideQuestion } from "./courses-support";
import { plantedWidth, rightWidth, strideQuestionPlantedWrong } from "../support/question-fixtures";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const START = new Date("2026-05-04T09:00:00Z");
const silent = { info: () => undefined, error: () => undefined };

const plantedWrong = strideQuestionPlantedWrong;

/** Polls `read` until `done` says so (a worker polls its queue every half second here). */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(databaseKinds())("regrading on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  const queues: JobQueue[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.prisma;
  });

  afterEach(async () => {
    setJobQueue(undefined);
    for (const queue of queues.splice(0)) await queue.stop();
  });

  afterAll(async () => {
    await database?.drop();
    await closeWorkerPool();
  });

  /** The process's queue, as `npm start` sets it up; its workers start only when asked. */
  async function startQueue({ workers }: { workers: boolean }): Promise<JobQueue> {
    const queue = await createPgBossQueue({ url: database.url, kind, queues: QUEUES, pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 });
    queues.push(queue);
    setJobQueue(queue);
    if (workers) await startJobWorkers({ queue, db, logger: silent, now: () => START });
    return queue;
  }

  async function setUp() {
    const instructor = await newUser(db, "instructor");
    const teach = callerFor(db, instructor, () => START);
    const course = await teach.courses.create({ title: "CNN" });
    const bank = await teach.banks.create({ courseId: course.id, title: "Strides" });
    const question = await teach.questions.create({ bankId: bank.id, definition: plantedWrong });
    await teach.questions.validate({ questionId: question.id });
    await teach.questions.publish({ questionId: question.id });
    const { id: assessmentId } = await teach.assessments.save({
      courseId: course.id,
      titleEn: "Quiz",
      kind: "exam",
      zones: [{ pool: [{ question: question.id }], draw: 1, points: 10, pointsPerTry: [10, 5] }],
      published: true,
    });
    const learners: SessionUser[] = [];
    for (const name of ["right", "planted", "unanswered"]) {
      const learner = await newUser(db, "learner", name);
      await callerFor(db, learner).courses.join({ code: course.joinCode });
      learners.push(learner);
    }
    const answered = new Map<string, string>();
    for (const [learner, answerOf] of [
      [learners[0]!, rightWidth],
      [learners[1]!, plantedWidth],
    ] as const) {
      const take = callerFor(db, learner, () => START);
      const { attemptId } = await take.assessments.start({ assessmentId });
      const shown = await take.assessments.question({ attemptId, position: 0 });
      // One try only: the right answer is graded wrong by the planted key (0 points, one try left),
      // the planted one right (10 points).
      await take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: String(answerOf(shown.problem.prompt)) });
      answered.set(learner.id, attemptId);
    }
    await callerFor(db, learners[2]!, () => START).assessments.start({ assessmentId });
    return { instructor, teach, courseId: course.id, questionId: question.id, assessmentId, learners, answered };
  }

  async function fixKey(teach: ReturnType<typeof callerFor>, questionId: string) {
    await teach.questions.update({ questionId, definition: strideQuestion });
    expect((await teach.questions.validate({ questionId })).ok).toBe(true);
    await teach.questions.publish({ questionId });
  }

  const awarded = async (attemptId: string) => (await db.attemptQuestion.findFirstOrThrow({ where: { attemptId } })).awarded;

  it("shows the changes first, then applies them as a job that raises exactly the wronged score and lowers none", async () => {
    const { instructor, teach, questionId, assessmentId, learners, answered } = await setUp();
    const queue = await startQueue({ workers: false });
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(0);
    expect(await awarded(answered.get(learners[1]!.id)!)).toBe(10);
    expect(await teach.assessments.regradeCandidates({ assessmentId })).toEqual([]);
    await fixKey(teach, questionId);
    expect(await teach.assessments.regradeCandidates({ assessmentId })).toEqual([
      { questionId, title: "Output width with a stride", publishedVersion: 2, heldVersions: [1], staleQuestions: 3, staleTries: 2 },
    ]);

    const preview = await teach.assessments.regradePreview({ assessmentId, questionId });
    expect(preview).toMatchObject({ toVersion: 2, affected: 3, changed: 1 });
    const byName = Object.fromEntries(preview.changes.map((change) => [change.learner.name, change]));
    expect(byName.right).toMatchObject({ before: 0, regraded: 10, after: 10, changed: true });
    expect(byName.planted).toMatchObject({ before: 10, regraded: 0, after: 10, changed: false });
    expect(byName.unanswered).toMatchObject({ before: 0, regraded: 0, after: 0, changed: false });
    // The preview graded on a worker thread of the pool, not on the request thread.
    expect(getWorkerPool().history.map((task) => task.name)).toContain("regradeAnswers");
    // A preview writes nothing.
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(0);
    expect(await teach.assessments.regradeJob({ assessmentId, questionId })).toBeNull();

    // Applying only enqueues: nothing is written until a worker runs the job.
    const requested = await teach.assessments.regradeApply({ assessmentId, questionId });
    expect(requested).toMatchObject({ jobId: expect.any(String), state: "queued", result: null, error: null });
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(0);
    expect(await queue.depths()).toMatchObject({ [REGRADE_ASSESSMENT_JOB]: 1 });
    expect(await teach.assessments.regradeJob({ assessmentId, questionId })).toMatchObject({ jobId: requested.jobId, state: "queued" });

    const workers = await startQueue({ workers: true });
    const job = await waitFor(() => teach.assessments.regradeJob({ assessmentId, questionId }), (value) => value?.state === "done");
    expect(job).toMatchObject({ jobId: requested.jobId, state: "done", error: null, result: { regradeId: expect.any(String), toVersion: 2, affected: 3, changed: 1 } });
    expect(job?.finishedAt).toBeInstanceOf(Date);
    expect(await workers.depths()).toMatchObject({ [REGRADE_ASSESSMENT_JOB]: 0 });
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(10);
    expect(await awarded(answered.get(learners[1]!.id)!)).toBe(10);
    // Both scores stay in the history: the try's original score beside its regraded one.
    const tries = await db.attemptTry.findMany({ where: { question: { attemptId: answered.get(learners[0]!.id)! } } });
    expect(tries.map((row) => [row.score, row.regradedScore])).toEqual([[0, 1]]);
    const changes = await db.regradeChange.findMany({ where: { regrade: { assessmentId } } });
    expect(changes.map((change) => [change.before, change.after]).sort()).toEqual([[0, 0], [0, 10], [10, 10]]);
    // The learner now sees the fixed points, and the question is done (solved on its first try).
    const view = await callerFor(db, learners[0]!, () => START).assessments.attempt({ assessmentId });
    expect(view.attempt?.questions[0]).toMatchObject({ awarded: 10, status: "done", triesLeft: 0 });

    // The page's history: who applied what, when, and each change.
    const history = await teach.assessments.regradeHistory({ assessmentId });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      id: job!.result!.regradeId,
      appliedAt: START,
      by: { name: instructor.name, email: instructor.email },
      questionId,
      questionTitle: "Output width with a stride",
      fromVersion: 1,
      toVersion: 2,
      allowLower: false,
      affected: 3,
      changed: 1,
    });
    expect(history[0]!.changes.map((change) => [change.learner.name, change.position, change.before, change.after])).toEqual([
      ["planted", 0, 10, 10],
      ["right", 0, 0, 10],
      ["unanswered", 0, 0, 0],
    ]);
    // An allow-list: nothing of the answers or the key leaves with the history.
    expect(Object.keys(history[0]!.changes[0]!).sort()).toEqual(["after", "before", "id", "learner", "position"]);

    expect(await teach.assessments.regradeCandidates({ assessmentId })).toEqual([]);
    // Applying again finds nothing on the old version: no job, nothing changes.
    expect(await teach.assessments.regradeApply({ assessmentId, questionId })).toMatchObject({ jobId: null, state: "done", result: { regradeId: null, affected: 0, changed: 0 } });
    expect(await db.regrade.count({ where: { assessmentId } })).toBe(1);
  }, 120_000);

  it("enqueues one job for a double apply, which lowers a score the planted key gave only when the instructor asks", async () => {
    const { teach, questionId, assessmentId, learners, answered } = await setUp();
    await fixKey(teach, questionId);
    await startQueue({ workers: false });
    const requested = await Promise.all([
      teach.assessments.regradeApply({ assessmentId, questionId, allowLower: true }),
      teach.assessments.regradeApply({ assessmentId, questionId, allowLower: true }),
    ]);
    // Two applies at once: the same job for both, and one row in the queue.
    expect(requested[0]!.jobId).toEqual(expect.any(String));
    expect(requested[1]!.jobId).toBe(requested[0]!.jobId);
    const rows = await db.$queryRawUnsafe<{ count: bigint }[]>("SELECT count(*) AS count FROM pgboss.job WHERE name = $1 AND singleton_key = $2", REGRADE_ASSESSMENT_JOB, regradeJobKey(assessmentId, questionId));
    expect(Number(rows[0]!.count)).toBe(1);
    // A third, later apply while it waits answers the same job too.
    expect((await teach.assessments.regradeApply({ assessmentId, questionId, allowLower: true })).jobId).toBe(requested[0]!.jobId);

    await startQueue({ workers: true });
    const job = await waitFor(() => teach.assessments.regradeJob({ assessmentId, questionId }), (value) => value?.state === "done");
    expect(job?.result).toMatchObject({ affected: 3, changed: 2 });
    expect(await awarded(answered.get(learners[1]!.id)!)).toBe(0);
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(10);
    expect(await db.regrade.count({ where: { assessmentId } })).toBe(1);
    expect((await teach.assessments.regradeHistory({ assessmentId }))[0]).toMatchObject({ allowLower: true, affected: 3, changed: 2 });
  }, 120_000);

  it("writes a regrade once when two workers apply it at the same time (one lock per assessment)", async () => {
    const { instructor, teach, questionId, assessmentId } = await setUp();
    await fixKey(teach, questionId);
    const apply = () => applyRegrade({ db, userId: instructor.id, assessmentId, questionId, allowLower: true, now: START });
    const applied = await Promise.all([apply(), apply()]);
    expect(applied.map((result) => result.affected).sort()).toEqual([0, 3]);
    expect(await db.regrade.count({ where: { assessmentId } })).toBe(1);
  }, 120_000);

  it("marks a job failed, with a reason the page can show, and writes nothing", async () => {
    const { teach, questionId, assessmentId, answered, learners } = await setUp();
    await fixKey(teach, questionId);
    const queue = await startQueue({ workers: true });
    // Sent directly (the request would refuse it first): an instructor who does not own the course.
    const stranger = await newUser(db, "instructor");
    await queue.send(REGRADE_ASSESSMENT_JOB, { userId: stranger.id, assessmentId, questionId, allowLower: false }, { singletonKey: regradeJobKey(assessmentId, questionId) });
    // One retry (QUEUES), then failed.
    const job = await waitFor(() => teach.assessments.regradeJob({ assessmentId, questionId }), (value) => value?.state === "failed");
    // The course is not the stranger's: its existence is not revealed, and the page words the reason.
    expect(job).toMatchObject({ state: "failed", result: null, error: { message: "There is no such course of yours.", reason: "course.notFound" } });
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(0);
    expect(await db.regrade.count({ where: { assessmentId } })).toBe(0);
    // A failed job does not block the next apply.
    expect(await teach.assessments.regradeApply({ assessmentId, questionId })).toMatchObject({ state: expect.stringMatching(/queued|running/) });
  }, 120_000);

  it("refuses to apply when no job queue runs, rather than grading on the request", async () => {
    const { teach, questionId, assessmentId } = await setUp();
    await fixKey(teach, questionId);
    expect(await outcomeOf(() => teach.assessments.regradeApply({ assessmentId, questionId }))).toBe("SERVICE_UNAVAILABLE");
    await expect(teach.assessments.regradeApply({ assessmentId, questionId })).rejects.toMatchObject({ cause: { reason: "regrade.unavailable" } });
    expect(await db.regrade.count({ where: { assessmentId } })).toBe(0);
  });

  it("is the course's instructors' alone: preview, apply, job and history", async () => {
    const { questionId, assessmentId, learners } = await setUp();
    await startQueue({ workers: false });
    const stranger = await newUser(db, "instructor");
    for (const call of [
      (caller: ReturnType<typeof callerFor>) => caller.assessments.regradePreview({ assessmentId, questionId }),
      (caller: ReturnType<typeof callerFor>) => caller.assessments.regradeApply({ assessmentId, questionId }),
      (caller: ReturnType<typeof callerFor>) => caller.assessments.regradeJob({ assessmentId, questionId }),
      (caller: ReturnType<typeof callerFor>) => caller.assessments.regradeHistory({ assessmentId }),
    ]) {
      expect(await outcomeOf(() => call(callerFor(db, stranger)))).toBe("NOT_FOUND");
      expect(await outcomeOf(() => call(callerFor(db, learners[0]!)))).toBe("FORBIDDEN");
      expect(await outcomeOf(() => call(callerFor(db, null)))).toBe("UNAUTHORIZED");
    }
  });
});
