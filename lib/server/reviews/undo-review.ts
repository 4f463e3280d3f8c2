import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { cardStateFromJson } from "./card-state";
import { effectiveReview } from "./effective-review";
import { lockCard, withLearnerLock } from "./learner-lock";

// Undo walks back through the learner's latest reviews; this many is further than anyone goes.
const UNDO_DEPTH = 50;

/**
 * Takes back the learner's last review that still counts: its card returns to the state it had
 * before (so it comes due again and a fresh variant is issued), and an "undo" amendment records
 * it. The review stays in the history, marked undone.
 *
 * Checked and written under the learner's lock, and idempotent: undoing a review that is already
 * undone (a double click, a retried request) answers as the first undo did and changes nothing,
 * so a repeated undo never reaches the review before it.
 */
export async function undoReview({ db, userId, reviewId, now }: { db: PrismaClient; userId: string; reviewId: string; now: Date }) {
  return withLearnerLock(db, userId, async (tx) => {
    const readRecent = () =>
      tx.review.findMany({
        where: { userId },
        orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
        take: UNDO_DEPTH,
        include: { amendments: true },
      });
    let recent = await readRecent();
    const target = recent.find((review) => review.id === reviewId) ?? (await tx.review.findFirst({ where: { id: reviewId, userId }, include: { amendments: true } }));
    if (!target) throw new AppError("NOT_FOUND", "There is no such review of yours.", { reason: "review.notFound" });
    const result = { undone: reviewId, template: target.templateId, mode: target.mode as "review" | "practice" };
    if (effectiveReview(target).undone) return result;

    const lastOf = () => recent.find((review) => !effectiveReview(review).undone);
    let last = lastOf();
    if (last?.id === reviewId && last.cardId) {
      // A submit of this card that is being recorded now (without the learner's lock) is in once
      // the card's row is ours: read again, in case its review is now the last one.
      await lockCard(tx, last.cardId);
      recent = await readRecent();
      last = lastOf();
    }
    if (!last || last.id !== reviewId) throw new AppError("CONFLICT", "Only your last review can be undone.", { reason: "review.onlyLastUndone" });
    if (last.cardId && last.stateBefore) await tx.card.update({ where: { id: last.cardId }, data: { ...cardStateFromJson(last.stateBefore) } });
    await tx.reviewAmendment.create({ data: { reviewId, userId, kind: "undo", createdAt: now } });
    return result;
  });
}
