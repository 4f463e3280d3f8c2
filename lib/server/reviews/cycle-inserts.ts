import { randomUUID } from "node:crypto";
import type { Card, PrismaClient, Variant } from "@/lib/db";
import { directQuery, type DirectStatement } from "@/lib/db/direct-query";
import type { CardState } from "@/lib/srs";

/*
 * The two rows review.next writes, as direct statements (lib/db/direct-query.ts): a class's
 * every new skill writes a card and every problem a variant. Columns are named, not `*`, so a
 * prepared statement keeps its shape when a migration adds a column while the server runs.
 */

const CARD_COLUMNS = `"id", "userId", "templateId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
  "reps", "lapses", "state", "lastReview", "walkthroughAtLapses", "createdAt"`;

// The driver sends parameters as untyped text; the casts say what Prisma's would.
const INSERT_CARD: DirectStatement = {
  name: "stride_insert_card",
  text: `INSERT INTO "cards" ("id", "userId", "templateId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
      "reps", "lapses", "state", "lastReview", "createdAt")
    VALUES ($1::text, $2::text, $3::text, $4::timestamp(3), $5::float8, $6::float8, $7::int, $8::int, $9::int, $10::int, $11::int, $12::int,
      $13::timestamp(3), $14::timestamp(3))
    RETURNING ${CARD_COLUMNS}`,
};

/** A new card of a skill, in `state`; a second card of the same skill fails on `cards_userId_templateId_key`. */
export async function insertCard(db: PrismaClient, { userId, templateId, state, now }: { userId: string; templateId: string; state: CardState; now: Date }): Promise<Card> {
  const rows = await directQuery<Card>(db, INSERT_CARD, [
    randomUUID(),
    userId,
    templateId,
    state.due,
    state.stability,
    state.difficulty,
    state.elapsedDays,
    state.scheduledDays,
    state.learningSteps,
    state.reps,
    state.lapses,
    state.state,
    state.lastReview,
    now,
  ]);
  return rows[0]!;
}

const INSERT_REVIEW_VARIANT: DirectStatement = {
  name: "stride_insert_review_variant",
  text: `INSERT INTO "variants" ("id", "userId", "cardId", "mode", "templateId", "questionVersionId", "seed", "lang", "issuedAt")
    VALUES ($1::text, $2::text, $3::text, 'review', $4::text, $5::text, $6::int, $7::text, $8::timestamp(3))
    RETURNING "id", "userId", "cardId", "mode", "templateId", "questionVersionId", "seed", "lang", "issuedAt", "answeredAt", "withdrawnAt"`,
};

export interface NewReviewVariant {
  userId: string;
  cardId: string;
  templateId: string;
  questionVersionId: string | null;
  seed: number;
  lang: string;
  issuedAt: Date;
}

/** An open review variant; a second open one of the learner fails on `variants_one_open_per_learner`. */
export async function insertReviewVariant(db: PrismaClient, variant: NewReviewVariant): Promise<Variant> {
  const rows = await directQuery<Variant>(db, INSERT_REVIEW_VARIANT, [
    randomUUID(),
    variant.userId,
    variant.cardId,
    variant.templateId,
    variant.questionVersionId,
    variant.seed,
    variant.lang,
    variant.issuedAt,
  ]);
  return rows[0]!;
}
