import { FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import type { Grade } from "ts-fsrs";

/** One review of a card: its rating (1 Again … 4 Easy) and whole days since the card's previous review. */
export interface HistoryReview {
  rating: Grade;
  /** 0 for the card's first review (and for a second review the same day). */
  deltaDays: number;
}

/** One card's reviews, oldest first. */
export interface CardHistory {
  reviews: HistoryReview[];
}

/** A learner's review history, one entry per card: what the optimizer fits and log loss scores. */
export type ReviewHistory = CardHistory[];

/** Every review in the history, first presentations included (the count the app's 400 threshold is on). */
export function countReviews(history: ReviewHistory): number {
  return history.reduce((sum, card) => sum + card.reviews.length, 0);
}

/**
 * The optimizer's training items (fsrs-rs `FSRSItem`): one per review after a card's first, holding
 * that review and every earlier one of the card, the layout of fsrs-rs's own `convertCsvToFsrsItems`.
 * fsrs-rs requires the first review's `delta_t` to be 0, so it is written as 0 whatever was recorded.
 */
export function toFsrsItems(history: ReviewHistory): FSRSBindingItem[] {
  const items: FSRSBindingItem[] = [];
  for (const card of history) {
    const reviews = card.reviews.map(
      (review, index) => new FSRSBindingReview(review.rating, index === 0 ? 0 : review.deltaDays),
    );
    for (let end = 2; end <= reviews.length; end++) items.push(new FSRSBindingItem(reviews.slice(0, end)));
  }
  return items;
}
