import type { PrismaClient } from "@/lib/db";
import { AppError } from "../../errors";
import { requestScoreSync } from "../../lti/score-sync";
import { gradebookScore } from "./attempt-cell";
import { ownedAttempt } from "./owned-attempt";
import type { OverrideScoreInput } from "./schemas";

/**
 * Sets an attempt's total by hand, with a reason. Append-only: a new ScoreOverride row records the
 * total it replaces (the questions' sum, or an earlier override) beside the new one, so the history
 * keeps both values and nothing is ever updated or deleted. The attempt's row is locked while the
 * previous total is read, so two instructors saving at once each record the other's as previous.
 */
export async function overrideScore({ db, userId, input, now }: { db: PrismaClient; userId: string; input: OverrideScoreInput; now: Date }) {
  await ownedAttempt(db, input.attemptId, userId, now);
  const saved = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM assessment_attempts WHERE id = ${input.attemptId} FOR UPDATE`;
    const questions = await tx.attemptQuestion.findMany({ where: { attemptId: input.attemptId }, select: { awarded: true, points: true } });
    const latest = await tx.scoreOverride.findFirst({ where: { attemptId: input.attemptId }, orderBy: { createdAt: "desc" }, select: { score: true, createdAt: true } });
    const current = gradebookScore(questions, latest?.score ?? null);
    if (input.score > current.possible) {
      throw new AppError("BAD_INPUT", `score: must be between 0 and ${current.possible}, the attempt's possible points`, { field: "score", reason: "gradebook.scoreOutOfRange", params: { possible: current.possible } });
    }
    // The latest row is the score, so rows must stay in order even when two instances' clocks
    // disagree or two saves share a millisecond: never at or before the row this one replaces.
    const createdAt = latest && latest.createdAt >= now ? new Date(latest.createdAt.getTime() + 1) : now;
    const row = await tx.scoreOverride.create({
      data: { attemptId: input.attemptId, previous: current.awarded, score: input.score, reason: input.reason, byUserId: userId, createdAt },
    });
    return { id: row.id, previous: row.previous, score: row.score, reason: row.reason, createdAt: row.createdAt, total: gradebookScore(questions, row.score) };
  });
  // Grade passback to the LMS (when the assessment is placed there): the new score replaces the old.
  await requestScoreSync(db, input.attemptId, now);
  return saved;
}
