import { FSRS, type FSRSState } from "ts-fsrs";
import type { ReviewHistory } from "./review-history";

/** Keeps ln(·) finite when a prediction is exactly 0 or 1 (fsrs-rs clamps the same way). */
const PROBABILITY_FLOOR = 1e-4;

/**
 * How well FSRS weights predict a history: the mean binary cross-entropy (log loss) over every
 * review after a card's first,
 *   L = −(1/N) Σ [y ln R + (1 − y) ln(1 − R)],
 * with y = 1 when the review was a recall (rating Hard, Good or Easy) and R the retrievability the
 * weights predict at that review, R = (1 + FACTOR · t / S)^(−w20), FACTOR = 0.9^(−1/w20) − 1, from the
 * memory state S, D replayed through the card's earlier reviews (ts-fsrs `next_state`). This is
 * the loss the FSRS optimizer minimises (fsrs-rs `evaluate`, "log loss"); lower is better. The
 * first review of a card is not predicted: no memory state exists before it.
 */
export function historyLogLoss(history: ReviewHistory, parameters: readonly number[]): number {
  const model = new FSRS({ w: [...parameters], enable_short_term: true });
  let total = 0;
  let count = 0;
  for (const card of history) {
    let memory: FSRSState | null = null;
    for (const review of card.reviews) {
      if (memory) {
        const predicted = model.forgetting_curve(review.deltaDays, memory.stability);
        const p = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, predicted));
        total -= review.rating > 1 ? Math.log(p) : Math.log(1 - p);
        count++;
      }
      memory = model.next_state(memory, memory ? review.deltaDays : 0, review.rating);
    }
  }
  if (count === 0) throw new Error("log loss of a history with no second review: nothing to predict");
  return total / count;
}
