import type { PrismaClient } from "@/lib/db";
import { keysAgree } from "@/lib/grading";
import { AppError } from "../errors";
import { getLogger } from "../observability/logger";
import { variantProblem } from "./variant-problem";

/**
 * The learner's browser re-ran a review's check on its own backend and got `browserKey`. The
 * server recomputes its key from the seed; a real disagreement is logged and stored for the
 * maintainers (a backend bug, or ours), never counted against the learner.
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
  if (!review || review.userId !== userId) throw new AppError("NOT_FOUND", "There is no such review of yours.");
  const { problem } = await variantProblem({ db, ...review });
  const serverKey = problem.answer.value;
  if (keysAgree(serverKey, browserKey)) return { recorded: false, agrees: true };
  // The two keys go to the key_mismatches table, not the log (a log carries no answers).
  getLogger().warn({ reviewId, templateId: review.templateId, seed: review.seed, backend }, "key mismatch between the server and a browser");
  await db.keyMismatch.create({
    data: { userId, reviewId, templateId: review.templateId, seed: review.seed, backend, serverKey, browserKey: browserKey as never },
  });
  return { recorded: true, agrees: false };
}
