import type { PrismaClient } from "@/lib/db";
import { type Lang, type Problem, sampleProblem, type VariantMisconception } from "@/lib/problems";
import { LruCache } from "../markdown/cache-lru";
import { courseQuestionProblem } from "../questions/course-question-problem";
import { questionIdOf } from "../questions/template-id";

// A built-in problem is a pure function of (template, seed, lang): built once when issued, it is
// reused when the learner reloads, answers, or asks for a walkthrough. A thousand problems
// (a few KB each with their figures) cover every open variant of a lecture hall; more would only
// make every full garbage collection walk them.
const MAX_CACHED_PROBLEMS = 1_000;
const holder = globalThis as typeof globalThis & { strideProblemCache?: LruCache<string, Problem> };

/** A built-in template's problem, from the process's cache when it was built before. */
export function builtInProblem(template: string, seed: number, lang: Lang): Problem {
  holder.strideProblemCache ??= new LruCache<string, Problem>(MAX_CACHED_PROBLEMS);
  return holder.strideProblemCache.getOrSet(`${template}\u0000${seed}\u0000${lang}`, () => sampleProblem({ template, seed, lang }));
}

/**
 * Where a key comes from, for the learner: the engine (it has a check, which the browser can run
 * again), the books (a catalogue concept item), or the question's author (a fixed question or a
 * custom template keyed by the author's formula).
 */
export type KeySource = "engine" | "book" | "author";

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
}): Promise<{ problem: Problem; misconceptions?: VariantMisconception[]; questionVersionId: string | null; keySource: KeySource }> {
  if (questionIdOf(templateId) === null) {
    const problem = builtInProblem(templateId, seed, lang as Lang);
    return { problem, questionVersionId: null, keySource: problem.check ? "engine" : "book" };
  }
  const built = await courseQuestionProblem({ db, templateId, versionId: questionVersionId, seed, lang: lang as Lang });
  const keySource: KeySource = built.problem.check ? "engine" : built.kind === "builtin" ? "book" : "author";
  return { problem: built.problem, misconceptions: built.misconceptions, questionVersionId: built.questionVersionId, keySource };
}
