import type { PrismaClient } from "@/lib/db";
import { closesAt, scoreRelease, type ScoreRelease } from "@/lib/grading/assessments";
import { overrideOf, reviewOptionsOf, scheduleOf } from "../assessments/assessment-rules";
import { gradebookScore } from "../assessments/gradebook/attempt-cell";
import { findJobQueue, type JobQueue } from "../jobs/job-queue";
import { getLogger } from "../observability/logger";
import { LtiServiceError, type ServiceOptions } from "./access-token";
import { lineItemOf, postScore, type AgsScore } from "./ags";

/**
 * Grade passback (AGS): an attempt's score goes to every LMS course where its assessment is
 * placed and its learner is known (table lti_score_syncs, one row per attempt and LMS course).
 * `enqueueScoreSync` is the one call the places that change a score make (a finish by the learner,
 * the deadline or the close; an override; a regrade): it marks the row pending and sends the job
 * `lti-score-sync` (lib/server/jobs/lti-score-sync-job.ts), whose worker runs `runScoreSync`. The
 * score is read from the attempt when it is sent, so repeated or racing enqueues coalesce and the
 * latest score wins; sending the same score twice is harmless (same value, same timestamp).
 * Retryable failures (5xx, 429, network) are retried by the queue with exponential backoff up to
 * MAX_SCORE_SYNC_TRIES sends; a permanent one (another 4xx) marks the row failed at once, with
 * the error kept for the gradebook. No `server-only`: the job worker runs outside Next.js.
 *
 * A score the learner may not see yet (review option "score": "after-close" before their close,
 * or "never"; lib/grading/assessments/score-release.ts) is not sent: an LMS gradebook is visible
 * to students by default. The LMS is told the attempt is completed and its grade pending (AGS:
 * activityProgress "Completed", gradingProgress "Pending", no scoreGiven), and the row is "held"
 * with `releaseAt`, the learner's close; the worker's sweep (every minute) sends the real score
 * once that has passed. A change of the review option or of the dates (the assessment's, a
 * learner's accommodation) sends the assessment's syncs again, so held scores go out, or scores
 * already sent are withdrawn to pending, as the new setting says.
 */

export const LTI_SCORE_SYNC_JOB = "lti-score-sync";

/** Sends tried before a sync is given up as failed (the queue's retryLimit is one less). */
export const MAX_SCORE_SYNC_TRIES = 8;

export type ScoreSyncStatus = "pending" | "sent" | "held" | "failed";

/** The job's key: one job waits per sync row (pg-boss's "stately" queue policy). */
export function scoreSyncJobKey(syncId: string): string {
  return syncId;
}

/** The LMS courses (LtiContext ids) an attempt's score goes to: its assessment is placed there and the learner has an LTI identity on that platform. */
async function targetsOf(db: PrismaClient, attemptId: string) {
  const attempt = await db.assessmentAttempt.findUnique({ where: { id: attemptId }, select: { userId: true, assessmentId: true, assessment: { select: { courseId: true } } } });
  if (!attempt) return null;
  const contexts = await db.ltiContext.findMany({
    where: {
      courseId: attempt.assessment.courseId,
      resourceLinks: { some: { kind: "assessment", targetId: attempt.assessmentId } },
      platform: { users: { some: { userId: attempt.userId } } },
    },
    select: { id: true },
  });
  return { attempt, contextIds: contexts.map((context) => context.id) };
}

/** A score's AGS timestamp: `now`, or just after the last one when the clocks disagree, so the platform (which keeps the newest) never goes back. */
function nextScoredAt(previous: Date | null | undefined, now: Date): Date {
  return previous && previous >= now ? new Date(previous.getTime() + 1) : now;
}

async function sendJob(queue: JobQueue | undefined, syncId: string) {
  if (!queue) return;
  await queue.send(LTI_SCORE_SYNC_JOB, { syncId }, { singletonKey: scoreSyncJobKey(syncId) });
}

/**
 * Marks the attempt's score to be sent to each LMS course it belongs in, and enqueues the sends.
 * Cheap when nothing is linked (one query). Without a job queue in this process (a script, a
 * test) the rows wait, pending, for `runPendingScoreSyncs` or the worker's sweep. Answers the
 * sync rows' ids.
 */
