import { expect } from "vitest";
import { LANGS, type Problem, requireTemplate, sampleProblem, toLearnerView } from "@/lib/problems";
import { engineValue, SEEDS } from "../../support/template-sweep";

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

/**
 * Over 200 seeds, for a template whose key is a float32 number or matrix from `run`: the key is a
 * fresh engine evaluation of the check and within `tolerance` (relative, floor 1 in magnitude) of
 * the test's own formula; both languages render without a stray argument or unbalanced maths.
 */
export function expectComputedSweep(template: string, topic: string, byHand: (problem: Problem) => number | number[][], tolerance = 1e-4): void {
  for (const seed of SEEDS) {
    const en = sampleProblem({ template, seed });
    expect(en).toMatchObject({ template, seed, lang: "en", topic });
    expect(en.answer.value).toEqual(engineValue(en));
    const expected = byHand(en);
    const got = en.answer.value as number | number[][];
    const pairs: [number, number][] = typeof got === "number" ? [[got, expected as number]] : got.flatMap((row, i) => row.map((x, j): [number, number] => [x, (expected as number[][])[i]?.[j] ?? NaN]));
    if (typeof got !== "number") expect([got.length, got[0]?.length]).toEqual([(expected as number[][]).length, (expected as number[][])[0]?.length]);
    for (const [x, y] of pairs) expect(Math.abs(x - y), `seed ${seed}: ${x} vs ${y}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(y)));
    const zh = sampleProblem({ template, seed, lang: "zh-CN" });
    expect(zh.answer).toEqual(en.answer);
    expect(zh.prompt).toMatch(/[\u4e00-\u9fff]/);
    for (const text of [en.prompt, en.solution, zh.prompt, zh.solution]) {
      expect(text.split("$").length % 2, text).toBe(1);
      expect(text).not.toMatch(/mistakes\.|undefined|NaN|\[object /);
      expect(text.replace(/\$\$[^$]*\$\$|\$[^$]*\$/g, "")).not.toMatch(/\{\w+\}/);
    }
    expect(JSON.stringify(toLearnerView(en))).not.toMatch(/"answer"|"check"|"solution"/);
  }
}
