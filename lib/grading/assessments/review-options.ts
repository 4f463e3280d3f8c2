/**
 * What a learner may see of their graded work (Moodle's review options, issue 14): the score,
 * whether each answer was right, and the key with its worked solution, each shown immediately
 * (after the answer is graded), after the assessment closes, or never. An exam graded at the end
 * shows nothing per question until the learner finishes the attempt, whatever the options say.
 * The server applies this before anything leaves it: what may not be seen is not sent.
 */
export type ShownWhen = "immediately" | "after-close" | "never";

export interface ReviewOptions {
  score: ShownWhen;
  correctness: ShownWhen;
  /** The answer key and the worked solution, always together (the solution states the key). */
  solution: ShownWhen;
  /** Exams: no per-question feedback until the attempt is finished. */
  gradeAtEnd: boolean;
}

export interface Visible {
  score: boolean;
  correctness: boolean;
  solution: boolean;
}

/**
 * `finished`: the learner finished the attempt (or its time ran out); `closed`: the assessment
 * closed for this learner (their override applied).
 */
export function visibleParts(options: ReviewOptions, { finished, closed }: { finished: boolean; closed: boolean }): Visible {
  const held = options.gradeAtEnd && !finished;
  const shown = (when: ShownWhen) => !held && (when === "immediately" || (when === "after-close" && closed));
  return { score: shown(options.score), correctness: shown(options.correctness), solution: shown(options.solution) };
}
