import type { Card, PrismaClient, Variant } from "@/lib/db";
import type { Transaction } from "./learner-lock";

/** A variant with its learner's scheduler settings: what grading an answer reads before its transaction. */
export type VariantForAnswer = Variant & { desiredRetention: number; fsrsParameters: number[] };

/**
 * The variant and its learner's scheduler settings in one query: grading runs on every answer
 * of every learner, and Prisma reads a relation with a query of its own.
 */
export async function variantForAnswer(db: PrismaClient, variantId: string): Promise<VariantForAnswer | null> {
  const rows = await db.$queryRaw<VariantForAnswer[]>`
    SELECT v.*, u."desiredRetention", u."fsrsParameters"
    FROM "variants" v JOIN "users" u ON u."id" = v."userId"
    WHERE v."id" = ${variantId}`;
  return rows[0] ?? null;
}

/**
 * Claims an open variant for this answer (answeredAt set, only if it is still open: a double
 * submit loses here) and reads its card as it is now, in one statement. Null when the variant
 * was answered or withdrawn meanwhile; `card` is null for practice.
 */
export async function claimVariant(tx: Transaction, variantId: string, now: Date): Promise<{ card: Card | null } | null> {
  const rows = await tx.$queryRaw<Partial<Card>[]>`
    WITH "claimed" AS (
      UPDATE "variants" SET "answeredAt" = ${now}
      WHERE "id" = ${variantId} AND "answeredAt" IS NULL AND "withdrawnAt" IS NULL
      RETURNING "cardId"
    )
    SELECT c.* FROM "claimed" LEFT JOIN "cards" c ON c."id" = "claimed"."cardId"`;
  const row = rows[0];
  if (!row) return null;
  return { card: row.id ? (row as Card) : null };
}
