import type { PrismaClient } from "@/lib/db";
import type { Lang, Problem } from "@/lib/problems";
import { isQuestionFailure } from "./issue-failure";
import { variantProblem } from "./variant-problem";

/** A variant served before: enough to build its problem again. */
export interface ServedVariant {
  seed: number;
  lang: string;
  questionVersionId: string | null;
}

/**
 * What tells two variants apart for the learner: the prompt and the options' text. Two seeds can
 * build the same problem (a true/false statement), so a repeat is judged by this, not by the seed.
 */
export function variantText(problem: Problem): string {
  return JSON.stringify([problem.prompt, problem.options?.map((option) => option.text) ?? null]);
}

/**
 * The text of a variant served before, rebuilt in today's language (so a learner who switched
 * language is not served the same problem translated); null when it cannot be built any more.
 * Built problems are cached (variant-problem.ts), so this is cheap for recent ones.
 */
export async function servedText(db: PrismaClient, templateId: string, lang: Lang, served: ServedVariant | null): Promise<string | null> {
  if (!served) return null;
  try {
    return variantText((await variantProblem({ db, templateId, seed: served.seed, lang, questionVersionId: served.questionVersionId })).problem);
  } catch (error) {
    if (isQuestionFailure(templateId, error)) return null;
    throw error;
  }
}
