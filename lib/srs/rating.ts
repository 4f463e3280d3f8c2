import { type Grade, Rating } from "ts-fsrs";

/** The FSRS rating of a review: Again, Hard, Good or Easy (ts-fsrs `Grade`, stored as 1 … 4). */
export type ReviewRating = Grade;

/**
 * Below half credit the answer counts as a failure to recall: with shapes, getting only the
 * channel count right (1 of 3) is the easy part, not recall of the formula.
 */
export const HARD_FROM_SCORE = 0.5;

/**
 * "Fast" and "slow" are relative to how long the skill usually takes (its median time): a
 * parameter count of a whole net takes minutes, a true/false item seconds, so one fixed bar
 * would rate every quick item Easy and every long one Hard. Within 60 % of the median the answer
 * came without effort; past twice the median it was a struggle.
 */
export const FAST_WITHIN_MEDIAN = 0.6;
export const SLOW_FROM_MEDIAN = 2;

/**
 * The rating Stride suggests from a grade and the time taken (the learner may change it):
 * - wrong below `HARD_FROM_SCORE` → Again (a lapse: relearn soon);
 * - wrong with at least half credit (partial) → Hard;
 * - right but slow (≥ `SLOW_FROM_MEDIAN` × the median) → Hard;
 * - right and fast (≤ `FAST_WITHIN_MEDIAN` × the median) → Easy;
 * - right otherwise → Good.
 * A time or median that is not a positive finite number (a clock skew, no data) is neither fast
 * nor slow.
 */
export function suggestRating({
  correct,
  score,
  elapsedMs,
  medianMs,
}: {
  correct: boolean;
  score: number;
  elapsedMs: number;
  medianMs: number;
}): ReviewRating {
  if (!correct) return score >= HARD_FROM_SCORE ? Rating.Hard : Rating.Again;
  const timed = Number.isFinite(elapsedMs) && elapsedMs >= 0 && Number.isFinite(medianMs) && medianMs > 0;
  if (timed && elapsedMs >= SLOW_FROM_MEDIAN * medianMs) return Rating.Hard;
  if (timed && elapsedMs <= FAST_WITHIN_MEDIAN * medianMs) return Rating.Easy;
  return Rating.Good;
}

/** Whether `value` is one of FSRS's four ratings (1 … 4). */
export function isReviewRating(value: unknown): value is ReviewRating {
  return value === Rating.Again || value === Rating.Hard || value === Rating.Good || value === Rating.Easy;
}

export { Rating };
