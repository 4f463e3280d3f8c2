import { fsrs } from "ts-fsrs";
import { type CardState, fromFsrsCard, toFsrsCard } from "./card-state";
import type { ReviewRating } from "./rating";

/**
 * The scheduler: FSRS-6 with ts-fsrs's default weights and
 * - `request_retention` 0.9: review when recall has dropped to 90 % (FSRS's default);
 * - `maximum_interval` 365 days: a course's material comes back at least once a year;
 * - `enable_fuzz` false: the same card, rating and time always give the same due date, so any
 *   schedule can be replayed exactly from the review history (DESIGN.md, "Data"). A learner holds
 *   one card per template, so the clustering fuzz prevents hardly arises;
 * - short-term learning steps 1 min, 10 min (relearning 10 min), ts-fsrs's defaults: a new or
 *   lapsed template comes back within the session with a fresh variant.
 */
const scheduler = fsrs({
  request_retention: 0.9,
  maximum_interval: 365,
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ["1m", "10m"],
  relearning_steps: ["10m"],
});

/**
 * The card's state before and after a review rated `rating` at `now` (ts-fsrs `next`). Pure: the
 * time is an argument, the input card is not modified.
 */
export function scheduleReview({
  card,
  rating,
  now,
}: {
  card: CardState;
  rating: ReviewRating;
  now: Date;
}): { before: CardState; after: CardState } {
  const before = fromFsrsCard(toFsrsCard(card));
  const after = fromFsrsCard(scheduler.next(toFsrsCard(card), now, rating).card);
  return { before, after };
}
