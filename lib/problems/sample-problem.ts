import { requireTemplate } from "./registry";
import { parseLang, requireSeed } from "./seed";
import type { Lang, LearnerProblem, Problem } from "./types";

/**
 * The problem `(template, seed, lang)`, with its key as the engine computes it. Throws a
 * `ProblemError` for an unknown template (`unknown-template`), a seed that is not an integer
 * 0 … 2^31 − 1 (`invalid-seed`) or a language other than `en` / `zh-CN` (`invalid-lang`).
 */
export function sampleProblem(options: { template: string; seed: number; lang?: Lang }): Problem {
  const template = requireTemplate(options.template);
  return template.sample(requireSeed(options.seed), parseLang(options.lang ?? "en"));
}

/** The payload a learner receives before answering: without `answer`, `check`, `solution` and `figure`. */
export function toLearnerView(problem: Problem): LearnerProblem {
  const { template, seed, lang, topic, difficulty, prompt, options, promptFigure } = problem;
  return { template, seed, lang, topic, difficulty, prompt, ...(options ? { options } : {}), ...(promptFigure ? { promptFigure } : {}) };
}
