import { assessmentScore, attemptIsOpen, questionScore, type Visible, visibleParts } from "@/lib/grading/assessments";
import { questionRulesOf, reviewOptionsOf } from "./assessment-rules";
import type { SettledAttempt } from "./load-attempt";

type Question = SettledAttempt["attempt"]["questions"][number];

/** A try's score as it counts now: a regrade's when there was one. */
export function effectiveScore(attemptTry: { score: number; regradedScore: number | null }): number {
  return attemptTry.regradedScore ?? attemptTry.score;
}

/** What the learner may see of their attempt now (review options and "grade at the end" applied). */
export function visibleNow(settled: SettledAttempt): Visible {
  return visibleParts(reviewOptionsOf(settled.attempt.assessment), { finished: settled.attempt.finishedAt !== null, closed: settled.closed });
}

/** Whether the attempt still takes answers at `now`. */
export function takesAnswers(settled: SettledAttempt, now: Date): boolean {
  return settled.attempt.finishedAt === null && attemptIsOpen(settled.deadline, now);
}

/**
 * Whether an answered try's variant takes no more answers, so its key may be shown (as the review
 * options allow): homework gives each try a variant of its own; an exam's one variant waits until
 * its tries run out or the attempt closes, since its key would answer the next try.
 */
export function answeredVariantDone(settled: SettledAttempt, state: { triesLeft: number | null }, now: Date): boolean {
  return settled.attempt.assessment.kind === "homework" || state.triesLeft === 0 || !takesAnswers(settled, now);
}

/**
 * One question's state for the learner: how many tries it took and has left, what the next is
 * worth, and (as far as the review options allow) its points and whether the last try was right.
 */
export function questionState(settled: SettledAttempt, question: Question, visible: Visible) {
  const kind = settled.attempt.assessment.kind;
  const rules = questionRulesOf(kind, question);
  const tries = question.tries.map((attemptTry) => ({ score: effectiveScore(attemptTry), credit: attemptTry.credit }));
  const scored = questionScore(rules, tries);
  const last = question.tries.at(-1);
  return {
    position: question.position,
    zone: question.zone,
    points: question.points,
    tries: question.tries.length,
    triesLeft: Number.isFinite(scored.triesLeft) ? scored.triesLeft : null,
    nextTryPoints: scored.nextTryPoints,
    status: question.tries.length === 0 ? ("unanswered" as const) : scored.triesLeft === 0 ? ("done" as const) : ("answered" as const),
    awarded: visible.score ? question.awarded : null,
    lastCorrect: visible.correctness && last ? last.correct : null,
    /** Whether any try was fully right (after a regrade, by its regraded score): homework keeps the best. */
    anyCorrect: visible.correctness && last ? question.tries.some((attemptTry) => effectiveScore(attemptTry) >= 1) : null,
  };
}

export type QuestionState = ReturnType<typeof questionState>;

/** The attempt's total for the learner, when the review options show scores. */
export function visibleTotal(settled: SettledAttempt, visible: Visible, override: number | null) {
  if (!visible.score) return null;
  return assessmentScore(
    settled.attempt.questions.map((question) => ({ awarded: question.awarded, points: question.points })),
    override,
  );
}
