import { tidy } from "./tidy";

/**
 * An attempt's total: the questions' points over what they could earn. An instructor's manual
 * override replaces the total (the computed one is kept beside it in the gradebook's history).
 */
export interface AssessmentScore {
  awarded: number;
  possible: number;
  /** awarded / possible as a percentage, two decimals; 0 when nothing could be earned. */
  percent: number;
  /** Whether `awarded` is the instructor's override rather than the questions' sum. */
  overridden: boolean;
}

export function assessmentScore(questions: readonly { awarded: number; points: number }[], override: number | null = null): AssessmentScore {
  const possible = tidy(questions.reduce((sum, question) => sum + question.points, 0));
  const computed = tidy(questions.reduce((sum, question) => sum + question.awarded, 0));
  const awarded = override ?? computed;
  const percent = possible > 0 ? Math.round((awarded / possible) * 10_000) / 100 : 0;
  return { awarded, possible, percent, overridden: override !== null };
}
