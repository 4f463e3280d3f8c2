import type { PrismaClient } from "@/lib/db";
import { getTemplate, type Lang } from "@/lib/problems";
import { renderDocuments } from "../markdown/render-off-thread";
import { variantProblem } from "./variant-problem";

/**
 * The guided walkthrough of a skill the learner keeps forgetting: a worked example (a variant the
 * learner will not be graded on) split into the steps of its solution, shown one at a time. The
 * solution's paragraphs are its steps: templates write one idea per paragraph (formula, numbers
 * substituted, result).
 */
export async function walkthroughFor({ db, templateId, lang, seed }: { db: PrismaClient; templateId: string; lang: Lang; seed: number }) {
  const { problem: example } = await variantProblem({ db, templateId, seed, lang });
  const title = getTemplate(templateId)?.title[lang] ?? (await db.question.findUnique({ where: { id: templateId.slice("question:".length) } }))?.title ?? templateId;
  const options = example.options ?? null;
  const steps = solutionSteps(example.solution);
  const html = await renderDocuments([example.prompt, ...(options ?? []).map((option) => option.text), ...steps]);
  return {
    template: templateId,
    title,
    promptHtml: html[0]!,
    options: options?.map((option, i) => ({ ...option, html: html[1 + i]! })) ?? null,
    stepsHtml: html.slice(1 + (options?.length ?? 0)),
    figure: example.figure ?? null,
    answer: example.answer,
  };
}

/** A markdown solution's steps: its blocks separated by blank lines, a display formula kept whole. */
export function solutionSteps(solution: string): string[] {
  const steps: string[] = [];
  let inDisplayMath = false;
  let current: string[] = [];
  for (const line of solution.split("\n")) {
    if (line.trim() === "$$") inDisplayMath = !inDisplayMath;
    if (!inDisplayMath && line.trim() === "" && current.length > 0) {
      steps.push(current.join("\n"));
      current = [];
      continue;
    }
    if (line.trim() !== "" || inDisplayMath) current.push(line);
  }
  if (current.length > 0) steps.push(current.join("\n"));
  return steps;
}
