import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { cardStateFromJson } from "./card-state";
import { effectiveReview } from "./effective-review";

// Undo walks back through the learner's latest reviews; this many is further than anyone goes.
const UNDO_DEPTH = 50;

/**
 * Takes back the learner's last review that still counts: its card returns to the state it had
 * before (so it comes due again and a fresh variant is issued), and an "undo" amendment records
 * it. The review stays in the history, marked undone.
 */
export async function undoReview({ db, userId, reviewId, now }: { db: PrismaClient; userId: string; reviewId: string; now: Date }) {
  const recent = await db.review.findMany({
    where: { userId },
    orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
    take: UNDO_DEPTH,
    include: { amendments: true },
  });
  const last = recent.find((review) => !effectiveReview(review).undone);
  if (!recent.some((review) => review.id === reviewId) && !(await db.review.findFirst({ where: { id: reviewId, userId } }))) {
    throw new AppError("NOT_FOUND", "There is no such review of yours.");
  }
  if (!last || last.id !== reviewId) throw new AppError("CONFLICT", "Only your last review can be undone.");

  await db.$transaction([
    ...(last.cardId && last.stateBefore
      ? [db.card.update({ where: { id: last.cardId }, data: { ...cardStateFromJson(last.stateBefore) } })]
      : []),
    db.reviewAmendment.create({ data: { reviewId, userId, kind: "undo", createdAt: now } }),
  ]);
  return { undone: reviewId, template: last.templateId, mode: last.mode as "review" | "practice" };
}