export async function enqueueScoreSync({ db, attemptId, now, queue = findJobQueue() }: { db: PrismaClient; attemptId: string; now: Date; queue?: JobQueue }): Promise<string[]> {
  const targets = await targetsOf(db, attemptId);
  if (!targets || targets.contextIds.length === 0) return [];
  const ids: string[] = [];
  for (const ltiContextId of targets.contextIds) {
    const key = { attemptId_ltiContextId: { attemptId, ltiContextId } };
    const existing = await db.ltiScoreSync.findUnique({ where: key, select: { scoredAt: true } });
    // Whether it is held again is decided when it is sent, from the settings of that moment.
    const fresh = { status: "pending", scoredAt: nextScoredAt(existing?.scoredAt, now), tries: 0, lastError: null, releaseAt: null };
    const row = await db.ltiScoreSync.upsert({
      where: key,
      create: { attemptId, ltiContextId, assessmentId: targets.attempt.assessmentId, ...fresh },
      update: fresh,
      select: { id: true },
    });
    ids.push(row.id);
    await sendJob(queue, row.id);
  }
  return ids;
}

/**
 * `enqueueScoreSync` for a place that must not fail because of grade passback (a learner's finish
 * is done whatever the LMS's state): a failure to enqueue (the database, the queue) is logged;
 * a row already written stays pending for the worker's sweep of stalled syncs.
 */
export async function requestScoreSync(db: PrismaClient, attemptId: string, now: Date): Promise<void> {
  try {
    await enqueueScoreSync({ db, attemptId, now });
  } catch (error) {
    getLogger().error({ event: "lti.scoreSync.enqueueFailed", attemptId, err: error }, "grade passback could not be enqueued");
  }
}

/** The syncs of a regrade's attempts whose points it changed. */
export async function requestRegradeScoreSyncs(db: PrismaClient, regradeId: string, now: Date): Promise<void> {
  const changes = await db.regradeChange.findMany({ where: { regradeId }, select: { before: true, after: true, attemptQuestion: { select: { attemptId: true } } } });
  const attemptIds = new Set(changes.filter((change) => change.before !== change.after).map((change) => change.attemptQuestion.attemptId));
  for (const attemptId of attemptIds) await requestScoreSync(db, attemptId, now);
}

/**
 * The syncs of an assessment's attempts (those sent to an LMS already), sent again after a change
 * that can show or hide their scores: the review option "score", the assessment's dates, or one
 * learner's accommodation (`userId`). Each is decided afresh when sent; never fails the change.
 */
export async function requestAssessmentScoreSyncs(db: PrismaClient, assessmentId: string, now: Date, userId?: string): Promise<void> {
  try {
    const rows = await db.ltiScoreSync.findMany({ where: { assessmentId, ...(userId ? { attempt: { userId } } : {}) }, distinct: ["attemptId"], select: { attemptId: true } });
    for (const row of rows) await requestScoreSync(db, row.attemptId, now);
  } catch (error) {
    getLogger().error({ event: "lti.scoreSync.enqueueFailed", assessmentId, err: error }, "grade passback could not be enqueued");
  }
}

/** Completed, grade not available yet (AGS 2.0 §3.4, Score publish service, gradingProgress "Pending": the final grade is pending and needs no human intervention); no score. */
function heldScoreOf(userId: string, scoredAt: Date): AgsScore {
  return { userId, activityProgress: "Completed", gradingProgress: "Pending", timestamp: scoredAt.toISOString() };
}

/** The score an attempt has now, as AGS words it. */
function scoreOf(
  attempt: { finishedAt: Date | null; questions: { awarded: number; points: number }[]; scoreOverrides: { score: number }[] },
  userId: string,
  scoredAt: Date,
): AgsScore {
  const timestamp = scoredAt.toISOString();
  if (!attempt.finishedAt) return { userId, activityProgress: "InProgress", gradingProgress: "Pending", timestamp };
  const score = gradebookScore(attempt.questions, attempt.scoreOverrides[0]?.score ?? null);
  if (!(score.possible > 0)) return { userId, activityProgress: "Completed", gradingProgress: "FullyGraded", timestamp };
  return { userId, scoreGiven: score.awarded, scoreMaximum: score.possible, activityProgress: "Completed", gradingProgress: "FullyGraded", timestamp };
}

export type ScoreSyncOutcome = { status: ScoreSyncStatus; tries: number; error: string | null; retryable: boolean };

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

/**
 * Sends one sync row's score now: resolves the line item, reads the attempt's score, posts it.
 * Answers what became of the row; a row no longer pending (sent already) is left alone.
 */
