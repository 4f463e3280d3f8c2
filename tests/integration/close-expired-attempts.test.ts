/**
 * The minute's sweep that closes attempts nobody reads (lib/server/assessments/close-expired-attempts.ts
 * and its pg-boss job), on both databases, with the clock injected: every open attempt past its
 * deadline (a time limit with the learner's extra time, a due date, a late period, a learner's
 * moved date) is closed as of that deadline and nothing else is touched; a sweep racing a reader
 * and a second sweep closes each attempt once; the job is scheduled every minute and its worker
 * sweeps on the clock it is given.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { closeExpiredAttempts } from "@/lib/server/assessments/close-expired-attempts";
import { CLOSE_EXPIRED_ATTEMPTS_CRON, CLOSE_EXPIRED_ATTEMPTS_JOB } from "@/lib/server/jobs/close-expired-attempts-job";
import type { JobQueue } from "@/lib/server/jobs/job-queue";
import { createPgBossQueue } from "@/lib/server/jobs/pg-boss-queue";
import { QUEUES, startJobWorkers } from "@/lib/server/jobs/queues";
import type { SessionUser } from "@/lib/server/trpc";
import { closeWorkerPool } from "@/lib/server/workers/pool";
import { callerFor, courseWithPublishedQuestion, newUser, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const START = new Date("2026-05-04T09:00:00Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE);
const silent = { info: () => undefined, error: () => undefined };

describe.each(databaseKinds())("closing expired attempts on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let instructor: SessionUser;
  let courseId: string;
  let questionId: string;
  let joinCode: string;
  const queues: JobQueue[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.prisma;
    instructor = await newUser(db, "instructor");
    ({ courseId, questionId, joinCode } = await courseWithPublishedQuestion(db, instructor, strideQuestion, START));
  });

  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
  });

  afterAll(async () => {
    await database?.drop();
    await closeWorkerPool();
  });

  /** A published assessment of the stride question; dates are set on the row afterwards, as instants. */
  async function assessment(kindOf: "exam" | "homework", dates: { timeLimitMinutes?: number; dueAt?: Date; lateUntil?: Date } = {}) {
    const { id } = await callerFor(db, instructor, () => START).assessments.save({
      courseId,
      titleEn: kindOf === "exam" ? "Quiz" : "Homework",
      kind: kindOf,
      zones: [{ pool: [{ question: questionId }], draw: 1, points: 10 }],
      ...(dates.timeLimitMinutes ? { timeLimitMinutes: dates.timeLimitMinutes } : {}),
      published: true,
    });
    if (dates.dueAt || dates.lateUntil) await db.assessment.update({ where: { id }, data: { dueAt: dates.dueAt ?? null, lateUntil: dates.lateUntil ?? null, lateCredit: 0.5 } });
    return id;
  }

  /** A new learner of the course who starts `assessmentId` at `startedAt` and never reads it again. */
  async function started(assessmentId: string, startedAt: Date, override?: { extraMinutes?: number; dueAt?: Date; lateUntil?: Date }) {
    const learner = await newUser(db, "learner");
    await callerFor(db, learner).courses.join({ code: joinCode });
    if (override) await db.assessmentOverride.create({ data: { assessmentId, userId: learner.id, ...override } });
    const { attemptId } = await callerFor(db, learner, () => startedAt).assessments.start({ assessmentId });
    return { learner, attemptId };
  }

  const closing = (attemptId: string) => db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { finishedAt: true, finishedBy: true } });

  it("closes each attempt past its deadline as of that deadline, and leaves the rest open", async () => {
    const exam = await assessment("exam", { timeLimitMinutes: 20 });
    const timed = await started(exam, START);
    const extraTime = await started(exam, START, { extraMinutes: 10 });
    const finished = await started(exam, START);
    await callerFor(db, finished.learner, () => at(5)).assessments.finish({ attemptId: finished.attemptId });
    // Homework due at +60 with a late period to +120; one learner's due date and late period both
    // moved to +30 (an override moves them for her alone).
    const homework = await assessment("homework", { dueAt: at(60), lateUntil: at(120) });
    const onTime = await started(homework, START);
    const moved = await started(homework, START, { dueAt: at(30), lateUntil: at(30) });
    const undated = await started(await assessment("homework"), START);

    expect(await closeExpiredAttempts({ db, now: at(19) })).toEqual({ closed: 0 });
    expect(await closing(timed.attemptId)).toEqual({ finishedAt: null, finishedBy: null });

    expect(await closeExpiredAttempts({ db, now: at(25) })).toEqual({ closed: 1 });
    expect(await closing(timed.attemptId)).toEqual({ finishedAt: at(20), finishedBy: "time" });
    expect(await closing(extraTime.attemptId)).toEqual({ finishedAt: null, finishedBy: null });

    expect(await closeExpiredAttempts({ db, now: at(31) })).toEqual({ closed: 2 });
    expect(await closing(extraTime.attemptId)).toEqual({ finishedAt: at(30), finishedBy: "time" });
    expect(await closing(moved.attemptId)).toEqual({ finishedAt: at(30), finishedBy: "time" });
    expect(await closing(finished.attemptId)).toEqual({ finishedAt: at(5), finishedBy: "learner" });

    // Past the due date, inside the late period: still taking (late) answers.
    expect(await closeExpiredAttempts({ db, now: at(90) })).toEqual({ closed: 0 });
    expect(await closing(onTime.attemptId)).toEqual({ finishedAt: null, finishedBy: null });
    expect(await closeExpiredAttempts({ db, now: at(121) })).toEqual({ closed: 1 });
    expect(await closing(onTime.attemptId)).toEqual({ finishedAt: at(120), finishedBy: "time" });

    // A closed attempt stays as it was closed; homework without dates never closes by itself.
    expect(await closeExpiredAttempts({ db, now: at(10_000) })).toEqual({ closed: 0 });
    expect(await closing(timed.attemptId)).toEqual({ finishedAt: at(20), finishedBy: "time" });
    expect(await closing(undated.attemptId)).toEqual({ finishedAt: null, finishedBy: null });
  });

  it("reads in batches until every expired attempt is closed", async () => {
    const exam = await assessment("exam", { timeLimitMinutes: 5 });
    const attempts = await Promise.all([0, 1, 2, 3, 4].map(() => started(exam, at(1_000))));
    expect(await closeExpiredAttempts({ db, now: at(1_010), batchSize: 2 })).toEqual({ closed: 5 });
    for (const { attemptId } of attempts) expect(await closing(attemptId)).toEqual({ finishedAt: at(1_005), finishedBy: "time" });
  });

  it("closes an attempt once when a reader and two sweeps race, and the reader sees it closed", async () => {
    const exam = await assessment("exam", { timeLimitMinutes: 20 });
    const { learner, attemptId } = await started(exam, at(2_000));
    const now = at(2_030);
    const [, , view] = await Promise.all([
      closeExpiredAttempts({ db, now }),
      closeExpiredAttempts({ db, now }),
      callerFor(db, learner, () => now).assessments.attempt({ assessmentId: exam }),
    ]);
    expect(view.attempt).toMatchObject({ open: false, finishedBy: "time", finishedAt: at(2_020) });
    expect(await closing(attemptId)).toEqual({ finishedAt: at(2_020), finishedBy: "time" });
    expect(await closeExpiredAttempts({ db, now })).toEqual({ closed: 0 });
  });

  it("schedules the sweep every minute, and its worker closes on the clock it is given", async () => {
    const exam = await assessment("exam", { timeLimitMinutes: 20 });
    const { attemptId } = await started(exam, at(3_000));
    const queue = await createPgBossQueue({ url: database.url, kind, queues: QUEUES, pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 });
    queues.push(queue);
    await startJobWorkers({ queue, db, logger: silent, now: () => at(3_021) });
    // Scheduling again (a restart, a second instance) keeps one schedule.
    await queue.schedule(CLOSE_EXPIRED_ATTEMPTS_JOB, CLOSE_EXPIRED_ATTEMPTS_CRON);
    const schedules = await db.$queryRawUnsafe<{ name: string; cron: string; timezone: string }[]>(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = $1`, CLOSE_EXPIRED_ATTEMPTS_JOB);
    expect(schedules).toEqual([{ name: CLOSE_EXPIRED_ATTEMPTS_JOB, cron: CLOSE_EXPIRED_ATTEMPTS_CRON, timezone: "UTC" }]);
    expect(CLOSE_EXPIRED_ATTEMPTS_CRON).toBe("* * * * *");

    // The cron's next tick may be a minute away: send the job it would send.
    await queue.send(CLOSE_EXPIRED_ATTEMPTS_JOB, {});
    const deadline = Date.now() + 30_000;
    while ((await closing(attemptId)).finishedAt === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await closing(attemptId)).toEqual({ finishedAt: at(3_020), finishedBy: "time" });
  });
});
