import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { renderDocuments } from "../markdown/render-off-thread";
import { variantProblem } from "../reviews/variant-problem";

/**
 * The problem one of the learner's own reviews asked, rebuilt from its seed and typeset, for the
 * history's "Show problem": typesetting every prompt of a history page was most of /progress's
 * server time (scripts/profile-progress.ts), and most are never opened. Another learner's review
 * is not found, as a missing one is; a prompt whose template or question is gone is null.
 */
export async function getReviewPrompt({ db, userId, reviewId }: { db: PrismaClient; userId: string; reviewId: string }): Promise<{ html: string | null }> {
  const review = await db.review.findUnique({ where: { id: reviewId }, select: { userId: true, templateId: true, seed: true, lang: true, questionVersionId: true } });
  if (!review || review.userId !== userId) throw new AppError("NOT_FOUND", "There is no such review of yours.", { reason: "review.notFound" });
  let prompt: string;
  try {
    prompt = (await variantProblem({ db, ...review })).problem.prompt;
  } catch {
    return { html: null };
  }
  const [html] = await renderDocuments([prompt]);
  return { html: html! };
}
