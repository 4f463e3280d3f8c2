import type { PrismaClient } from "@/lib/db";
import { MIN_REVIEWS_TO_OPTIMIZE } from "@/lib/srs/optimizer/optimize-parameters";
import type { ReviewHistory } from "@/lib/srs/optimizer/review-history";
import { AppError } from "../errors";
import { effectiveReview } from "../reviews/effective-review";
import { runTask } from "../workers/pool";

const DAY_MS = 86_400_000;
/**
 * A fit of a few thousand reviews takes seconds (fsrs-rs); well past that, the thread is stopped
 * and the job fails rather than hold a thread. Less than the job's expiry (lib/server/jobs/queues.ts).
 */
const OPTIMIZE_TIMEOUT_MS = 5 * 60_000;

interface HistoryRow {
  cardId: string | null;
  rating: number;
  reviewedAt: Date;
  amendments: { kind: string; rating: number | null; createdAt: Date }[];
}

/**
 * A learner's reviews as the optimizer reads them: per card, oldest first, the effective rating
 * (after the learner's changes) and whole days since the card's previous review. Practice and
 * undone reviews are left out: they did not move the schedule.
 */
export function historyFromReviews(rows: readonly HistoryRow[]): ReviewHistory {
  const byCard = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    if (!row.cardId || effectiveReview(row).undone) continue;
    byCard.set(row.cardId, [...(byCard.get(row.cardId) ?? []), row]);
  }
  return [...byCard.values()].map((reviews) => {
    const sorted = [...reviews].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    return {
      reviews: sorted.map((row, index) => ({
        rating: effectiveReview(row).rating as 1 | 2 | 3 | 4,
        deltaDays: index === 0 ? 0 : Math.floor((row.reviewedAt.getTime() - (sorted[index - 1] as HistoryRow).reviewedAt.getTime()) / DAY_MS),
      })),
    };
  });
}

/**
 * "Optimise my parameters", as the background job runs it: fits FSRS to the learner's own history (from 400 reviews) and keeps
 * the fit only when it predicts that history better than the defaults (lower log loss). Both
 * log losses are stored and shown, so the learner sees what changed.
 */
export async function optimizeLearnerParameters({ db, userId, now }: { db: PrismaClient; userId: string; now: Date }) {
  const rows = await db.review.findMany({
    where: { userId, mode: "review" },
    select: { cardId: true, rating: true, reviewedAt: true, amendments: { select: { kind: true, rating: true, createdAt: true } } },
    orderBy: { reviewedAt: "asc" },
  });
  const history = historyFromReviews(rows);
  const reviews = history.reduce((sum, card) => sum + card.reviews.length, 0);
  if (reviews < MIN_REVIEWS_TO_OPTIMIZE) {
    throw new AppError("BAD_INPUT", `optimize: it needs at least ${MIN_REVIEWS_TO_OPTIMIZE} reviews of your own; you have ${reviews}.`, { reason: "settings.tooFewReviews", params: { needed: MIN_REVIEWS_TO_OPTIMIZE, reviews } });
  }
  // Runs in the job worker (lib/server/jobs/optimize-parameters-job.ts), never on a request, and
  // the fit itself on a worker thread, so a long fit never holds up the server's event loop.
  const result = await runTask("optimizeLearnerHistory", { history }, { timeoutMs: OPTIMIZE_TIMEOUT_MS });
  const improved = result.logLossAfter < result.logLossBefore;
  await db.user.update({
    where: { id: userId },
    data: {
      fsrsParameters: improved ? result.parameters : [],
      fsrsOptimizedAt: now,
      fsrsLogLossBefore: result.logLossBefore,
      fsrsLogLossAfter: result.logLossAfter,
    },
  });
  return { applied: improved, reviews, logLossBefore: result.logLossBefore, logLossAfter: result.logLossAfter };
}

/** Back to FSRS's default parameters. */
export async function resetLearnerParameters({ db, userId }: { db: PrismaClient; userId: string }) {
  await db.user.update({
    where: { id: userId },
    data: { fsrsParameters: [], fsrsOptimizedAt: null, fsrsLogLossBefore: null, fsrsLogLossAfter: null },
  });
  return { reset: true };
}
