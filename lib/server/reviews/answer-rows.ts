import { randomUUID } from "node:crypto";
import type { PrismaClient, Variant } from "@/lib/db";
import { directQuery, type DirectStatement } from "@/lib/db/direct-query";
import type { CardState } from "@/lib/srs";
import { cardStateJson } from "./card-state";

/** A variant with its learner's scheduler settings and its card as it is now: what grading an answer reads. */
export type VariantForAnswer = Variant & { desiredRetention: number; fsrsParameters: number[]; card: (CardState & { id: string }) | null };

type VariantRow = Variant & {
  desiredRetention: number;
  fsrsParameters: number[];
  card_due: Date | null;
  card_stability: number | null;
  card_difficulty: number | null;
  card_elapsedDays: number | null;
  card_scheduledDays: number | null;
  card_learningSteps: number | null;
  card_reps: number | null;
  card_lapses: number | null;
  card_state: number | null;
  card_lastReview: Date | null;
};

// The variant's columns by name, not `v.*`: a prepared statement's result must keep its shape
// when a migration adds a column while the server runs.
const VARIANT_FOR_ANSWER: DirectStatement = {
  name: "stride_variant_for_answer",
  text: `
    SELECT v."id", v."userId", v."cardId", v."mode", v."templateId", v."questionVersionId", v."seed", v."lang",
      v."issuedAt", v."answeredAt", v."withdrawnAt",
      u."desiredRetention", u."fsrsParameters",
      c."due" AS "card_due", c."stability" AS "card_stability", c."difficulty" AS "card_difficulty",
      c."elapsedDays" AS "card_elapsedDays", c."scheduledDays" AS "card_scheduledDays", c."learningSteps" AS "card_learningSteps",
      c."reps" AS "card_reps", c."lapses" AS "card_lapses", c."state" AS "card_state", c."lastReview" AS "card_lastReview"
    FROM "variants" v JOIN "users" u ON u."id" = v."userId" LEFT JOIN "cards" c ON c."id" = v."cardId"
    WHERE v."id" = $1`,
};

/**
 * The variant, its learner's scheduler settings and its card (null for practice) in one query:
 * grading runs on every answer of every learner, and Prisma reads a relation with a query of its own.
 */
export async function variantForAnswer(db: PrismaClient, variantId: string): Promise<VariantForAnswer | null> {
  const rows = await directQuery<VariantRow>(db, VARIANT_FOR_ANSWER, [variantId]);
  const row = rows[0];
  if (!row) return null;
  const {
    card_due: due,
    card_stability: stability,
    card_difficulty: difficulty,
    card_elapsedDays: elapsedDays,
    card_scheduledDays: scheduledDays,
    card_learningSteps: learningSteps,
    card_reps: reps,
    card_lapses: lapses,
    card_state: state,
    card_lastReview: lastReview,
    ...variant
  } = row;
  const card =
    variant.cardId && due
      ? {
          id: variant.cardId,
          due,
          stability: stability!,
          difficulty: difficulty!,
          elapsedDays: elapsedDays!,
          scheduledDays: scheduledDays!,
          learningSteps: learningSteps!,
          reps: reps!,
          lapses: lapses!,
          state: state as CardState["state"],
          lastReview,
        }
      : null;
  return { ...variant, card };
}

/** The review row an answer writes (what Review holds but its id and state columns). */
export interface AnswerReview {
  userId: string;
  mode: string;
  templateId: string;
  questionVersionId: string | null;
  seed: number;
  lang: string;
  answer: string;
  score: number;
  correct: boolean;
  rating: number;
  elapsedMs: number;
  mistake: string | null;
  /** The browser's id for this submission (see `answeredSubmission`), null when it sent none. */
  submissionId: string | null;
}

export interface RecordAnswerOptions {
  variantId: string;
  now: Date;
  review: AnswerReview;
  /** For a review: the card as the grade read it, and where the suggested rating moves it. Null for practice. */
  schedule: { cardId: string; before: CardState; after: CardState } | null;
}

export type RecordedAnswer = { status: "recorded"; reviewId: string } | { status: "answered" } | { status: "card-changed" };

/** What the statement raises when the card moved since it was read (see `recordAnswer`). */
const CARD_CHANGED = "stride-card-changed";

function isCardChanged(error: unknown): boolean {
  return error instanceof Error && error.message.includes(CARD_CHANGED);
}

/**
 * Records a graded answer in ONE statement, so a submit costs one round trip here instead of a
 * transaction of six (BEGIN, the learner's advisory lock, the claim, the card, the review, COMMIT):
 * - the claim: the variant's `answeredAt` is set only if it is still open, so of a double submit
 *   one claims it and the other finds nothing to claim ("answered");
 * - the card (a review, not practice) moves to its new state only if it is still in the state the
 *   grade was computed from, every FSRS column compared. A rating change or an undo that ran
 *   meanwhile (each holds the learner's advisory lock and the card's row lock from before it
 *   reads until it commits: rate-review.ts, undo-review.ts) makes the comparison fail, and then
 *   the statement raises an error, so that nothing of it (the claim, the review) is kept:
 *   PostgreSQL runs all of a WITH's writes to completion whatever the query reads, so a failed
 *   card step cannot stop the others; an error rolls the one statement back whole. The caller
 *   reads the card again and grades once more ("card-changed").
 * - the review row, from the claim.
 * The card's update waits for a concurrent writer's row lock and then re-checks its condition on
 * the row as committed (PostgreSQL's READ COMMITTED update rule), so no write is lost in between.
 * https://www.postgresql.org/docs/current/queries-with.html#QUERIES-WITH-MODIFYING
 * https://www.postgresql.org/docs/current/transaction-iso.html#XACT-READ-COMMITTED
 */
