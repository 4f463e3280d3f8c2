import type { PrismaClient } from "@/lib/db";
import { gradeAnswer } from "@/lib/grading";
import { sampleProblem, type Lang } from "@/lib/problems";
import { ratingForGrade, scheduleReview } from "@/lib/srs";
import { AppError } from "../errors";
import { cardStateJson, cardStateOf } from "./card-state";

export interface SubmitAnswerOptions {
  db: PrismaClient;
  userId: string;
  variantId: string;
  /** Exactly what the learner typed; stored as is. */
  answer: string;
  now: Date;
}

// Time on a problem past an hour says the learner walked away, not how hard it was.
const MAX_ELAPSED_MS = 60 * 60 * 1000;

/**
 * Grades an answer to a variant the server issued to this learner, once. The key is recomputed
 * from the variant's seed, never read from the client. A format error costs nothing: the variant
 * stays open and no review is written. A graded answer becomes an append-only Review and moves
 * the card on with FSRS, in one transaction.
 */
export async function submitAnswer({ db, userId, variantId, answer, now }: SubmitAnswerOptions) {
  const variant = await db.variant.findUnique({ where: { id: variantId }, include: { card: true } });
  if (!variant || variant.userId !== userId) {
    throw new AppError("NOT_FOUND", "This problem was not issued to you. Open the review page for a new one.");
  }
  if (variant.answeredAt) {
    throw new AppError("CONFLICT", "This problem has already been answered. Open the review page for the next one.");
  }

  const card = variant.card;
  if (!card) throw new AppError("CONFLICT", "This practice problem has no card to schedule.");
  const problem = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang });
  const grade = gradeAnswer({ problem, answer });
  if (!grade.gradable) {
    return { status: "format-error" as const, formatError: grade.formatError };
  }

  const elapsedMs = Math.min(Math.max(0, now.getTime() - variant.issuedAt.getTime()), MAX_ELAPSED_MS);
  const rating = ratingForGrade({ correct: grade.correct, score: grade.score, elapsedMs });
  const { before, after } = scheduleReview({ card: cardStateOf(card), rating, now });

  const review = await db.$transaction(async (tx) => {
    // Claiming the variant inside the transaction makes a double submit lose the race cleanly.
    const claimed = await tx.variant.updateMany({ where: { id: variant.id, answeredAt: null }, data: { answeredAt: now } });
    if (claimed.count === 0) {
      throw new AppError("CONFLICT", "This problem has already been answered. Open the review page for the next one.");
    }
    await tx.card.update({ where: { id: card.id }, data: { ...after } });
    return tx.review.create({
      data: {
        variantId: variant.id,
        userId,
        cardId: card.id,
        templateId: variant.templateId,
        seed: variant.seed,
        lang: variant.lang,
        answer,
        score: grade.score,
        correct: grade.correct,
        rating,
        suggestedRating: rating,
        elapsedMs,
        mistake: grade.mistake ?? null,
        stateBefore: cardStateJson(before),
        stateAfter: cardStateJson(after),
        reviewedAt: now,
      },
    });
  });

  return {
    status: "graded" as const,
    reviewId: review.id,
    score: grade.score,
    correct: grade.correct,
    feedback: grade.feedback,
    mistake: grade.mistake ?? null,
    expected: problem.answer,
    solution: problem.solution,
    rating,
    nextDue: after.due,
  };
}
