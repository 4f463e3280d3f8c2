import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { browserKeySchema, recordKeyMismatch } from "../reviews/report-key-mismatch";
import { variantProblem } from "../reviews/variant-problem";
import { questionAt, seedOfTry } from "./attempt-question";
import { loadOwnAttempt } from "./load-attempt";
import { answeredVariantDone, questionState, visibleNow } from "./question-state";
import { attemptId } from "./schemas";

/** assessments.reportMismatch: which try, and what the browser's engine computed for it. */
export const reportTryMismatchInput = z.object({
  attemptId,
  position: z.number().int().min(0).max(10_000),
  tryNumber: z.number().int().min(0).max(10_000),
  backend: z.string().min(1).max(40),
  browserKey: browserKeySchema,
});

/**
 * The learner's browser re-ran the check of one of their graded tries (the key it was shown with
 * the result) and got `browserKey`. Only the caller's own try, once its key is theirs to see:
 * before that, a report would answer whether a guessed key is right. The server recomputes its
 * key for the try's variant (the seed the answer was graded with) and stores a disagreement
 * once per try.
 */
export async function reportTryMismatch(options: {
  db: PrismaClient;
  userId: string;
  attemptId: string;
  position: number;
  tryNumber: number;
  backend: string;
  browserKey: unknown;
  now: Date;
}) {
  const { db, userId, position, tryNumber, backend, browserKey, now } = options;
  const settled = await loadOwnAttempt(db, options.attemptId, userId, now);
  const question = questionAt(settled, position);
  const attemptTry = question.tries.find((candidate) => candidate.tryNumber === tryNumber);
  if (!attemptTry) throw new AppError("NOT_FOUND", `There is no try ${tryNumber + 1} of question ${position + 1} in this attempt.`, { reason: "attempt.noSuchTry", params: { try: tryNumber + 1, number: position + 1 } });
  const visible = visibleNow(settled);
  const keyShown = visible.solution && answeredVariantDone(settled, questionState(settled, question, visible), now);
  if (!keyShown) throw new AppError("FORBIDDEN", "The key of this question is not shown yet, so there is nothing to compare.", { reason: "attempt.keyNotShown" });

  const seed = seedOfTry(settled, position, tryNumber);
  const { problem } = await variantProblem({ db, templateId: question.templateId, seed, lang: attemptTry.lang, questionVersionId: attemptTry.questionVersionId });
  return recordKeyMismatch({
    db,
    userId,
    source: { attemptTryId: attemptTry.id },
    templateId: question.templateId,
    seed,
    backend,
    serverKey: problem.answer.value,
    browserKey,
  });
}