export async function recordAnswer(db: PrismaClient, { variantId, now, review, schedule }: RecordAnswerOptions): Promise<RecordedAnswer> {
  const reviewId = randomUUID();
  const stateBefore = schedule ? JSON.stringify(cardStateJson(schedule.before)) : null;
  const stateAfter = schedule ? JSON.stringify(cardStateJson(schedule.after)) : null;
  // The driver sends parameters as untyped text; a SELECT list does not take its columns' types
  // from the INSERT around it, so the casts say them.
  const insertReview = (from: string) => `
    INSERT INTO "reviews" ("id", "variantId", "userId", "cardId", "mode", "templateId", "questionVersionId", "seed", "lang", "answer",
      "score", "correct", "rating", "suggestedRating", "elapsedMs", "mistake", "stateBefore", "stateAfter", "reviewedAt", "submissionId")
    SELECT $1::text, "claimed"."id", $2::text, $3::text, $4::text, $5::text, $6::text, $7::int, $8::text, $9::text, $10::float8, $11::boolean,
      $12::int, $12::int, $13::int, $14::text, $15::jsonb, $16::jsonb, $17::timestamp(3), $18::text FROM ${from}
    RETURNING "id"`;
  const reviewValues = [
    reviewId,
    review.userId,
    schedule?.cardId ?? null,
    review.mode,
    review.templateId,
    review.questionVersionId,
    review.seed,
    review.lang,
    review.answer,
    review.score,
    review.correct,
    review.rating,
    review.elapsedMs,
    review.mistake,
    stateBefore,
    stateAfter,
    now,
    review.submissionId,
  ];
  const claim = `UPDATE "variants" SET "answeredAt" = $17::timestamp(3) WHERE "id" = $19 AND "answeredAt" IS NULL AND "withdrawnAt" IS NULL RETURNING "id"`;
  let rows: { reviewId: string | null }[];
  if (!schedule) {
    rows = await directQuery<{ reviewId: string | null }>(
      db,
      {
        name: "stride_record_practice_answer",
        text: `WITH "claimed" AS (${claim}), "review" AS (${insertReview('"claimed"')}) SELECT (SELECT "id" FROM "review") AS "reviewId"`,
      },
      [...reviewValues, variantId],
    );
  } else {
    const { before, after } = schedule;
    try {
      rows = await directQuery<{ reviewId: string | null }>(db, {
        name: "stride_record_review_answer",
        text: `WITH "claimed" AS (${claim}),
        "moved" AS (
          UPDATE "cards" SET "due" = $21, "stability" = $22::float8, "difficulty" = $23::float8, "elapsedDays" = $24, "scheduledDays" = $25,
            "learningSteps" = $26, "reps" = $27, "lapses" = $28, "state" = $29, "lastReview" = $30
          WHERE "id" = $20 AND EXISTS (SELECT 1 FROM "claimed")
            AND "due" = $31 AND "stability" = $32::float8 AND "difficulty" = $33::float8 AND "elapsedDays" = $34 AND "scheduledDays" = $35
            AND "learningSteps" = $36 AND "reps" = $37 AND "lapses" = $38 AND "state" = $39 AND "lastReview" IS NOT DISTINCT FROM $40
          RETURNING "id"
        ),
        "review" AS (${insertReview('"claimed"')})
        SELECT (SELECT "id" FROM "review") AS "reviewId",
          (SELECT CAST('${CARD_CHANGED} ' || "claimed"."id" AS integer) FROM "claimed" WHERE NOT EXISTS (SELECT 1 FROM "moved")) AS "abort"`,
      }, [...reviewValues, variantId, schedule.cardId, ...stateValues(after), ...stateValues(before)]);
    } catch (error) {
      if (isCardChanged(error)) return { status: "card-changed" };
      throw error;
    }
  }
  const recorded = rows[0]?.reviewId;
  return recorded ? { status: "recorded", reviewId: recorded } : { status: "answered" };
}

/**
 * The review of an answered variant when this learner's submission with this id wrote it (with
 * its amendments, for the rating as it stands), else null: the read behind an idempotent retry,
 * made only when a submit finds its variant answered already.
 */
export async function answeredSubmission(db: PrismaClient, { variantId, userId, submissionId }: { variantId: string; userId: string; submissionId: string }) {
  return db.review.findFirst({
    where: { variantId, userId, submissionId },
    select: {
      id: true,
      answer: true,
      elapsedMs: true,
      rating: true,
      suggestedRating: true,
      stateBefore: true,
      reviewedAt: true,
      amendments: { select: { kind: true, rating: true, createdAt: true } },
    },
  });
}

function stateValues(state: CardState): unknown[] {
  return [state.due, state.stability, state.difficulty, state.elapsedDays, state.scheduledDays, state.learningSteps, state.reps, state.lapses, state.state, state.lastReview];
}
