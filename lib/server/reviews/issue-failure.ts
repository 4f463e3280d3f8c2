import { DatabaseError } from "pg";
import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { getLogger } from "../observability/logger";
import { questionIdOf } from "../questions/template-id";

/**
 * How long a course question that could not be built waits before the queue tries it again (with
 * a new seed): long enough that a broken question costs a learner nothing today, short enough
 * that a fixed one comes back tomorrow.
 */
export const ISSUE_FAILURE_POSTPONE_MS = 24 * 60 * 60 * 1000;

/**
 * Whether an error raised while building a course question's variant is the question's own
 * failure (a formula that divides by zero for this seed, a spec the engine refuses: PrairieLearn's
 * "question error", STYLE.md §4), which the queue skips and reports to the instructor, rather
 * than a system error (the database), which must fail the request. Built-in templates are tested
 * over many seeds, so their failures are ours and never skipped.
 */
export function isQuestionFailure(templateId: string, error: unknown): boolean {
  if (questionIdOf(templateId) === null) return false;
  const prismaErrors = [
    Prisma.PrismaClientKnownRequestError,
    Prisma.PrismaClientUnknownRequestError,
    Prisma.PrismaClientInitializationError,
    Prisma.PrismaClientRustPanicError,
    Prisma.PrismaClientValidationError,
  ];
  // The driver's own errors come from the review cycle's direct statements (lib/db/direct-query.ts).
  return !(error instanceof DatabaseError) && !prismaErrors.some((kind) => error instanceof kind);
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // What the instructor reads beside the question; a runaway message is cut, not stored whole.
  return message.slice(0, 2000);
}

/**
 * Records that a course question's variant could not be built for a learner (one row per failed
 * attempt, for the instructor's bank page) and postpones the learner's card of it, so the queue
 * serves the next card now and does not try the broken one again on every request.
 */
export async function recordIssueFailure({
  db,
  userId,
  cardId,
  templateId,
  questionVersionId,
  seed,
  error,
  now,
}: {
  db: PrismaClient;
  userId: string;
  cardId: string;
  templateId: string;
  questionVersionId: string | null;
  seed: number;
  error: unknown;
  now: Date;
}) {
  const message = messageOf(error);
  getLogger().warn({ templateId, seed, userId, reason: message }, "issue failure: a course question could not be built");
  await db.$transaction([
    db.issueFailure.create({ data: { templateId, questionVersionId, userId, seed, message, createdAt: now } }),
    db.card.update({ where: { id: cardId }, data: { due: new Date(now.getTime() + ISSUE_FAILURE_POSTPONE_MS) } }),
  ]);
}
