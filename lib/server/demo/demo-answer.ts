import type { PrismaClient } from "@/lib/db";
import { requireTemplate } from "@/lib/problems";
import { questionIdOf } from "../questions/template-id";
import { variantProblem } from "../reviews/variant-problem";
import { slipOf, typedAnswer } from "./typed-answer";

/** What a synthetic student types: the key, or a named mistake (else a slip) of the variant. */
export async function demoAnswer(db: PrismaClient, variant: { templateId: string; seed: number; lang: string; questionVersionId: string | null }, right: boolean) {
  const { problem, misconceptions } = await variantProblem({ db, ...variant });
  if (right) return typedAnswer(problem.answer, problem.check);
  const known = misconceptions ?? (questionIdOf(variant.templateId) ? [] : requireTemplate(variant.templateId).misconceptions(variant.seed));
  return typedAnswer(known[0]?.wrongAnswer ?? slipOf(problem.answer, problem.options));
}
