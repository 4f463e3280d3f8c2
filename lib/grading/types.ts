import type { Localized } from "../problems";

/**
 * The outcome of grading one answer (STYLE.md §4): a format error (the answer could not be read
 * as the kind asked for; it costs no attempt and no review) or a grade.
 */
export type GradeResult =
  | { gradable: false; formatError: Localized }
  | {
      gradable: true;
      /** 0 … 1; partial credit as the answer kind defines it. */
      score: number;
      /** Only a fully right answer is correct. */
      correct: boolean;
      feedback: Localized;
      /** Id of the template's misconception the answer matches, if any. */
      mistake?: string;
    };
