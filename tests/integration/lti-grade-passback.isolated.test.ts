/**
 * LTI Advantage services on both databases, against the spec-following test platform: grade
 * passback (AGS) when a learner finishes, when an instructor overrides and when a regrade changes
 * a score, to the placement's own line item or to one Stride finds or makes; the access token by a
 * JWT assertion the platform verifies against Stride's JWKS; retries of a failing score endpoint
 * (in this process with runPendingScoreSyncs, and through the pg-boss queue with its backoff);
 * a permanent refusal marked failed with its error in the gradebook; the roster (NRPS) adding the
 * learners who never launched to the gradebook.
 */
process.env.STRIDE_LTI_ALLOW_INSECURE_LOOPBACK = "1";

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { type ShownWhen, wallClockOf } from "@/lib/grading/assessments";
import { closeExpiredAttempts } from "@/lib/server/assessments/close-expired-attempts";
import { setJobQueue, type JobHandler, type JobQueue, type SendJobOptions } from "@/lib/server/jobs/job-queue";
import { LTI_SCORE_SYNC_SWEEP_JOB, startLtiScoreSyncs } from "@/lib/server/jobs/lti-score-sync-job";
import { createPgBossQueue } from "@/lib/server/jobs/pg-boss-queue";
import { QUEUES, startJobWorkers } from "@/lib/server/jobs/queues";
import { regradeAssessmentHandler } from "@/lib/server/jobs/regrade-assessment-job";
import { forgetAccessTokens } from "@/lib/server/lti/access-token";
import { LTI_SCORE_SYNC_JOB, releaseHeldScoreSyncs, runPendingScoreSyncs } from "@/lib/server/lti/score-sync";
import { publicJwks } from "@/lib/server/lti/tool-keys";
import type { SessionUser } from "@/lib/server/trpc";
import { closeWorkerPool } from "@/lib/server/workers/pool";
import { role, type TestPlatform } from "@/tests/support/lti-platform";
import { plantedWidth, rightWidth, strideQuestion, strideQuestionPlantedWrong } from "../support/question-fixtures";
import { callerFor } from "./courses-support";
import { registeredPlatform, startLtiToolServer, type LtiToolServer } from "./lti-launch-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const START = new Date("2026-05-04T09:00:00Z");
const ISO_WITH_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const silent = { info: () => undefined, error: () => undefined };

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(databaseKinds())("LTI grade passback and rosters on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let tool: LtiToolServer;
  let platform: TestPlatform;
  let jwksServer: Server;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.prisma;
    tool = await startLtiToolServer(db);
    // Stride's /lti/jwks, as the platform's token endpoint fetches it.
    jwksServer = createServer((_req, res) => {
      publicJwks({ db, now: new Date() })
        .then((jwks) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(jwks));
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    platform = await registeredPlatform(db, tool);
    platform.setToolJwksUrl(`http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/lti/jwks`);
    forgetAccessTokens();
  });

  afterAll(async () => {
    setJobQueue(undefined);
    await platform?.close();
    await tool?.close();
    await new Promise((resolve) => jwksServer?.close(resolve));
    await database?.drop();
    await closeWorkerPool();
  });

  const launch = (options: Omit<Parameters<TestPlatform["launch"]>[0], "toolLoginUrl" | "targetLinkUri">) =>
    platform.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, ...options });

  async function sessionUserOf(sub: string): Promise<SessionUser> {
    const { user } = await db.ltiUser.findFirstOrThrow({ where: { sub, platformId: (await db.ltiPlatform.findFirstOrThrow({ where: { issuer: platform.issuer } })).id }, include: { user: true } });
    return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } as SessionUser;
  }

  /** An LMS course linked by its instructor's launch, with a published one-question assessment placed in it. */
  async function linkedCourse(
    contextId: string,
    { platformLineItem, title = "Quiz", timeLimitMinutes, showScore, dueAt }: { platformLineItem: boolean; title?: string; timeLimitMinutes?: number; showScore?: ShownWhen; dueAt?: Date },
  ) {
    const context = { id: contextId, title: `Course ${contextId}` };
    const teacherSub = `teacher-${contextId}`;
    await launch({ user: { sub: teacherSub, name: "Grace Hopper" }, roles: [role.instructor], context, nrpsEndpoint: false });
    const instructor = await sessionUserOf(teacherSub);
    const teach = callerFor(db, instructor, () => START);
    const { courseId } = await db.ltiContext.findFirstOrThrow({ where: { contextId } });
    const bank = await teach.banks.create({ courseId: courseId!, title: "Strides" });
    const question = await teach.questions.create({ bankId: bank.id, definition: strideQuestionPlantedWrong });
    await teach.questions.validate({ questionId: question.id });
    await teach.questions.publish({ questionId: question.id });
    const { timeZone } = await db.course.findUniqueOrThrow({ where: { id: courseId! }, select: { timeZone: true } });
    const saveInput = {
      courseId: courseId!,
      titleEn: title,
      kind: "exam" as const,
      ...(timeLimitMinutes ? { timeLimitMinutes } : {}),
      ...(showScore ? { showScore } : {}),
      ...(dueAt ? { dueAt: wallClockOf(dueAt, timeZone) } : {}),
      zones: [{ pool: [{ question: question.id }], draw: 1, points: 10, pointsPerTry: [10, 5] }],
      published: true,
    };
    const { id: assessmentId } = await teach.assessments.save(saveInput);
    const resourceLink = { id: `link-${contextId}`, title };
    // A placement made by deep linking comes with the platform's line item; one added by hand has none.
    const lineItem = platformLineItem ? platform.createLineItem({ label: title, scoreMaximum: 10, resourceLinkId: resourceLink.id }, contextId) : null;
    const custom = { stride_kind: "assessment", stride_target_id: assessmentId };
    await launch({ user: { sub: teacherSub, name: "Grace Hopper" }, roles: [role.instructor], context, resourceLink, custom, nrpsEndpoint: false });
    return { context, resourceLink, custom, teach, instructor, courseId: courseId!, questionId: question.id, assessmentId, lineItem, saveInput, timeZone };
  }

  /** A learner launches the placement, starts the attempt and answers with `answerOf`, then finishes it. */
  async function learnerFinishes(course: Awaited<ReturnType<typeof linkedCourse>>, sub: string, answerOf: (prompt: string) => number, { finish = true }: { finish?: boolean } = {}) {
    await launch({ user: { sub, name: `Learner ${sub}`, email: `${sub}@example.edu` }, roles: [role.learner], context: course.context, resourceLink: course.resourceLink, custom: course.custom, nrpsEndpoint: false });
    const take = callerFor(db, await sessionUserOf(sub), () => START);
    const { attemptId } = await take.assessments.start({ assessmentId: course.assessmentId });
    const shown = await take.assessments.question({ attemptId, position: 0 });
    await take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: String(answerOf(shown.problem.prompt)) });
    if (finish) await take.assessments.finish({ attemptId });
    return attemptId;
  }

  const scoresOf = (sub: string) => platform.scores.filter((received) => received.score.userId === sub);
  const run = (now?: () => Date) => runPendingScoreSyncs({ db, allowInsecureLoopback: true, ...(now ? { now } : {}) });
  /** An instant `minutes` from the real clock (the platform's token endpoint checks assertions against it), on a whole minute as dates are set. */
  const minutesFromNow = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + minutes * 60_000);
  /** A job queue double: records what is sent and scheduled, and runs a registered handler on demand. */
  function recordingQueue() {
    const handlers = new Map<string, JobHandler<object>>();
    const sent: { name: string; data: object; options?: SendJobOptions }[] = [];
    const schedules: [string, string][] = [];
    const queue: JobQueue = {
      send: async (name, data, options) => {
        sent.push({ name, data, ...(options ? { options } : {}) });
        return `job-${sent.length}`;
      },
      work: async <Data extends object>(name: string, handler: JobHandler<Data>) => {
        handlers.set(name, handler as JobHandler<object>);
      },
      schedule: async (name, cron) => {
        schedules.push([name, cron]);
      },
      latestJob: async () => null,
      forget: async () => 0,
      depths: async () => ({}),
      stop: async () => undefined,
    };
    return { queue, sent, schedules, run: (name: string, data: object) => handlers.get(name)!(data, { id: `run-${name}` }) };
  }
  const held = (sub: string) => ({ userId: sub, activityProgress: "Completed", gradingProgress: "Pending", timestamp: expect.stringMatching(ISO_WITH_MS) });

  it("sends one score with the right fields when a learner finishes, then the regrade's and the override's new scores", async () => {
    const course = await linkedCourse("ags-course", { platformLineItem: true });
    const attemptId = await learnerFinishes(course, "learner-1", rightWidth);
    const tokenRequestsBefore = platform.tokenRequests.length;

    expect(await db.ltiScoreSync.findMany({ where: { attemptId } })).toEqual([expect.objectContaining({ status: "pending", tries: 0 })]);
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-1")).toHaveLength(1);
    const [first] = scoresOf("learner-1");
    // The planted key grades the right answer wrong: 0 of 10.
    expect(first!.lineItemId).toBe(course.lineItem!.id);
    expect(first!.score).toEqual({ userId: "learner-1", scoreGiven: 0, scoreMaximum: 10, activityProgress: "Completed", gradingProgress: "FullyGraded", timestamp: expect.stringMatching(ISO_WITH_MS) });
    expect(first!.stale).toBe(false);

    // The assertion the platform accepted: iss = sub = client id, aud = its token URL, a jti.
    const issued = platform.tokenRequests.slice(tokenRequestsBefore).filter((request) => request.outcome === "issued");
    expect(issued.length).toBeGreaterThanOrEqual(1);
    expect(issued[0]!.assertionClaims).toMatchObject({ iss: platform.clientId, sub: platform.clientId, aud: platform.urls.token, jti: expect.any(String) });
    expect(issued[0]!.params.scope).toContain("https://purl.imsglobal.org/spec/lti-ags/scope/score");
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } })).toMatchObject({ status: "sent", tries: 1, scoreGiven: 0, scoreMaximum: 10, lastError: null, lastSentAt: expect.any(Date) });

    // Nothing pending: running again sends nothing.
    expect(await run()).toEqual({ sent: 0, failed: 0, pending: 0 });
    expect(scoresOf("learner-1")).toHaveLength(1);

    // A fixed key regraded (the job's handler): 10 of 10 goes to the LMS.
    await course.teach.questions.update({ questionId: course.questionId, definition: strideQuestion });
    await course.teach.questions.validate({ questionId: course.questionId });
    await course.teach.questions.publish({ questionId: course.questionId });
    const regraded = await regradeAssessmentHandler({ db, now: () => START })({ userId: course.instructor.id, assessmentId: course.assessmentId, questionId: course.questionId, allowLower: false });
    expect(regraded.changed).toBe(1);
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-1").map((received) => received.score.scoreGiven)).toEqual([0, 10]);

    // An override: 7 of 10, newer than the last.
    await course.teach.gradebook.overrideScore({ attemptId, score: 7, reason: "Partial credit for the working" });
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    const scores = scoresOf("learner-1");
    expect(scores.map((received) => received.score.scoreGiven)).toEqual([0, 10, 7]);
    expect(scores.every((received) => !received.stale)).toBe(true);
    expect(Date.parse(scores[2]!.score.timestamp)).toBeGreaterThan(Date.parse(scores[1]!.score.timestamp));
    expect(platform.gradebook.resultsOf(course.lineItem!.id)).toEqual([expect.objectContaining({ userId: "learner-1", resultScore: 7, resultMaximum: 10 })]);

    // The gradebook shows when the LMS last got a score, and no failure.
    const gradebook = await course.teach.gradebook.course({ courseId: course.courseId });
    expect(gradebook.assessments[0]!.passback).toMatchObject({ sent: 1, pending: 0, failed: 0, lastError: null, lastSentAt: expect.any(Date) });
  });

  it("finds or makes the line item itself, and ends with one score after the endpoint fails twice", async () => {
    const course = await linkedCourse("ags-retry", { platformLineItem: false, title: "Quiz B" });
    platform.failNextScorePosts(2, 503);
    const refusedBefore = platform.refusedScorePosts.length;
    const attemptId = await learnerFinishes(course, "learner-2", plantedWidth);

    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(platform.refusedScorePosts.length - refusedBefore).toBe(2);
    expect(scoresOf("learner-2")).toHaveLength(1);
    expect(scoresOf("learner-2")[0]!.score).toMatchObject({ scoreGiven: 10, scoreMaximum: 10, activityProgress: "Completed", gradingProgress: "FullyGraded" });
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } })).toMatchObject({ status: "sent", tries: 3, lastError: null });
    // Made by Stride: the assessment's points, its title, its id as resourceId; recorded, so a second learner reuses it.
    expect(platform.lineItems("ags-retry")).toEqual([expect.objectContaining({ scoreMaximum: 10, label: "Quiz B", resourceId: course.assessmentId })]);

    await learnerFinishes(course, "learner-3", rightWidth);
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(platform.lineItems("ags-retry")).toHaveLength(1);
    expect(scoresOf("learner-3")[0]!.lineItemId).toBe(platform.lineItems("ags-retry")[0]!.id);
  });

  it("marks a sync failed at once on a permanent refusal, with the error in the gradebook", async () => {
    const course = await linkedCourse("ags-refused", { platformLineItem: true, title: "Quiz C" });
    platform.failNextScorePosts(1, 400);
    const attemptId = await learnerFinishes(course, "learner-4", rightWidth);

    expect(await run()).toEqual({ sent: 0, failed: 1, pending: 0 });
    expect(scoresOf("learner-4")).toHaveLength(0);
    const row = await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } });
    expect(row).toMatchObject({ status: "failed", tries: 1, lastSentAt: null });
    expect(row.lastError).toMatch(/HTTP 400/);
    const gradebook = await course.teach.gradebook.course({ courseId: course.courseId });
    expect(gradebook.assessments[0]!.passback).toMatchObject({ sent: 0, failed: 1, lastError: expect.stringMatching(/HTTP 400/) });

    // The next change of the score tries again, and is sent.
    await course.teach.gradebook.overrideScore({ attemptId, score: 4, reason: "Regraded by hand" });
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-4").map((received) => received.score.scoreGiven)).toEqual([4]);
  });

  it("sends the score of an attempt the minute's sweep closes at its time limit, and nothing before", async () => {
    const course = await linkedCourse("ags-timed", { platformLineItem: true, title: "Timed quiz", timeLimitMinutes: 30 });
    const attemptId = await learnerFinishes(course, "learner-6", plantedWidth, { finish: false });
    expect(await db.ltiScoreSync.count({ where: { attemptId } })).toBe(0);
    expect(await closeExpiredAttempts({ db, now: new Date(START.getTime() + 31 * 60_000) })).toEqual({ closed: 1 });
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-6").map((received) => received.score)).toEqual([expect.objectContaining({ scoreGiven: 10, scoreMaximum: 10, activityProgress: "Completed", gradingProgress: "FullyGraded" })]);
  });

  it("holds an exam's score shown after close: the LMS gets completed and pending, then the score when the learner's close has passed", async () => {
    // Dates from the real clock: the first send runs on it, before the close.
    const closeAt = minutesFromNow(120);
    const course = await linkedCourse("ags-after-close", { platformLineItem: true, title: "Exam F", showScore: "after-close", dueAt: closeAt });
    const attemptId = await learnerFinishes(course, "learner-7", plantedWidth);
    const other = await learnerFinishes(course, "learner-8", rightWidth);

    expect(await run()).toEqual({ sent: 2, failed: 0, pending: 0 });
    // Completed, grade pending, and no score at all: the gradebook a student can read shows nothing.
    expect(scoresOf("learner-7").map((received) => received.score)).toEqual([held("learner-7")]);
    expect(scoresOf("learner-8").map((received) => received.score)).toEqual([held("learner-8")]);
    expect(platform.gradebook.resultsOf(course.lineItem!.id).map((result) => result.resultScore)).toEqual([undefined, undefined]);
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } })).toMatchObject({ status: "held", releaseAt: closeAt, scoreGiven: null, gradingProgress: "Pending" });
    const gradebook = await course.teach.gradebook.course({ courseId: course.courseId });
    expect(gradebook.assessments[0]!.passback).toMatchObject({ sent: 0, pending: 0, failed: 0, held: 2, heldUntil: closeAt, heldUntilShown: 0 });

    // learner-8's accommodation moves their close a day later: their score is held until then.
    const later = new Date(closeAt.getTime() + 24 * 60 * 60_000);
    await course.teach.gradebook.accommodate({ assessmentId: course.assessmentId, userId: (await sessionUserOf("learner-8")).id, dueAt: wallClockOf(later, course.timeZone), extraMinutes: 0 });
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-8").map((received) => received.score)).toEqual([held("learner-8"), held("learner-8")]);
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId: other } })).toMatchObject({ status: "held", releaseAt: later });

    // The worker's sweep, every minute, on a queue double that records its jobs: nothing before the
    // close, nor at its very instant (closed means after it); a minute later, the score's job.
    const jobs = recordingQueue();
    let clock = new Date();
    await startLtiScoreSyncs({ queue: jobs.queue, db, logger: silent, now: () => clock });
    expect(jobs.schedules).toEqual([[LTI_SCORE_SYNC_SWEEP_JOB, "* * * * *"]]);
    expect(await jobs.run(LTI_SCORE_SYNC_SWEEP_JOB, {})).toEqual({ resent: 0, released: 0 });
    clock = closeAt;
    expect(await jobs.run(LTI_SCORE_SYNC_SWEEP_JOB, {})).toEqual({ resent: 0, released: 0 });
    const afterClose = new Date(closeAt.getTime() + 60_000);
    clock = afterClose;
    expect(await jobs.run(LTI_SCORE_SYNC_SWEEP_JOB, {})).toEqual({ resent: 0, released: 1 });
    const syncId = (await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } })).id;
    expect(jobs.sent).toEqual([{ name: LTI_SCORE_SYNC_JOB, data: { syncId }, options: { singletonKey: syncId } }]);
    expect(await jobs.run(LTI_SCORE_SYNC_JOB, jobs.sent[0]!.data)).toMatchObject({ status: "sent", tries: 1 });
    // Released once: the next sweep finds nothing.
    expect(await jobs.run(LTI_SCORE_SYNC_SWEEP_JOB, {})).toEqual({ resent: 0, released: 0 });
    const scores = scoresOf("learner-7");
    // The planted key takes the planted width: 10 of 10, now, and newer than the pending one.
    expect(scores.map((received) => received.score)).toEqual([held("learner-7"), { ...held("learner-7"), scoreGiven: 10, scoreMaximum: 10, gradingProgress: "FullyGraded" }]);
    expect(Date.parse(scores[1]!.score.timestamp)).toBeGreaterThan(Date.parse(scores[0]!.score.timestamp));
    expect(scores.every((received) => !received.stale)).toBe(true);
    expect(platform.gradebook.resultsOf(course.lineItem!.id)).toContainEqual(expect.objectContaining({ userId: "learner-7", resultScore: 10, resultMaximum: 10 }));
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } })).toMatchObject({ status: "sent", releaseAt: null, scoreGiven: 10 });
    // learner-8 still waits for their own close.
    expect(scoresOf("learner-8")).toHaveLength(2);
    expect((await course.teach.gradebook.course({ courseId: course.courseId })).assessments[0]!.passback).toMatchObject({ sent: 1, held: 1, heldUntil: later, heldUntilShown: 0 });
    const afterLater = new Date(later.getTime() + 60_000);
    expect(await releaseHeldScoreSyncs({ db, now: afterLater })).toBe(1);
    expect(await run(() => afterLater)).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-8").at(-1)!.score).toMatchObject({ scoreGiven: 0, scoreMaximum: 10, gradingProgress: "FullyGraded" });
  });

  it("holds a score never shown, sends it when the instructor shows scores immediately, and withdraws it to pending when they hide it again", async () => {
    const course = await linkedCourse("ags-never", { platformLineItem: true, title: "Exam G", showScore: "never" });
    const attemptId = await learnerFinishes(course, "learner-9", plantedWidth);
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-9").map((received) => received.score)).toEqual([held("learner-9")]);
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } })).toMatchObject({ status: "held", releaseAt: null });
    expect((await course.teach.gradebook.course({ courseId: course.courseId })).assessments[0]!.passback).toMatchObject({ held: 1, heldUntil: null, heldUntilShown: 1 });
    // No close releases it.
    expect(await releaseHeldScoreSyncs({ db, now: new Date("2099-01-01T00:00:00Z") })).toBe(0);

    // A save that changes neither the option nor the dates sends nothing again.
    await course.teach.assessments.save({ ...course.saveInput, assessmentId: course.assessmentId, titleEn: "Exam G (final)" });
    expect(await run()).toEqual({ sent: 0, failed: 0, pending: 0 });

    await course.teach.assessments.save({ ...course.saveInput, assessmentId: course.assessmentId, showScore: "immediately" });
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-9").map((received) => received.score)).toEqual([held("learner-9"), { ...held("learner-9"), scoreGiven: 10, scoreMaximum: 10, gradingProgress: "FullyGraded" }]);
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } })).toMatchObject({ status: "sent", releaseAt: null });

    // Hidden again until a close still to come: the LMS's latest is pending, with no score.
    const closeAt = minutesFromNow(180);
    await course.teach.assessments.save({ ...course.saveInput, assessmentId: course.assessmentId, showScore: "after-close", dueAt: wallClockOf(closeAt, course.timeZone) });
    expect(await run()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(scoresOf("learner-9").at(-1)!.score).toEqual(held("learner-9"));
    expect(platform.gradebook.resultsOf(course.lineItem!.id)).toEqual([expect.not.objectContaining({ resultScore: expect.anything() })]);
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } })).toMatchObject({ status: "held", releaseAt: closeAt });
  });

  it("retries through the pg-boss queue until the score is accepted, and reads the roster an instructor's launch enqueues", async () => {
    const course = await linkedCourse("ags-queue", { platformLineItem: true, title: "Quiz D" });
    // The real queue and workers, with the passback's retries a second apart instead of 15 s, 30 s, …
    const queues = { ...QUEUES, [LTI_SCORE_SYNC_JOB]: { ...QUEUES[LTI_SCORE_SYNC_JOB]!, retryDelay: 1, retryBackoff: false } };
    const queue = await createPgBossQueue({ url: database.url, kind, queues, pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 });
    try {
      setJobQueue(queue);
      await startJobWorkers({ queue, db, logger: silent, now: () => new Date() });
      platform.failNextScorePosts(2, 503);
      const attemptId = await learnerFinishes(course, "learner-5", rightWidth);
      const row = await waitFor(
        () => db.ltiScoreSync.findFirstOrThrow({ where: { attemptId } }),
        (sync) => sync.status !== "pending",
      );
      expect(row).toMatchObject({ status: "sent", tries: 3, lastError: null });
      expect(scoresOf("learner-5")).toHaveLength(1);

      // The instructor's launch (with the NRPS claim) enqueues the roster job; its worker adds the new learner.
      platform.setRoster([{ user_id: "queued-roster-1", roles: [role.learner], name: "Frances Allen" }], "ags-queue");
      await launch({ user: { sub: "teacher-ags-queue", name: "Grace Hopper" }, roles: [role.instructor], context: course.context });
      const listed = await waitFor(
        async () => (await course.teach.gradebook.course({ courseId: course.courseId })).learners.map((learner) => learner.name),
        (names) => names.includes("Frances Allen"),
      );
      expect(listed).toContain("Frances Allen");
    } finally {
      setJobQueue(undefined);
      await queue.stop();
    }
  });

  it("adds the roster's active learners who never launched to the course and its gradebook", async () => {
    const course = await linkedCourse("nrps-course", { platformLineItem: true, title: "Quiz E" });
    await db.user.create({ data: { id: "password-account", name: "Has A Password", email: "taken@example.edu", role: "learner", locale: "en" } });
    platform.setRoster(
      [
        { user_id: "teacher-nrps-course", roles: [role.instructor], name: "Grace Hopper" },
        { user_id: "roster-1", roles: [role.learner], name: "Barbara Liskov", email: "barbara@example.edu" },
        { user_id: "roster-2", roles: [role.learner], given_name: "Edsger", family_name: "Dijkstra", email: "taken@example.edu" },
        { user_id: "roster-3", roles: [role.learner], status: "Inactive", name: "Gone Away" },
        { user_id: "roster-4", roles: [role.mentor], name: "A Mentor" },
      ],
      "nrps-course",
    );
    platform.nrpsPageSize = 2;
    try {
      expect(await course.teach.gradebook.syncRoster({ courseId: course.courseId })).toEqual({ contexts: 0, queued: false, createdUsers: 0, addedMembers: 0 });
      // The instructor's next launch carries the NRPS URL (recorded on the context).
      await launch({ user: { sub: "teacher-nrps-course", name: "Grace Hopper" }, roles: [role.instructor], context: course.context });
      expect(await course.teach.gradebook.syncRoster({ courseId: course.courseId })).toEqual({ contexts: 1, queued: false, createdUsers: 2, addedMembers: 2 });

      const gradebook = await course.teach.gradebook.course({ courseId: course.courseId });
      expect(gradebook.lmsRoster).toBe(true);
      expect(gradebook.learners.map((learner) => learner.name)).toEqual(["Barbara Liskov", "Edsger Dijkstra"]);
      expect(gradebook.learners.every((learner) => learner.cells[0]!.status === "not-started")).toBe(true);
      // An e-mail a password account has stays that account's: a stand-in address, a separate user.
      const edsger = gradebook.learners.find((learner) => learner.name === "Edsger Dijkstra")!;
      expect(edsger.email).toMatch(/@lti\.invalid$/);
      expect(edsger.id).not.toBe("password-account");
      expect(gradebook.learners.find((learner) => learner.name === "Barbara Liskov")!.email).toBe("barbara@example.edu");

      // Their first launch finds the user the roster made; a second sync changes nothing.
      await launch({ user: { sub: "roster-1", name: "Barbara Liskov" }, roles: [role.learner], context: course.context });
      expect((await sessionUserOf("roster-1")).id).toBe(gradebook.learners.find((learner) => learner.name === "Barbara Liskov")!.id);
      expect(await course.teach.gradebook.syncRoster({ courseId: course.courseId })).toEqual({ contexts: 1, queued: false, createdUsers: 0, addedMembers: 0 });
      expect((await course.teach.gradebook.course({ courseId: course.courseId })).learners).toHaveLength(2);
    } finally {
      platform.nrpsPageSize = undefined;
    }
  });
});
