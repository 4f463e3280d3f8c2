/**
 * True retention: of the reviews of cards that were already in the FSRS Review state (so the
 * learner was recalling from long-term memory, not stepping through learning), the share passed,
 * i.e. rated Hard, Good or Easy (rating > 1, Again being a lapse). This is the quantity FSRS's
 * desired retention targets, so the page plots one against the other (FSRS wiki, "The Algorithm":
 * desired retention is the probability of recall when a card comes due). The rating is the
 * effective one after amendments; undone reviews and practice do not count.
 */
import { State } from "@/lib/srs";
import { DAY_MS, dayKeyOf, dayNumberIn } from "./days";

export interface RetentionReview {
  reviewedAt: Date;
  /** The effective rating, 1 … 4. */
  rating: number;
  /** The card's state before the review; null for practice. */
  stateBefore: number | null;
  undone: boolean;
}

export interface RetentionDay {
  day: string;
  passed: number;
  total: number;
  /** passed / total, or null on a day without review-state reviews. */
  rate: number | null;
}

function counts(review: RetentionReview): boolean {
  return !review.undone && review.stateBefore === State.Review;
}

/** True retention over the `days` days up to `now`, and the same per day of the learner's (in `timeZone`) for the chart. */
export function trueRetention({ reviews, now, timeZone, days = 30 }: { reviews: readonly RetentionReview[]; now: Date; timeZone: string; days?: number }) {
  const since = now.getTime() - days * DAY_MS;
  const today = dayNumberIn(now, timeZone);
  const first = today - days + 1;
  const perDay: RetentionDay[] = Array.from({ length: days }, (_, index) => ({ day: dayKeyOf(first + index), passed: 0, total: 0, rate: null }));
  let passed = 0;
  let total = 0;
  for (const review of reviews) {
    const time = review.reviewedAt.getTime();
    if (!counts(review) || time <= since || time > now.getTime()) continue;
    const pass = review.rating > 1;
    total += 1;
    if (pass) passed += 1;
    const bucket = perDay[dayNumberIn(review.reviewedAt, timeZone) - first];
    if (bucket) {
      bucket.total += 1;
      if (pass) bucket.passed += 1;
    }
  }
  for (const bucket of perDay) bucket.rate = bucket.total === 0 ? null : bucket.passed / bucket.total;
  return { passed, total, rate: total === 0 ? null : passed / total, perDay };
}
