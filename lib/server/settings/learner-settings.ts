import type { PrismaClient } from "@/lib/db";
import type { Lang } from "@/lib/problems";
import type { JobQueue } from "../jobs/job-queue";
import { optimizerJobOf } from "./request-parameter-optimization";

/** Reviews that count towards optimising: graded reviews (not practice) that were not undone. */
export function countOptimizableReviews(db: PrismaClient, userId: string) {
  return db.review.count({ where: { userId, mode: "review", amendments: { none: { kind: "undo" } } } });
}

/**
 * The learner's settings page: scheduling, language and the optimizer's state, with its latest
 * background run when a job queue is given (queued, running, done or failed).
 */
export async function getLearnerSettings({
  db,
  userId,
  minReviewsToOptimize,
  queue,
}: {
  db: PrismaClient;
  userId: string;
  minReviewsToOptimize: number;
  queue?: JobQueue;
}) {
  // The job is read before the learner: the job stores the fit and only then is marked done, so a
  // "done" read first guarantees the learner row read next holds its log losses. Read the other
  // way round, a job finishing in between showed "done" without them, and the page stops polling
  // once it sees "done".
  const job = queue ? await optimizerJobOf({ queue, userId }) : null;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const reviews = await countOptimizableReviews(db, userId);
  return {
    desiredRetention: user.desiredRetention,
    dailyNewLimit: user.dailyNewLimit,
    locale: user.locale as Lang,
    /** The zone the learner chose or their browser reported; null: days are counted in UTC. */
    timeZone: user.timeZone,
    optimizer: {
      reviews,
      minReviews: minReviewsToOptimize,
      available: reviews >= minReviewsToOptimize,
      usingOwnParameters: user.fsrsParameters.length > 0,
      optimizedAt: user.fsrsOptimizedAt,
      logLossBefore: user.fsrsLogLossBefore,
      logLossAfter: user.fsrsLogLossAfter,
      job,
    },
  };
}

export async function updateLearnerSettings({
  db,
  userId,
  changes,
}: {
  db: PrismaClient;
  userId: string;
  changes: { desiredRetention?: number; dailyNewLimit?: number; locale?: Lang; timeZone?: string };
}) {
  const user = await db.user.update({ where: { id: userId }, data: changes });
  return { desiredRetention: user.desiredRetention, dailyNewLimit: user.dailyNewLimit, locale: user.locale as Lang, timeZone: user.timeZone };
}

/**
 * The zone a learner's browser reports, kept only while the learner has none: an account made
 * before zones existed gets its days right on its next visit, and a zone the learner chose is
 * never overwritten by a laptop that travelled. One conditional update; true when it was kept.
 */
export async function reportBrowserTimeZone({ db, userId, timeZone }: { db: PrismaClient; userId: string; timeZone: string }): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId, timeZone: null }, data: { timeZone } });
  return count === 1;
}
