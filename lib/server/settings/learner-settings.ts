import type { PrismaClient } from "@/lib/db";
import type { Lang } from "@/lib/problems";

/** Reviews that count towards optimising: graded reviews (not practice) that were not undone. */
export function countOptimizableReviews(db: PrismaClient, userId: string) {
  return db.review.count({ where: { userId, mode: "review", amendments: { none: { kind: "undo" } } } });
}

/** The learner's settings page: scheduling, language and the optimizer's state. */
export async function getLearnerSettings({ db, userId, minReviewsToOptimize }: { db: PrismaClient; userId: string; minReviewsToOptimize: number }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const reviews = await countOptimizableReviews(db, userId);
  return {
    desiredRetention: user.desiredRetention,
    dailyNewLimit: user.dailyNewLimit,
    locale: user.locale as Lang,
    optimizer: {
      reviews,
      minReviews: minReviewsToOptimize,
      available: reviews >= minReviewsToOptimize,
      usingOwnParameters: user.fsrsParameters.length > 0,
      optimizedAt: user.fsrsOptimizedAt,
      logLossBefore: user.fsrsLogLossBefore,
      logLossAfter: user.fsrsLogLossAfter,
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
  changes: { desiredRetention?: number; dailyNewLimit?: number; locale?: Lang };
}) {
  const user = await db.user.update({ where: { id: userId }, data: changes });
  return { desiredRetention: user.desiredRetention, dailyNewLimit: user.dailyNewLimit, locale: user.locale as Lang };
}