export async function runScoreSync({ db, syncId, now = () => new Date(), ...service }: Omit<ServiceOptions, "db"> & { db: PrismaClient; syncId: string; now?: () => Date }): Promise<ScoreSyncOutcome | null> {
  const row = await db.ltiScoreSync.findUnique({
    where: { id: syncId },
    include: {
      ltiContext: { select: { id: true, lineItemsUrl: true, platform: { select: { id: true, clientId: true, accessTokenUrl: true } } } },
      assessment: {
        select: {
          id: true,
          titleEn: true,
          kind: true,
          opensAt: true,
          dueAt: true,
          lateUntil: true,
          lateCredit: true,
          timeLimitMinutes: true,
          gradeAtEnd: true,
          showScore: true,
          showCorrectness: true,
          showSolution: true,
          zones: { select: { draw: true, points: true } },
        },
      },
      attempt: {
        select: {
          userId: true,
          finishedAt: true,
          questions: { select: { awarded: true, points: true } },
          scoreOverrides: { orderBy: { createdAt: "desc" }, take: 1, select: { score: true } },
        },
      },
    },
  });
  if (!row || row.status !== "pending") return null;
  const options: ServiceOptions = { db, now, ...service };
  const platform = row.ltiContext.platform;
  const tries = row.tries + 1;
  let score: AgsScore | null = null;
  let release: ScoreRelease = { when: "now" };
  try {
    const ltiUser = await db.ltiUser.findFirst({ where: { platformId: platform.id, userId: row.attempt.userId }, select: { sub: true } });
    if (!ltiUser) throw new LtiServiceError("The learner has no identity at this LMS", false);
    if (row.attempt.finishedAt) release = await releaseOf(db, row.assessment, row.attempt.userId, now());
    score = release.when === "now" ? scoreOf(row.attempt, ltiUser.sub, row.scoredAt) : heldScoreOf(ltiUser.sub, row.scoredAt);
    const points = row.assessment.zones.reduce((sum, zone) => sum + zone.draw * zone.points, 0);
    const lineItemUrl = await lineItemOf({ db, context: row.ltiContext, assessment: { id: row.assessment.id, title: row.assessment.titleEn, points: points > 0 ? points : 1 }, options });
    await postScore({ platform, lineItemUrl, score, options });
  } catch (error) {
    const retryable = error instanceof LtiServiceError ? error.retryable : false;
    const status: ScoreSyncStatus = retryable && tries < MAX_SCORE_SYNC_TRIES ? "pending" : "failed";
    const message = messageOf(error);
    // Only the version of the row this send read: a newer enqueue keeps its own pending state.
    await db.ltiScoreSync.updateMany({ where: { id: row.id, scoredAt: row.scoredAt }, data: { status, tries, lastError: message, lastTriedAt: now() } });
    getLogger().warn({ event: "lti.scoreSync.failed", syncId: row.id, attemptId: row.attemptId, tries, retryable, giveUp: status === "failed", err: message }, "grade passback failed");
    return { status, tries, error: message, retryable: status === "pending" };
  }
  const at = now();
  const sent = score!;
  const status: ScoreSyncStatus = release.when === "now" ? "sent" : "held";
  await db.ltiScoreSync.updateMany({
    where: { id: row.id, scoredAt: row.scoredAt },
    data: {
      status,
      releaseAt: release.when === "at" ? release.at : null,
      tries,
      lastError: null,
      lastTriedAt: at,
      lastSentAt: at,
      scoreGiven: sent.scoreGiven ?? null,
      scoreMaximum: sent.scoreMaximum ?? null,
      activityProgress: sent.activityProgress,
      gradingProgress: sent.gradingProgress,
    },
  });
  return { status, tries, error: null, retryable: false };
}

/** Whether the learner may see their finished attempt's score now (review option "score", their close with their accommodation). */
async function releaseOf(db: PrismaClient, assessment: Parameters<typeof scheduleOf>[0] & { id: string }, userId: string, now: Date): Promise<ScoreRelease> {
  const override = await db.assessmentOverride.findUnique({ where: { assessmentId_userId: { assessmentId: assessment.id, userId } }, select: { dueAt: true, lateUntil: true, extraMinutes: true } });
  return scoreRelease(reviewOptionsOf(assessment).score, closesAt(scheduleOf(assessment), overrideOf(override)), now);
}

/**
 * Sends every pending sync now, in this process, retrying retryable failures at once (no backoff)
 * for up to `rounds` rounds: what tests (and `npm run` scripts) use instead of waiting for the
 * queue. Answers the counts of what each row ended as; a held score counts as sent (the LMS got
 * its "completed, grade pending").
 */
