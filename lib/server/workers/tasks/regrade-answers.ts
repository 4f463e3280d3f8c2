import { gradeAnswer } from "@/lib/grading";
import type { Lang } from "@/lib/problems";
import { buildVariant } from "../../questions/question-content";

export interface RegradeAnswersInput {
  /** The definition of the question version to grade against, as stored (JSON). */
  definition: unknown;
  templateId: string;
  /** Each stored try: the variant's seed and language, and the answer exactly as typed. */
  answers: { seed: number; lang: string; answer: string }[];
}

/**
 * A regrade's grading (lib/server/assessments/regrade-assessment.ts), on a worker thread: each
 * stored answer graded again against the fixed version, with the same seed, so the variant is the
 * one the learner saw. Answers one score per answer, in order; an answer the fixed version cannot
 * read (its format changed) earns nothing rather than vanishing.
 */
export function regradeAnswers({ definition, templateId, answers }: RegradeAnswersInput): number[] {
  return answers.map(({ seed, lang, answer }) => {
    const built = buildVariant(definition, { templateId, seed, lang: lang as Lang });
    const grade = gradeAnswer({ problem: built.problem, answer, ...(built.misconceptions ? { misconceptions: built.misconceptions } : {}) });
    return grade.gradable ? grade.score : 0;
  });
}
