import type { PrismaClient } from "@/lib/db";
import type { GradeResult } from "@/lib/grading";
import type { Lang } from "@/lib/problems";
import { newCardState, scheduleReview, suggestRating } from "@/lib/srs";
import { cardStateJson, cardStateOf } from "../reviews/card-state";
import { lockCard, withLearnerLock } from "../reviews/learner-lock";
import { schedulerSettingsOf } from "../reviews/scheduler-settings";
import { uniqueViolationOf } from "../reviews/unique-violation";

/**
 * An assessment's graded try counted as a retrieval of its skill (issue 14, "count towards
 * spaced review"): the learner's FSRS card of the skill moves on at the rating the grade suggests,
 * and the history gets a review in mode "assessment" with the card's state before and after (an
 * answered variant of the same mode carries its seed), so the progress pages and an undo-free
 * audit see it. A skill the learner has not started gets its card now. Under the learner's lock,
 * with the card's row held, as every other write that reads a card and changes it.
 */
export async function recordRetrieval({
  db,
  userId,
  templateId,
  questionVersionId,
  seed,
  lang,
  answer,
  grade,
  now,
  fuzz,
}: {
  db: PrismaClient;
  userId: string;
  templateId: string;
  questionVersionId: string | null;
  seed: number;
  lang: Lang;
  answer: string;
  grade: Extract<GradeResult, { gradable: true }>;
  now: Date;
  fuzz: boolean;
}): Promise<void> {
  const settings = await schedulerSettingsOf(db, userId, fuzz);
  // Time on an assessment question is not the review queue's answer time: the rating follows the grade alone.
  const rating = suggestRating({ correct: grade.correct, score: grade.score, elapsedMs: Number.NaN, medianMs: Number.NaN });
  await withLearnerLock(db, userId, async (tx) => {
    let card = await tx.card.findUnique({ where: { userId_templateId: { userId, templateId } } });
    if (!card) {
      try {
        card = await tx.card.create({ data: { userId, templateId, ...newCardState(now) } });
      } catch (error) {
        if (uniqueViolationOf(error) === null) throw error;
        card = await tx.card.findUniqueOrThrow({ where: { userId_templateId: { userId, templateId } } });
      }
    }
    await lockCard(tx, card.id);
    const current = await tx.card.findUniqueOrThrow({ where: { id: card.id } });
    const { before, after } = scheduleReview({ card: cardStateOf(current), rating, now, settings });
    await tx.card.update({ where: { id: card.id }, data: { ...after } });
    const variant = await tx.variant.create({ data: { userId, cardId: card.id, mode: "assessment", templateId, questionVersionId, seed, lang, issuedAt: now, answeredAt: now } });
    await tx.review.create({
      data: {
        variantId: variant.id,
        userId,
        cardId: card.id,
        mode: "assessment",
        templateId,
        questionVersionId,
        seed,
        lang,
        answer,
        score: grade.score,
        correct: grade.correct,
        rating,
        suggestedRating: rating,
        elapsedMs: 0,
        mistake: grade.mistake ?? null,
        stateBefore: cardStateJson(before),
        stateAfter: cardStateJson(after),
        reviewedAt: now,
      },
    });
  });
}
