import { LANGS, listTemplates, sampleProblem } from "@/lib/problems";
import { renderWithPendingMath } from "../markdown/math-in-browser";
import { getLogger } from "../observability/logger";

/**
 * Renders one variant of every built-in skill's prompt, options and worked solution, in each
 * language, as the review calls do (math-in-browser.ts), a skill at a time between requests.
 * What the review cycle renders on the server is the text around the formulas, and that text
 * is the same for every variant of a skill: its Markdown parse is remembered by the document's
 * shape (formula-spans.ts) and its HTML by its skeleton (cache.ts). Done at start, the first
 * learners after a deploy meet those caches full, not the cost of filling them (the load bench's
 * first class was measured slower than its later ones: docs/BENCHMARKS.md).
 */
export function warmReviewRendering(onDone?: (rendered: number) => void): void {
  const work = listTemplates().flatMap(({ template }) => LANGS.map((lang) => ({ template, lang })));
  let rendered = 0;
  const step = (index: number) => {
    const next = work[index];
    if (!next) {
      onDone?.(rendered);
      return;
    }
    try {
      const problem = sampleProblem({ template: next.template, seed: 1, lang: next.lang });
      for (const markdown of [problem.prompt, problem.solution, ...(problem.options ?? []).map((option) => option.text)]) {
        renderWithPendingMath(markdown);
        rendered += 1;
      }
    } catch (error) {
      // Only a head start: the review call that meets this skill renders it and reports what fails.
      getLogger().warn({ err: error, template: next.template }, "warming the review cycle's caches skipped a skill");
    }
    // One skill a turn of the event loop: a request that comes meanwhile waits for one skill at most.
    setImmediate(() => step(index + 1));
  };
  setImmediate(() => step(0));
}
