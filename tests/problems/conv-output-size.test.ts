import { describe, expect, it } from "vitest";
import { analyze, convOutputSize, selectPath } from "@/lib/engine";
import { LANGS, type Problem, requireTemplate, sampleProblem, toLearnerView } from "@/lib/problems";

const TEMPLATE = "conv.output-size";
const SEEDS = Array.from({ length: 200 }, (_, seed) => seed);

interface Conv2dLayer {
  filters: number;
  kernel: number | [number, number];
  padding: number | [number, number];
  stride: number | [number, number];
}

const pair = (value: number | [number, number]): [number, number] =>
  typeof value === "number" ? [value, value] : value;

/** The key by PyTorch's formula, straight from the variant's spec (d2l 6.3). */
function keyByFormula(problem: Problem): number[] {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const [channelsIn, height, width] = problem.check.spec.input as [number, number, number];
  const layer = problem.check.spec.layers[0] as unknown as Conv2dLayer;
  const [kh, kw] = pair(layer.kernel);
  const [ph, pw] = pair(layer.padding);
  const [sh, sw] = pair(layer.stride);
  expect(channelsIn).not.toBe(layer.filters);
  return [layer.filters, convOutputSize(height, kh, ph, sh), convOutputSize(width, kw, pw, sw)];
}

describe("conv.output-size over 200 seeds", () => {
  it("produces valid variants whose key is the engine's and equals the formula", () => {
    for (const seed of SEEDS) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      expect(problem).toMatchObject({ template: TEMPLATE, seed, lang: "en", topic: "conv-arithmetic" });
      expect(problem.answer.kind).toBe("shape");
      expect(problem.check).toMatchObject({ mode: "analyze", select: "outputShape" });
      if (problem.check?.mode !== "analyze") throw new Error("unreachable");
      expect(problem.answer.value).toEqual(selectPath(analyze(problem.check.spec), problem.check.select));
      expect(problem.answer.value).toEqual(keyByFormula(problem));
      for (const size of problem.answer.value as number[]) expect(size).toBeGreaterThanOrEqual(1);
    }
  });

  it("spreads seeds over the three difficulties, the hard ones non-square", () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      if (problem.check?.mode !== "analyze") throw new Error("unreachable");
      const layer = problem.check.spec.layers[0] as unknown as Conv2dLayer;
      if (Array.isArray(layer.kernel)) {
        expect(layer.kernel[0]).not.toBe(layer.kernel[1]);
        kinds.add("hard");
      } else kinds.add(layer.stride === 1 ? "easy" : "medium");
    }
    expect([...kinds].sort()).toEqual(["easy", "hard", "medium"]);
  });

  it("writes prompt and solution in both languages, with the same key", () => {
    for (const seed of SEEDS) {
      const en = sampleProblem({ template: TEMPLATE, seed, lang: "en" });
      const zh = sampleProblem({ template: TEMPLATE, seed, lang: "zh-CN" });
      expect(zh.lang).toBe("zh-CN");
      expect(zh.answer).toEqual(en.answer);
      expect(zh.check).toEqual(en.check);
      expect(en.prompt).toMatch(/output/);
      expect(zh.prompt).toMatch(/输出形状/);
      expect(zh.prompt).toMatch(/卷积核/);
      for (const text of [en.prompt, en.solution, zh.prompt, zh.solution]) {
        expect(text).not.toMatch(/convOutputSize\./); // no message key left as a fallback
        expect(text.split("$").length % 2).toBe(1); // balanced inline maths
      }
      const shape = `$[${(en.answer.value as number[]).join(", ")}]$`;
      expect(en.solution).toContain(shape);
      expect(zh.solution).toContain(shape);
    }
  });

  it("keeps the answer, check and solution out of the learner's view", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      for (const lang of LANGS) {
        const view = toLearnerView(sampleProblem({ template: TEMPLATE, seed, lang }));
        expect(Object.keys(view).sort()).toEqual(["difficulty", "lang", "prompt", "seed", "template", "topic"]);
        expect(JSON.stringify(view)).not.toMatch(/"answer"|"check"|"solution"/);
      }
    }
  });

  it("makes every misconception give a shape of the same rank, differing from the key in some variants", () => {
    const template = requireTemplate(TEMPLATE);
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const key = sampleProblem({ template: TEMPLATE, seed }).answer.value as number[];
      for (const misconception of template.misconceptions(seed)) {
        expect(misconception.wrongAnswer.kind).toBe("shape");
        expect((misconception.wrongAnswer.value as number[]).length).toBe(3);
        expect(misconception.feedback.en.length).toBeGreaterThan(0);
        expect(misconception.feedback["zh-CN"].length).toBeGreaterThan(0);
        if ((misconception.wrongAnswer.value as number[]).join() !== key.join()) seen.add(misconception.id);
      }
    }
    expect([...seen].sort()).toEqual([
      "ceil-instead-of-floor",
      "forgot-plus-one",
      "input-channels-kept",
      "padding-once",
      "stride-ignored",
    ]);
  });

  it("produces a valid variant for every seed of a wide sweep, large seeds included", () => {
    // A question error (an invalid variant) throws: the engine refuses an output below 1.
    const seeds = [...Array.from({ length: 10_000 }, (_, seed) => seed), 2 ** 31 - 1, 1_234_567_890, 987_654_321];
    for (const seed of seeds) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      expect(problem.answer.value).toEqual(keyByFormula(problem));
    }
  });

  it("samples the same problem for the same seed", () => {
    expect(sampleProblem({ template: TEMPLATE, seed: 7 })).toEqual(sampleProblem({ template: TEMPLATE, seed: 7 }));
  });
});
