import { expect } from "vitest";
import { LANGS, requireTemplate, sampleProblem } from "@/lib/problems";
import { SEEDS } from "../../support/template-sweep";

/**
 * Over 200 seeds: each misconception a variant lists (a rule may not apply to every variant) gives
 * an answer of the key's kind that is not the key, with feedback in both languages, the Chinese
 * one in Chinese; together the variants list exactly `ids`.
 */
export function expectVariantMisconceptions(template: string, ids: string[]): void {
  const registered = requireTemplate(template);
  const seen = new Set<string>();
  for (const seed of SEEDS) {
    const key = sampleProblem({ template, seed }).answer;
    for (const misconception of registered.misconceptions(seed)) {
      expect(misconception.wrongAnswer.kind).toBe(key.kind);
      expect(misconception.wrongAnswer.value, `${misconception.id}, seed ${seed}`).not.toEqual(key.value);
      for (const lang of LANGS) expect(misconception.feedback[lang].length).toBeGreaterThan(0);
      expect(misconception.feedback["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      seen.add(misconception.id);
    }
  }
  expect([...seen].sort()).toEqual([...ids].sort());
}
