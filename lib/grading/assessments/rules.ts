/**
 * An assessment's scoring rules (issue 14), as an instructor sets them: what each question is
 * worth, how tries are counted, and when answers are taken. Plain data, so the same rules score an
 * attempt on the server, regrade it after a fix, and show a learner what a try is still worth.
 */

/**
 * Homework (PrairieLearn's model): unlimited tries, each on a fresh variant, the best counts.
 * Exam: one variant per question, a few tries on it, and an optional time limit.
 */
export type AssessmentKind = "homework" | "exam";

export interface QuestionRules {
  kind: AssessmentKind;
  /** What a fully right answer on the first try earns. */
  points: number;
  /**
   * What each try is worth, first try first (e.g. 10, 7, 5), or null for `points` on every try.
   * Homework keeps the last value for every later try (its tries never run out); an exam allows
   * exactly this many tries (one when null).
   */
  pointsPerTry: readonly number[] | null;
}

/** When answers are taken, as instants (the course's time zone is applied when they are set). */
export interface AnswerSchedule {
  /** Before this, the assessment cannot be started; null: open as soon as it is published. */
  opensAt: Date | null;
  /** Answers until this earn full credit; null: no due date. */
  dueAt: Date | null;
  /** Answers after `dueAt` and until this earn `lateCredit` of their points; null: no late period. */
  lateUntil: Date | null;
  /** The share of its points a late answer keeps, from 0 to 1. */
  lateCredit: number;
  /** An exam's time limit from the moment a learner starts it; null: none. */
  timeLimitMinutes: number | null;
}

/** One learner's accommodations: a later due date or late period, extra time on a time limit. */
export interface LearnerOverride {
  dueAt?: Date | null;
  lateUntil?: Date | null;
  extraMinutes?: number;
}
