import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { keysAgree } from "@/lib/grading";
import { AppError } from "../errors";
import { getLogger } from "../observability/logger";
import { uniqueViolationOf } from "./unique-violation";
import { variantProblem } from "./variant-problem";

/** The key a browser computed: any JSON, bounded (a report is never a way to store a payload). */
export const browserKeySchema = z.unknown().refine((value) => JSON.stringify(value ?? null).length <= 100_000, "is too large");

/** What a report was about: a review, or one try of an assessment attempt. */
export type KeyMismatchSource = { reviewId: string } | { attemptTryId: string };

/**
 * Compares the server's key of a variant with the one a learner's browser computed and, when they
 * really disagree, logs it and stores it for the maintainers (a backend bug, or ours), never
 * counted against the learner. An assessment try is reported once: a repeated report (a reload,
 * a second tab) finds the stored row and stores nothing more.
 */
export async function recordKeyMismatch(options: {
  db: PrismaClient;
  userId: string;
  source: KeyMismatchSource;
  templateId: string;
  seed: number;
  backend: string;
  serverKey: unknown;
  browserKey: unknown;
}) {
  const { db, userId, source, templateId, seed, backend, serverKey, browserKey } = options;
  if (keysAgree(serverKey, browserKey)) return { recorded: false, agrees: true };
  if ("attemptTryId" in source && (await db.keyMismatch.findUnique({ where: { attemptTryId: source.attemptTryId }, select: { id: true } }))) {
    return { recorded: true, agrees: false };
  }
  // The two keys go to the key_mismatches table, not the log (a log carries no answers).
  getLogger().warn({ ...source, templateId, seed, backend }, "key mismatch between the server and a browser");
  try {
    await db.keyMismatch.create({ data: { userId, ...source, templateId, seed, backend, serverKey: serverKey as never, browserKey: browserKey as never } });
  } catch (error) {
    // A racing report of the same try was stored first (key_mismatches.attemptTryId is unique).
    if (uniqueViolationOf(error) === null) throw error;
  }
  return { recorded: true, agrees: false };
}

/**
 * The learner's browser re-ran a review's check on its own backend and got `browserKey`. The
 * server recomputes its key from the seed and records a real disagreement.
 */
export async function reportKeyMismatch(options: {
  db: PrismaClient;
  userId: string;
  reviewId: string;
  backend: string;
  browserKey: unknown;
}) {
  const { db, userId, reviewId, backend, browserKey } = options;
  const review = await db.review.findUnique({ where: { id: reviewId } });
  if (!review || review.userId !== userId) throw new AppError("NOT_FOUND", "There is no such review of yours.", { reason: "review.notFound" });
  const { problem } = await variantProblem({ db, ...review });
  return recordKeyMismatch({ db, userId, source: { reviewId }, templateId: review.templateId, seed: review.seed, backend, serverKey: problem.answer.value, browserKey });
}
