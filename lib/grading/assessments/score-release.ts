import type { ShownWhen } from "./review-options";

/**
 * When a finished attempt's score may leave Stride for a place the learner can read it (an LMS
 * gradebook is visible to students by default): the same rule as the learner's own pages
 * (review-options.ts, "score"), so grade passback never shows what the instructor chose to hide.
 * "immediately": now. "after-close": now once the assessment has closed for this learner (their
 * override applied; closed means strictly after `closeAt`, as load-attempt.ts counts it), else at
 * the close; an assessment that never closes holds the score until the instructor changes the
 * setting. "never": held.
 */
export type ScoreRelease = { when: "now" } | { when: "at"; at: Date } | { when: "held" };

export function scoreRelease(showScore: ShownWhen, closeAt: Date | null, now: Date): ScoreRelease {
  if (showScore === "immediately") return { when: "now" };
  if (showScore === "never") return { when: "held" };
  if (closeAt === null) return { when: "held" };
  return now > closeAt ? { when: "now" } : { when: "at", at: closeAt };
}
