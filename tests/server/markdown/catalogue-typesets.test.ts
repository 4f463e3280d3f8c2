import { describe, expect, it } from "vitest";
import { LANGS, listTemplates, sampleProblem } from "@/lib/problems";
import { renderMarkdownCached } from "@/lib/server/markdown/cache";

/**
 * Every formula of every built-in skill typesets, in both languages: a `$` that pairs with the
 * wrong partner (a display formula opened mid-line, say) turns the rest of a solution into TeX,
 * which KaTeX shows as a red error (norm.layer-vs-batch's Chinese solution did until 2026-12-07).
 */
describe("the catalogue's documents", () => {
  it("typeset with no KaTeX error in any skill, language or document", { timeout: 120_000 }, () => {
    const failures: string[] = [];
    for (const { template } of listTemplates()) {
      for (const lang of LANGS) {
        for (const seed of [1, 2]) {
          const problem = sampleProblem({ template, seed, lang });
          const documents = { prompt: problem.prompt, solution: problem.solution, ...Object.fromEntries((problem.options ?? []).map((option) => [`option ${option.id}`, option.text])) };
          for (const [name, markdown] of Object.entries(documents)) {
            if (renderMarkdownCached(markdown).includes("katex-error")) failures.push(`${template} ${lang} seed ${seed}: ${name}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
