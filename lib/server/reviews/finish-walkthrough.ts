import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";

/** The learner went through a leech's walkthrough: its reviews continue until it lapses again. */
export async function finishWalkthrough({ db, userId, cardId }: { db: PrismaClient; userId: string; cardId: string }) {
  const card = await db.card.findUnique({ where: { id: cardId } });
  if (!card || card.userId !== userId) throw new AppError("NOT_FOUND", "There is no such card of yours.");
  await db.card.update({ where: { id: cardId }, data: { walkthroughAtLapses: card.lapses } });
  return { cardId, walkthroughAtLapses: card.lapses };
}
