import { describe, expect, it } from "vitest";
import { type Difficulty, listTemplates, type Problem, requireTemplate } from "@/lib/problems";

/**
 * Issue 13, item 7: every template offers at least 30 distinct variants per difficulty it claims.
 * Distinct means a different prompt or a different set of options (the options' order is left out:
 * shuffling one statement's options is not a new question).
 */
const AT_LEAST = 30;
// Enough seeds that every difficulty of every widened template reaches 30 (a third of them each).
const SEEDS = 1500;

const variantText = (problem: Problem) => JSON.stringify([problem.prompt, problem.options?.map((option) => option.text).sort() ?? null]);

/** Distinct variants per difficulty among the first `SEEDS` seeds, counting each up to `AT_LEAST`. */
function distinctVariants(template: string): Map<Difficulty, number> {
  const registered = requireTemplate(template);
  const seen = new Map<Difficulty, Set<string>>(registered.difficulties.map((difficulty) => [difficulty, new Set<string>()]));
  for (let seed = 0; seed < SEEDS; seed += 1) {
    const texts = seen.get(registered.difficultyOf(seed));
    if (!texts || texts.size >= AT_LEAST) continue;
    texts.add(variantText(registered.sample(seed, "en")));
  }
  return new Map([...seen].map(([difficulty, texts]) => [difficulty, texts.size]));
}

describe("every template's variety (issue 13, item 7)", () => {
  it.each(listTemplates().map((entry) => entry.template))("%s offers at least 30 distinct variants per difficulty it claims", (template) => {
    for (const [difficulty, count] of distinctVariants(template)) expect(count, `${template} ${difficulty}`).toBe(AT_LEAST);
  });
});
