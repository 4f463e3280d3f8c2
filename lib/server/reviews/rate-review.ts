import type { PrismaClient } from "@/lib/db";
import { type ReviewRating, scheduleReview } from "@/lib/srs";
import { AppError } from "../errors";
import { cardStateFromJson, cardStateJson } from "./card-state";
import { effectiveReview } from "./effective-review";
import { lockCard, withLearnerLock } from "./learner-lock";
import { schedulerSettingsOf } from "./scheduler-settings";

export interface RateReviewOptions {
  db: PrismaClient;
  userId: string;
  reviewId: string;
  rating: ReviewRating;
  now: Date;
  fuzz: boolean;
}

/**
 * The learner overrides the suggested rating of their latest review of a card. The card is
 * rescheduled as if the review had been rated so when it was given (same time, same state
 * before), and the change is appended as an amendment: the review row itself never changes.
 *
 * Checked and written under the learner's lock, so racing changes apply one after the other: the
 * same rating sent twice is recorded once, and the card always stands where the latest amendment
 * puts it.
 */
export async function rateReview({ db, userId, reviewId, rating, now, fuzz }: RateReviewOptions) {
  const settings = await schedulerSettingsOf(db, userId, fuzz);
  return withLearnerLock(db, userId, async (tx) => {
    const review = await tx.review.findUnique({ where: { id: reviewId }, include: { amendments: true } });
    if (!review || review.userId !== userId) throw new AppError("NOT_FOUND", "There is no such review of yours.", { reason: "review.notFound" });
    if (review.mode !== "review" || !review.cardId || !review.stateBefore) {
      throw new AppError("BAD_INPUT", "rating: practice does not move your schedule, so it has no rating to change.", { reason: "review.practiceHasNoRating" });
    }
    const effective = effectiveReview(review);
    if (effective.undone) throw new AppError("CONFLICT", "This review was undone, so it has no rating to change.", { reason: "review.undone" });
    // Before looking for a later review: a submit of this card that is being recorded now is in once this returns.
    await lockCard(tx, review.cardId);
    const later = await tx.review.findFirst({
      where: { cardId: review.cardId, reviewedAt: { gt: review.reviewedAt }, amendments: { none: { kind: "undo" } } },
      select: { id: true },
    });
    if (later) throw new AppError("CONFLICT", "You have reviewed this skill again since; only the latest review's rating can change.", { reason: "review.notLatest" });
    if (effective.rating === rating) {
      const card = await tx.card.findUniqueOrThrow({ where: { id: review.cardId } });
      return { reviewId, rating, nextDue: card.due };
    }

    const { after } = scheduleReview({ card: cardStateFromJson(review.stateBefore), rating, now: review.reviewedAt, settings });
    // "Latest" is by creation time: two changes within one millisecond still come out in the order applied.
    const newest = Math.max(-Infinity, ...review.amendments.map((amendment) => amendment.createdAt.getTime()));
    const createdAt = new Date(Math.max(now.getTime(), newest + 1));
    await tx.card.update({ where: { id: review.cardId }, data: { ...after } });
    await tx.reviewAmendment.create({ data: { reviewId, userId, kind: "rating", rating, stateAfter: cardStateJson(after), createdAt } });
    return { reviewId, rating, nextDue: after.due };
  });
}
