import type { PrismaClient } from "@/lib/db";
import { attemptDeadline, closesAt } from "@/lib/grading/assessments";
import { AppError } from "../errors";
import { requestScoreSync } from "../lti/score-sync";
import { overrideOf, scheduleOf } from "./assessment-rules";

const attemptShape = {
  assessment: { include: { overrides: true } },
  questions: { orderBy: { position: "asc" as const }, include: { tries: { orderBy: { tryNumber: "asc" as const } } } },
} as const;

async function readAttempt(db: PrismaClient, attemptId: string) {
  return db.assessmentAttempt.findUnique({ where: { id: attemptId }, include: attemptShape });
}

export type StoredAttempt = NonNullable<Awaited<ReturnType<typeof readAttempt>>>;

/**
 * Ends an attempt whose deadline has passed, as of its deadline, if nobody ended it before: the
 * attempt closes itself on the server's clock whether or not a browser is still open, and every
 * reader (the learner's pages, the gradebook) sees it closed from that instant on. Readers close
 * lazily, and the minute's sweep (./close-expired-attempts.ts) closes the attempts nobody reads;
 * the claim (`where finishedAt: null`) lets any number of them race: one write wins, the others
 * read its result back.
 */
export async function closeIfTimeIsUp(db: PrismaClient, attempt: { id: string; finishedAt: Date | null }, deadline: Date | null, now: Date): Promise<Date | null> {
  if (attempt.finishedAt || !deadline || now <= deadline) return attempt.finishedAt;
  const claimed = await db.assessmentAttempt.updateMany({ where: { id: attempt.id, finishedAt: null }, data: { finishedAt: deadline, finishedBy: "time" } });
  // Grade passback to the LMS (when the assessment is placed there): once, by the close that won.
  if (claimed.count === 1) await requestScoreSync(db, attempt.id, now);
  const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { finishedAt: true } });
  return row.finishedAt;
}

/**
 * A learner's own attempt with its assessment, their accommodation, its questions and tries, and
 * when it stops taking answers; NOT_FOUND for anyone else's (no hint that it exists).
 */
export async function loadOwnAttempt(db: PrismaClient, attemptId: string, userId: string, now: Date) {
  const attempt = await readAttempt(db, attemptId);
  if (!attempt || attempt.userId !== userId) throw new AppError("NOT_FOUND", "There is no such attempt of yours.", { reason: "attempt.notFound" });
  return settle(db, attempt, now);
}

/** Any learner's attempt, settled the same way, for its course's instructors (the caller checks ownership). */
export async function loadAttempt(db: PrismaClient, attemptId: string, now: Date) {
  const attempt = await readAttempt(db, attemptId);
  if (!attempt) throw new AppError("NOT_FOUND", "There is no such attempt.", { reason: "attempt.notFound" });
  return settle(db, attempt, now);
}

/**
 * An attempt's rules as its learner meets them: the assessment's schedule, their accommodation,
 * and the instant the attempt stops taking answers (its time limit or the close, whichever first).
 */
export function attemptTimes(attempt: {
  userId: string;
  startedAt: Date;
  assessment: Parameters<typeof scheduleOf>[0] & { overrides: { userId: string; dueAt: Date | null; lateUntil: Date | null; extraMinutes: number }[] };
}) {
  const override = overrideOf(attempt.assessment.overrides.find((row) => row.userId === attempt.userId));
  const schedule = scheduleOf(attempt.assessment);
  return { override, schedule, deadline: attemptDeadline(schedule, override, attempt.startedAt) };
}

async function settle(db: PrismaClient, attempt: StoredAttempt, now: Date) {
  const { override, schedule, deadline } = attemptTimes(attempt);
  const finishedAt = await closeIfTimeIsUp(db, attempt, deadline, now);
  const closeAt = closesAt(schedule, override);
  return {
    attempt: { ...attempt, finishedAt, finishedBy: finishedAt && !attempt.finishedAt ? "time" : attempt.finishedBy },
    override,
    schedule,
    deadline,
    /** Whether the assessment has closed for this learner (review options "after-close"). */
    closed: closeAt !== null && now > closeAt,
  };
}

export type SettledAttempt = Awaited<ReturnType<typeof loadOwnAttempt>>;
