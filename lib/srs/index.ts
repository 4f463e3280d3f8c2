/** Spaced repetition with FSRS (ts-fsrs): card states, ratings from grades, scheduling. No clock reads. */
export { type CardState, newCardState, State } from "./card-state";
export { EASY_WITHIN_MS, HARD_FROM_SCORE, Rating, ratingForGrade, type ReviewRating } from "./rating";
export { scheduleReview } from "./schedule-review";
