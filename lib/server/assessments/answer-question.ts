import type { PrismaClient } from "@/lib/db";
import { gradeAnswer } from "@/lib/grading";
import { answerWindow, tryPoints } from "@/lib/grading/assessments";
import { tidy } from "@/lib/grading/assessments/tidy";
import type { Lang } from "@/lib/problems";
import { AppError } from "../errors";
import { renderLocalizedDocuments } from "../markdown/render-off-thread";
import { uniqueViolationOf } from "../reviews/unique-violation";
import { variantProblem } from "../reviews/variant-problem";
import { questionRulesOf } from "./assessment-rules";
import { questionAt, revealedSolution, seedOfTry } from "./attempt-question";
import { loadOwnAttempt } from "./load-attempt";
import { answeredVariantDone, questionState, takesAnswers, visibleNow } from "./question-state";
import { recordRetrieval } from "./record-retrieval";

export interface AnswerQuestionOptions {
  db: PrismaClient;
  userId: string;
  attemptId: string;
  position: number;
  tryNumber: number;
  answer: string;
  lang: Lang;
  now: Date;
  fuzz: boolean;
}

/**
 * Grades one try of a question of the learner's own open attempt, by the assessment's rules: the
 * key is recomputed from the try's seed, a format error costs no try, a late answer keeps the late
 * credit, an exam's tries run out, and the question keeps its best points. The try number makes
 * the write idempotent: a double submit, a retry after a lost answer or a second tab sending the
 * same try is answered with the try already recorded, never counted twice. The answer shows
 * what the review options allow now; the key only once the variant takes no more answers.
 */
export async function answerQuestion(options: AnswerQuestionOptions) {
  const { db, userId, attemptId, position, tryNumber, answer, lang, now } = options;
  const settled = await loadOwnAttempt(db, attemptId, userId, now);
  const question = questionAt(settled, position);
  const assessment = settled.attempt.assessment;

  const recorded = question.tries.find((attemptTry) => attemptTry.tryNumber === tryNumber);
  if (recorded) {
    if (recorded.answer !== answer) throw new AppError("CONFLICT", `Try ${tryNumber + 1} of this question was already answered. Reload to see it.`, { reason: "attempt.tryAlreadyAnswered", params: { number: tryNumber + 1 } });
    return resultOf(options);
  }
  if (settled.attempt.finishedAt) {
    throw settled.attempt.finishedBy === "time"
      ? new AppError("CONFLICT", "Time is up: this attempt no longer takes answers.", { reason: "attempt.timeUp" })
      : new AppError("CONFLICT", "This attempt is finished: it no longer takes answers.", { reason: "attempt.finished" });
  }
  if (!takesAnswers(settled, now)) throw new AppError("CONFLICT", "Time is up: this attempt no longer takes answers.", { reason: "attempt.timeUp" });
  const window = answerWindow(settled.schedule, settled.override, now);
  if (window.status !== "on-time" && window.status !== "late") throw new AppError("CONFLICT", "This assessment has closed: it no longer takes answers.", { reason: "assessment.closed" });
  if (tryNumber !== question.tries.length) throw new AppError("BAD_INPUT", `tryNumber: this question's next try is ${question.tries.length}; reload the question`, { field: "tryNumber", reason: "attempt.tryNumberStale" });
  const rules = questionRulesOf(assessment.kind, question);
  const state = questionState(settled, question, visibleNow(settled));
  const worth = tryPoints(rules, tryNumber);
  if (state.triesLeft === 0 || worth === null) throw new AppError("CONFLICT", "This question has no tries left.", { reason: "attempt.noTriesLeft" });

  const seed = seedOfTry(settled, position, tryNumber);
  const { problem, misconceptions, questionVersionId } = await variantProblem({ db, templateId: question.templateId, seed, lang, questionVersionId: question.questionVersionId });
  const grade = gradeAnswer({ problem, answer, ...(misconceptions ? { misconceptions } : {}) });
  if (!grade.gradable) return { status: "format-error" as const, formatError: grade.formatError, formatErrorHtml: await renderLocalizedDocuments(grade.formatError) };

  const earned = tidy(Math.min(1, Math.max(0, grade.score)) * window.credit * worth);
  try {
    await db.$transaction(async (tx) => {
      await tx.attemptTry.create({
        data: { attemptQuestionId: question.id, tryNumber, seed, questionVersionId, lang, answer, score: grade.score, correct: grade.correct, credit: window.credit, earned, mistake: grade.mistake ?? null, answeredAt: now },
      });
      // Another try never lowers what the learner has: the question keeps its best points.
      await tx.$executeRaw`UPDATE attempt_questions SET awarded = GREATEST(awarded, ${earned}) WHERE id = ${question.id}`;
    });
  } catch (error) {
    if (uniqueViolationOf(error) === null) throw error;
    // A racing submit of the same try was recorded first: answer with it (or refuse a different answer).
    const winner = await db.attemptTry.findUniqueOrThrow({ where: { attemptQuestionId_tryNumber: { attemptQuestionId: question.id, tryNumber } } });
    if (winner.answer !== answer) throw new AppError("CONFLICT", `Try ${tryNumber + 1} of this question was already answered. Reload to see it.`, { reason: "attempt.tryAlreadyAnswered", params: { number: tryNumber + 1 } });
    return resultOf(options);
  }
  if (assessment.countsForReview) {
    await recordRetrieval({ db, userId, templateId: question.templateId, questionVersionId, seed, lang, answer, grade, now, fuzz: options.fuzz });
  }
  return resultOf(options);
}

/** The recorded try as the learner may see it now, with the question's new state. */
async function resultOf({ db, userId, attemptId, position, tryNumber, lang, now }: AnswerQuestionOptions) {
  const settled = await loadOwnAttempt(db, attemptId, userId, now);
  const question = questionAt(settled, position);
  const attemptTry = question.tries.find((candidate) => candidate.tryNumber === tryNumber)!;
  const visible = visibleNow(settled);
  const state = questionState(settled, question, visible);
  const { problem, misconceptions } = await variantProblem({ db, templateId: question.templateId, seed: attemptTry.seed, lang, questionVersionId: attemptTry.questionVersionId });
  const grade = gradeAnswer({ problem, answer: attemptTry.answer, ...(misconceptions ? { misconceptions } : {}) });
  const variantDone = answeredVariantDone(settled, state, now);
  return {
    status: "graded" as const,
    tryNumber,
    state,
    late: attemptTry.credit < 1,
    earned: visible.score ? attemptTry.earned : null,
    correct: visible.correctness ? attemptTry.correct : null,
    // The verdict states the key ("Not quite. The answer is 6."), so it waits with the solution.
    feedbackHtml: visible.solution && variantDone && grade.gradable ? await renderLocalizedDocuments(grade.feedback) : null,
    mistake: visible.solution && variantDone ? attemptTry.mistake : null,
    solution: visible.solution && variantDone ? await revealedSolution(problem, { attemptId, position, tryNumber }) : null,
  };
}
