import type { PrismaClient } from "@/lib/db";
import type { Lang, Problem } from "@/lib/problems";
import { AppError } from "../errors";
import { renderDocuments } from "../markdown/render-off-thread";
import { learnerPayload } from "../reviews/learner-payload";
import { variantProblem } from "../reviews/variant-problem";
import { loadOwnAttempt, type SettledAttempt } from "./load-attempt";
import { questionState, takesAnswers, visibleNow } from "./question-state";
import { variantSeed } from "./variant-seed";

/** The attempt's question at `position`, or NOT_FOUND. */
export function questionAt(settled: SettledAttempt, position: number) {
  const question = settled.attempt.questions.find((candidate) => candidate.position === position);
  if (!question) throw new AppError("NOT_FOUND", `There is no question ${position + 1} in this attempt.`, { reason: "attempt.noSuchQuestion", params: { number: position + 1 } });
  return question;
}

/**
 * The variant a try answers: an exam's one variant per question, homework's fresh one per try,
 * keyed by the attempt's secret seed key (./variant-seed.ts). Every place that needs a try's
 * variant (the question, the answer, the mismatch report, the demo) derives it here.
 */
export function seedOfTry(settled: { attempt: { seed: number; seedKey: string | null; assessment: { kind: string } } }, position: number, tryNumber: number): number {
  return variantSeed(settled.attempt, position, settled.attempt.assessment.kind === "exam" ? 0 : tryNumber);
}

/** The try a revealed key belongs to: where the browser reports a key its own engine computes differently. */
export type TryRef = { attemptId: string; position: number; tryNumber: number };

/** The key and worked solution of a variant, typeset, for when the review options show them. */
export async function revealedSolution(problem: Problem, tryRef: TryRef) {
  const [solutionHtml] = await renderDocuments([problem.solution]);
  return { expected: problem.answer, solutionHtml: solutionHtml!, figure: problem.figure ?? null, check: problem.check ?? null, tryRef };
}

/**
 * One question of the learner's attempt as the take page shows it: the variant to answer next
 * (or, when the question takes no more answers, the last one answered), the tries so far exactly
 * as typed, and the key with its solution only once the variant can no longer be answered and
 * the review options show it. Nothing else of the variant leaves the server.
 */
export async function attemptQuestion({ db, userId, attemptId, position, lang, now }: { db: PrismaClient; userId: string; attemptId: string; position: number; lang: Lang; now: Date }) {
  const settled = await loadOwnAttempt(db, attemptId, userId, now);
  const question = questionAt(settled, position);
  const visible = visibleNow(settled);
  const state = questionState(settled, question, visible);
  const answerable = takesAnswers(settled, now) && state.triesLeft !== 0;
  const nextTry = question.tries.length;
  const shownTry = answerable ? nextTry : Math.max(0, nextTry - 1);
  const { problem } = await variantProblem({ db, templateId: question.templateId, seed: seedOfTry(settled, position, shownTry), lang, questionVersionId: question.questionVersionId });
  const reveal = !answerable && question.tries.length > 0 && visible.solution;
  return {
    state,
    answerable,
    /** The try number the page sends with its answer: a repeated submit of the same try counts once. */
    tryNumber: nextTry,
    problem: await learnerPayload(problem),
    tries: question.tries.map((attemptTry) => ({
      tryNumber: attemptTry.tryNumber,
      answer: attemptTry.answer,
      answeredAt: attemptTry.answeredAt,
      late: attemptTry.credit < 1,
      earned: visible.score ? attemptTry.earned : null,
      correct: visible.correctness ? attemptTry.correct : null,
    })),
    solution: reveal ? await revealedSolution(problem, { attemptId, position, tryNumber: shownTry }) : null,
  };
}
