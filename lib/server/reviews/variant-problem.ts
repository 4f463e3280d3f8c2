import type { PrismaClient } from "@/lib/db";
import { type Lang, type Problem, sampleProblem, type VariantMisconception } from "@/lib/problems";
import { courseQuestionProblem } from "../questions/course-question-problem";
import { questionIdOf } from "../questions/template-id";

/**
 * The problem behind a variant, whichever bank it comes from: a built-in template (a pure
 * function of its seed) or a course question, built from the version the variant was issued
 * from (`questionVersionId`; the published one for a new variant). Course questions carry their
 * misconceptions for grading; built-in templates' are found by `gradeAnswer` itself.
 */
export async function variantProblem({
  db,
  templateId,
  seed,
  lang,
  questionVersionId,
}: {
  db: PrismaClient;
  templateId: string;
  seed: number;
  lang: Lang | string;
  questionVersionId?: string | null;
}): Promise<{ problem: Problem; misconceptions?: VariantMisconception[]; questionVersionId: string | null }> {
  if (questionIdOf(templateId) === null) {
    return { problem: sampleProblem({ template: templateId, seed, lang: lang as Lang }), questionVersionId: null };
  }
  const built = await courseQuestionProblem({ db, templateId, versionId: questionVersionId, seed, lang: lang as Lang });
  return { problem: built.problem, misconceptions: built.misconceptions, questionVersionId: built.questionVersionId };
}
