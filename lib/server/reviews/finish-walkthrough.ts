import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";

/**
 * The learner went through a leech's walkthrough: its reviews continue until it lapses again.
 * One statement, so a repeated or raced request, or a review graded meanwhile, never records a
 * lapse count the card did not have at that moment.
 */
export async function finishWalkthrough({ db, userId, cardId }: { db: PrismaClient; userId: string; cardId: string }) {
  const rows = await db.$queryRaw<{ lapses: number }[]>`
    UPDATE "cards" SET "walkthroughAtLapses" = "lapses" WHERE "id" = ${cardId} AND "userId" = ${userId} RETURNING "lapses"`;
  const card = rows[0];
  if (!card) throw new AppError("NOT_FOUND", "There is no such card of yours.", { reason: "review.noSuchCard" });
  return { cardId, walkthroughAtLapses: card.lapses };
}
