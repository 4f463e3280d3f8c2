import { type Grade, Rating } from "ts-fsrs";
import type { UniformRandom } from "./uniform-random";

/**
 * How often a learner presses each button, from the FSRS optimizer's simulator defaults
 * (fsrs-optimizer `fsrs_simulator.py`: `DEFAULT_FIRST_RATING_PROB = [0.24, 0.094, 0.495, 0.171]`,
 * `DEFAULT_REVIEW_RATING_PROB = [0.224, 0.631, 0.145]`), measured over Anki users' review logs.
 */
export const FIRST_RATING_PROBABILITIES = [0.24, 0.094, 0.495, 0.171] as const;
/** Hard, Good, Easy given a successful recall (a failure is always Again). */
export const SUCCESS_RATING_PROBABILITIES = [0.224, 0.631, 0.145] as const;

function drawIndex(random: UniformRandom, probabilities: readonly number[]): number {
  let u = random();
  for (let index = 0; index < probabilities.length - 1; index++) {
    u -= probabilities[index] ?? 0;
    if (u < 0) return index;
  }
  return probabilities.length - 1;
}

/** The rating of a card's first presentation: there is no memory yet to recall, only an impression. */
export function drawFirstRating(random: UniformRandom): Grade {
  return (Rating.Again + drawIndex(random, FIRST_RATING_PROBABILITIES)) as Grade;
}

/** The rating of a review: Again on a failed recall, else Hard, Good or Easy. */
export function drawReviewRating(random: UniformRandom, recalled: boolean): Grade {
  if (!recalled) return Rating.Again;
  return (Rating.Hard + drawIndex(random, SUCCESS_RATING_PROBABILITIES)) as Grade;
}
