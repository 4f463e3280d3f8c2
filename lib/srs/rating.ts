import { type Grade, Rating } from "ts-fsrs";

/** The FSRS rating of a review: Again, Hard, Good or Easy (ts-fsrs `Grade`, stored as 1 … 4). */
export type ReviewRating = Grade;

/**
 * A correct answer given within this time counts as Easy. Working a conv output shape by hand
 * (read the prompt, two axes through the formula) takes a fluent learner about half a minute;
 * under 20 s the formula was recalled without effort, which is what Easy means in FSRS. The time
 * runs from issuing the variant, reading included, so the bar is reachable but not by default.
 */
export const EASY_WITHIN_MS = 20_000;

/**
 * Below half credit the answer counts as a failure to recall: with shapes, getting only the
 * channel count right (1 of 3) is the easy part, not recall of the formula.
 */
export const HARD_FROM_SCORE = 0.5;

/**
 * The rating FSRS schedules with, from a grade:
 * - wrong, score below `HARD_FROM_SCORE` → Again (a lapse: relearn soon);
 * - wrong with at least half credit → Hard (recalled, with errors: a shorter interval);
 * - correct within `EASY_WITHIN_MS` → Easy;
 * - correct otherwise → Good.
 * An `elapsedMs` that is not a non-negative number (a clock skew) never earns Easy.
 */
export function ratingForGrade({
  correct,
  score,
  elapsedMs,
}: {
  correct: boolean;
  score: number;
  elapsedMs: number;
}): ReviewRating {
  if (!correct) return score >= HARD_FROM_SCORE ? Rating.Hard : Rating.Again;
  const quick = Number.isFinite(elapsedMs) && elapsedMs >= 0 && elapsedMs <= EASY_WITHIN_MS;
  return quick ? Rating.Easy : Rating.Good;
}

export { Rating };
