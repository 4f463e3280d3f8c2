import type { PrismaClient } from "@/lib/db";
import { getTemplate } from "@/lib/problems";

export interface GetProgressOptions {
  db: PrismaClient;
  userId: string;
  /** How many of the latest reviews to list. */
  historyLimit?: number;
}

function titleOf(templateId: string) {
  return getTemplate(templateId)?.title ?? { en: templateId, "zh-CN": templateId };
}

/** The learner's cards with their next due dates, their latest reviews and overall counts. */
export async function getProgress({ db, userId, historyLimit = 50 }: GetProgressOptions) {
  const [cards, reviews, total, correct] = await Promise.all([
    db.card.findMany({ where: { userId }, orderBy: { due: "asc" } }),
    db.review.findMany({ where: { userId }, orderBy: { reviewedAt: "desc" }, take: historyLimit }),
    db.review.count({ where: { userId } }),
    db.review.count({ where: { userId, correct: true } }),
  ]);
  return {
    cards: cards.map((card) => ({
      id: card.id,
      templateId: card.templateId,
      title: titleOf(card.templateId),
      due: card.due,
      state: card.state,
      reps: card.reps,
      lapses: card.lapses,
      stability: card.stability,
      lastReview: card.lastReview,
    })),
    history: reviews.map((review) => ({
      id: review.id,
      templateId: review.templateId,
      title: titleOf(review.templateId),
      answer: review.answer,
      score: review.score,
      correct: review.correct,
      rating: review.rating,
      mistake: review.mistake,
      reviewedAt: review.reviewedAt,
    })),
    totals: { reviews: total, correct, accuracy: total === 0 ? null : correct / total },
  };
}
