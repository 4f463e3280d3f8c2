import type { Localized, Problem } from "@/lib/problems";
import type { ReviewRating } from "@/lib/srs";
import type { KeySource } from "./variant-problem";

/** What grading found, and the review it was recorded as. */
export interface GradedAnswer {
  reviewId: string;
  mode: "review" | "practice";
  grade: { score: number; correct: boolean; feedback: Localized; mistake?: string };
  problem: Problem;
  keySource: KeySource;
  feedbackHtml: Localized;
  solutionHtml: string;
  elapsedMs: number;
  medianMs: number | null;
  suggestedRating: number;
  rating: number;
  nextDue: Date | null;
  dueByRating: Partial<Record<ReviewRating, Date>> | null;
}

/**
 * review.submit's answer for a graded answer: the key, the worked solution and the schedule it
 * gives. One shape for a first answer (submit-answer.ts) and for a retried one that was already
 * recorded (replay-submission.ts), so a retry shows the learner exactly what the first try would have.
 */
export function gradedResult({ reviewId, mode, grade, problem, keySource, feedbackHtml, solutionHtml, elapsedMs, medianMs, suggestedRating, rating, nextDue, dueByRating }: GradedAnswer) {
  return {
    status: "graded" as const,
    reviewId,
    mode,
    score: grade.score,
    correct: grade.correct,
    feedback: grade.feedback,
    feedbackHtml,
    mistake: grade.mistake ?? null,
    expected: problem.answer,
    solution: problem.solution,
    solutionHtml,
    figure: problem.figure ?? null,
    check: problem.check,
    keySource,
    elapsedMs,
    medianMs,
    suggestedRating,
    rating,
    nextDue,
    dueByRating,
  };
}
