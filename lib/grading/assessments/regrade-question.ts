import { type GradedTry, questionScore } from "./question-score";
import type { QuestionRules } from "./rules";

/**
 * One learner's question regraded (issue 14): every stored try graded again against the fixed
 * key gives `regraded`; the points kept are those, except that a regrade never lowers a score
 * unless the instructor asks (`allowLower`): a learner keeps what a wrong key gave them.
 */
export interface RegradeChange {
  before: number;
  /** What the new grades give, whether or not it is kept. */
  regraded: number;
  /** The points the question keeps. */
  after: number;
  changed: boolean;
}

export function regradeQuestion(rules: QuestionRules, before: readonly GradedTry[], regraded: readonly GradedTry[], allowLower: boolean): RegradeChange {
  const old = questionScore(rules, before).awarded;
  const fresh = questionScore(rules, regraded).awarded;
  const after = allowLower ? fresh : Math.max(old, fresh);
  return { before: old, regraded: fresh, after, changed: after !== old };
}
