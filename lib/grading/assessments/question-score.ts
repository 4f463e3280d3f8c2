import type { QuestionRules } from "./rules";
import { tidy } from "./tidy";

/**
 * A question's score in an attempt from its graded tries (format errors are not tries: they were
 * never graded). Try `i` (from 0) is worth `tryPoints(rules, i)`; a try earns its score (0 to 1)
 * of that, times the credit of when it was given (1 on time, the late credit when late). The
 * question keeps the best try's points: another try never lowers what a learner has.
 */
export interface GradedTry {
  /** The grade's score, 0 (wrong) to 1 (right), partial credit between. */
  score: number;
  /** The share of points its timing keeps: 1 on time, the assessment's late credit when late. */
  credit: number;
}

export interface QuestionScore {
  /** Points earned: the best try's. */
  awarded: number;
  /** Index of the try that earned them (the first of equals), null when no try earned any. */
  bestTry: number | null;
  /** How many more tries the learner has (Infinity for homework). */
  triesLeft: number;
  /** What the next try is worth at most, null when no try is left. */
  nextTryPoints: number | null;
}

/** How many tries a question allows: unlimited for homework, the declining values' count (or one) for an exam. */
export function triesAllowed(rules: QuestionRules): number {
  if (rules.kind === "homework") return Infinity;
  return rules.pointsPerTry?.length ?? 1;
}

/** What try `index` (from 0) is worth at most, or null when the question allows no such try. */
export function tryPoints(rules: QuestionRules, index: number): number | null {
  if (!Number.isInteger(index) || index < 0 || index >= triesAllowed(rules)) return null;
  const values = rules.pointsPerTry;
  if (!values || values.length === 0) return rules.points;
  return values[Math.min(index, values.length - 1)]!;
}

export function questionScore(rules: QuestionRules, tries: readonly GradedTry[]): QuestionScore {
  let awarded = 0;
  let bestTry: number | null = null;
  const counted = Math.min(tries.length, triesAllowed(rules));
  for (let index = 0; index < counted; index += 1) {
    const { score, credit } = tries[index]!;
    const earned = tidy(clamp01(score) * clamp01(credit) * tryPoints(rules, index)!);
    if (earned > awarded) {
      awarded = earned;
      bestTry = index;
    }
  }
  // An exam question answered fully right is done; homework stays open for practice (the best still counts).
  const solved = rules.kind === "exam" && tries.slice(0, counted).some((attempt) => attempt.score >= 1);
  const triesLeft = solved ? 0 : triesAllowed(rules) - counted;
  return { awarded, bestTry, triesLeft, nextTryPoints: triesLeft > 0 ? tryPoints(rules, counted) : null };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
