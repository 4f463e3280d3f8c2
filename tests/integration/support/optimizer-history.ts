import type { PrismaClient } from "@/lib/db";
import { newCardState, Rating, scheduleReview } from "@/lib/srs";

const DAY = 86_400_000;

/**
 * 40 skills × 12 reviews (480, past the optimizer's 400), written as the review flow would, by the
 * real scheduler: a learner who forgets much less than FSRS's defaults expect (Good after long
 * gaps, a rare Again), so a fit beats the defaults.
 */
export async function writeOptimizableHistory(db: PrismaClient, userId: string): Promise<number> {
  const start = new Date("2025-01-01T08:00:00Z");
  let written = 0;
  for (let skill = 0; skill < 40; skill += 1) {
    let state = newCardState(start);
    const card = await db.card.create({ data: { userId, templateId: `history.skill-${skill}`, ...state } });
    let at = new Date(start.getTime() + skill * 3_600_000);
    for (let n = 0; n < 12; n += 1) {
      const rating = (skill * 12 + n) % 17 === 0 ? Rating.Again : Rating.Good;
      const { before, after } = scheduleReview({ card: state, rating, now: at });
      const variant = await db.variant.create({
        data: { userId, cardId: card.id, templateId: card.templateId, seed: n, lang: "en", issuedAt: at, answeredAt: at },
      });
      await db.review.create({
        data: {
          variantId: variant.id, userId, cardId: card.id, templateId: card.templateId, seed: n, lang: "en", answer: "x",
          score: rating === Rating.Again ? 0 : 1, correct: rating !== Rating.Again, rating, suggestedRating: rating, elapsedMs: 20_000,
          stateBefore: JSON.parse(JSON.stringify(before)), stateAfter: JSON.parse(JSON.stringify(after)), reviewedAt: at,
        },
      });
      written += 1;
      state = after;
      // Reviewed twice as late as scheduled: the learner still recalls, so the defaults are too pessimistic.
      at = new Date(at.getTime() + Math.max(DAY, 2 * (after.due.getTime() - at.getTime())));
    }
  }
  return written;
}
