import type { PrismaClient } from "@/lib/db";
import { attemptTimes, closeIfTimeIsUp } from "./load-attempt";

/** Attempts read per query: a sweep's memory stays bounded however many attempts are open. */
const BATCH = 200;

/**
 * Closes every open attempt whose deadline (its time limit with the learner's extra time, or the
 * assessment's due date or late period as their accommodation moves them) passed by `now`, as of
 * that deadline: the same close a reader does (`closeIfTimeIsUp`), so an attempt nobody opens
 * again still ends on time for the gradebook, its statistics and grade passback. Safe beside a
 * reader or a second sweeper: each close claims the still-open row, and the loser reads it back.
 * Answers how many attempts past their deadline it found open and left closed.
 */
export async function closeExpiredAttempts({ db, now, batchSize = BATCH }: { db: PrismaClient; now: Date; batchSize?: number }): Promise<{ closed: number }> {
  let closed = 0;
  let after: string | undefined;
  for (;;) {
    // Candidates only: a time-limited exam, or a close (the late period's end, else the due date,
    // else a learner's moved one) that passed; which are really past their deadline, the rules
    // decide (attemptTimes). An attempt in its late period is no candidate until the period ends.
    const batch = await db.assessmentAttempt.findMany({
      where: {
        finishedAt: null,
        ...(after ? { id: { gt: after } } : {}),
        OR: [
          { assessment: { kind: "exam", timeLimitMinutes: { not: null } } },
          { assessment: { lateUntil: null, dueAt: { lte: now } } },
          { assessment: { lateUntil: { lte: now } } },
          { assessment: { overrides: { some: { OR: [{ dueAt: { lte: now } }, { lateUntil: { lte: now } }] } } } },
        ],
      },
      select: { id: true, userId: true, startedAt: true, finishedAt: true, assessment: { include: { overrides: true } } },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    for (const attempt of batch) {
      const { deadline } = attemptTimes(attempt);
      if (await closeIfTimeIsUp(db, attempt, deadline, now)) closed += 1;
    }
    if (batch.length < batchSize) return { closed };
    after = batch.at(-1)!.id;
  }
}