export async function runPendingScoreSyncs({ rounds = MAX_SCORE_SYNC_TRIES, ...options }: Omit<ServiceOptions, "db"> & { db: PrismaClient; now?: () => Date; rounds?: number }) {
  const result = { sent: 0, failed: 0, pending: 0 };
  let ids = (await options.db.ltiScoreSync.findMany({ where: { status: "pending" }, select: { id: true }, orderBy: { createdAt: "asc" } })).map((row) => row.id);
  for (let round = 0; round < rounds && ids.length > 0; round += 1) {
    const again: string[] = [];
    for (const syncId of ids) {
      const outcome = await runScoreSync({ ...options, syncId });
      if (outcome?.status === "sent" || outcome?.status === "held") result.sent += 1;
      else if (outcome?.status === "failed") result.failed += 1;
      else if (outcome?.status === "pending") again.push(syncId);
    }
    ids = again;
  }
  result.pending = ids.length;
  return result;
}

/** Pending syncs not touched for a while (their job lost, or enqueued with no queue): the worker's sweep sends their jobs again. */
export async function resendStalledScoreSyncs({ db, queue, now, olderThanMs = 10 * 60_000 }: { db: PrismaClient; queue: JobQueue; now: Date; olderThanMs?: number }): Promise<number> {
  const stalled = await db.ltiScoreSync.findMany({ where: { status: "pending", updatedAt: { lt: new Date(now.getTime() - olderThanMs) } }, select: { id: true }, take: 500 });
  for (const row of stalled) await sendJob(queue, row.id);
  return stalled.length;
}

/**
 * Held scores whose learners may see them now (their close has passed): marked to be sent again
 * with a newer timestamp, and their jobs sent when a queue is given. A row changed meanwhile (a new
 * score enqueued, another sweep) is left to that change. Answers how many were released.
 */
export async function releaseHeldScoreSyncs({ db, now, queue }: { db: PrismaClient; now: Date; queue?: JobQueue }): Promise<number> {
  const due = await db.ltiScoreSync.findMany({ where: { status: "held", releaseAt: { lt: now } }, select: { id: true, scoredAt: true }, take: 500 });
  let released = 0;
  for (const row of due) {
    const claimed = await db.ltiScoreSync.updateMany({
      where: { id: row.id, status: "held", scoredAt: row.scoredAt },
      data: { status: "pending", scoredAt: nextScoredAt(row.scoredAt, now), tries: 0, lastError: null, releaseAt: null },
    });
    if (claimed.count === 0) continue;
    released += 1;
    await sendJob(queue, row.id);
  }
  return released;
}

/**
 * Per assessment of a course, for the gradebook: when a score last reached the LMS, the syncs that
 * failed or wait (with the latest error), and the scores held from learners: how many, the latest
 * close they wait for (`heldUntil`), and how many wait for the instructor to change the setting
 * (`heldUntilShown`: "never", or no close).
 */
export interface ScoreSyncSummary {
  lastSentAt: Date | null;
  sent: number;
  pending: number;
  failed: number;
  held: number;
  heldUntil: Date | null;
  heldUntilShown: number;
  lastError: string | null;
}

export async function scoreSyncSummary({ db, courseId }: { db: PrismaClient; courseId: string }) {
  const rows = await db.ltiScoreSync.groupBy({
    by: ["assessmentId", "status"],
    where: { assessment: { courseId } },
    _count: { _all: true, releaseAt: true },
    _max: { lastSentAt: true, releaseAt: true },
  });
  const failures = await db.ltiScoreSync.findMany({
    where: { assessment: { courseId }, status: "failed" },
    orderBy: { updatedAt: "desc" },
    distinct: ["assessmentId"],
    select: { assessmentId: true, lastError: true },
  });
  const summary = new Map<string, ScoreSyncSummary>();
  for (const row of rows) {
    const entry = summary.get(row.assessmentId) ?? { lastSentAt: null, sent: 0, pending: 0, failed: 0, held: 0, heldUntil: null, heldUntilShown: 0, lastError: null };
    const count = row._count._all;
    if (row.status === "sent") entry.sent += count;
    else if (row.status === "failed") entry.failed += count;
    else if (row.status === "held") {
      entry.held += count;
      entry.heldUntil = row._max.releaseAt;
      entry.heldUntilShown += count - row._count.releaseAt;
    } else entry.pending += count;
    const last = row._max.lastSentAt;
    if (last && (!entry.lastSentAt || last > entry.lastSentAt)) entry.lastSentAt = last;
    summary.set(row.assessmentId, entry);
  }
  for (const failure of failures) {
    const entry = summary.get(failure.assessmentId);
    if (entry) entry.lastError = failure.lastError;
  }
  return summary;
}
