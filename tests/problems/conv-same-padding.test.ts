import { describe, expect, it } from "vitest";
import { analyze, selectPath } from "@/lib/engine";
import { gradeAnswer } from "@/lib/grading";
import { requireTemplate, sampleProblem } from "@/lib/problems";
import { convSamePaddingTemplate, type ConvSamePaddingParams } from "@/lib/problems/templates/conv-same-padding";
import { convSamePaddingCatalogues } from "@/lib/problems/templates/conv-same-padding.messages";
import { expectCataloguesAgree, expectKeyFromEngine, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "conv.same-padding";

interface SameConv {
  kernel: number | [number, number];
  dilation?: number;
  padding: unknown;
}

/** d2l 6.3 (zh) / 7.3 (en): stride 1 keeps the size with `k − 1` padding in all, half per side; with dilation `d·(k − 1)` (PyTorch `Conv2d`, "Shape"). */
function paddingByFormula(layer: SameConv, axis: 0 | 1): number {
  const k = typeof layer.kernel === "number" ? layer.kernel : layer.kernel[axis];
  return ((layer.dilation ?? 1) * (k - 1)) / 2;
}

const keyOf = (params: ConvSamePaddingParams): number => {
  const check = convSamePaddingTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return selectPath(analyze(check.spec), check.select) as number;
};

const params = (overrides: Partial<ConvSamePaddingParams>): ConvSamePaddingParams => ({
  difficulty: "easy",
  channelsIn: 1,
  filters: 8,
  height: 8,
  width: 8,
  kernel: [3, 3],
  dilation: 1,
  axis: "both",
  naming: "plain",
  ...overrides,
});

describe("conv.same-padding", () => {
  it("over 200 seeds: valid variants in both languages, the key a fresh engine evaluation and d·(k − 1)/2", () => {
    const difficulties = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "conv-arithmetic", answer: { kind: "integer" }, check: { mode: "analyze" } });
      expectKeyFromEngine(en);
      if (en.check?.mode !== "analyze") throw new Error("unreachable");
      const layer = en.check.spec.layers[0] as unknown as SameConv;
      expect(layer.padding).toBe("same");
      const axis = en.check.select === "layers.0.padding.1" ? 1 : 0;
      expect(en.check.select).toBe(`layers.0.padding.${axis}`);
      expect(en.answer.value).toBe(paddingByFormula(layer, axis));
      // the layer does keep the size: PyTorch's formula with that padding gives the input back
      expect(analyze(en.check.spec).outputShape.slice(1)).toEqual(en.check.spec.input.slice(1));
      expect(en.answer.value as number).toBeGreaterThanOrEqual(1);
      expect(zh.prompt).toMatch(/填充/);
      expect(zh.prompt).toMatch(/步幅/);
      difficulties.add(en.difficulty);
      if (en.difficulty === "hard") expect(zh.prompt).toMatch(/空洞卷积层.*膨胀率/);
      else expect(layer.dilation).toBeUndefined();
    }
    expect([...difficulties].sort()).toEqual(["easy", "hard", "medium"]);
  });

  it("asks NNDL's 等宽卷积 on some medium variants and one axis of a rectangular kernel on others", () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      if (zh.prompt.includes("等宽卷积")) {
        expect(en.prompt).toContain("equal-width convolution");
        seen.add("equal-width");
      }
      if (en.check?.select === "layers.0.padding.1") seen.add("width");
      if (/\$p_h\$/.test(en.prompt)) seen.add("height");
    }
    expect([...seen].sort()).toEqual(["equal-width", "height", "width"]);
  });

  it("d2l 6.3: an 8×8 input keeps its size with a 3×3 kernel and padding 1", () => {
    // d2l 6.3 (zh) / 7.3 (en): nn.Conv2d(1, 1, kernel_size=3, padding=1) on 8×8 → 8×8
    const p = params({});
    expect(keyOf(p)).toBe(1);
    const { solution } = convSamePaddingTemplate.render(p, { kind: "integer", value: 1 }, "en");
    expect(solution).toContain("$p = 1$");
    expect(() => convSamePaddingTemplate.render(p, { kind: "integer", value: 2 }, "en")).toThrow(/worked solution/);
  });

  it("d2l 6.3: a 5×3 kernel keeps 8×8 with padding (2, 1), one axis asked at a time", () => {
    // d2l 6.3 (zh) / 7.3 (en): nn.Conv2d(1, 1, kernel_size=(5, 3), padding=(2, 1)) on 8×8 → 8×8
    expect(keyOf(params({ difficulty: "medium", kernel: [5, 3], axis: "height" }))).toBe(2);
    expect(keyOf(params({ difficulty: "medium", kernel: [5, 3], axis: "width" }))).toBe(1);
  });

  it("a 3×3 kernel at dilation rate 2 needs padding 2, as DeepLab's atrous 3×3 layers do", () => {
    // by hand (NNDL 5.5.2; PyTorch Conv2d "Shape"): the kernel covers 2·(3 − 1) + 1 = 5 pixels,
    // so n + 2p − 4 = n gives p = 2; at rate 4 a 5×5 kernel covers 17 pixels, p = 8
    expect(keyOf(params({ difficulty: "hard", height: 32, width: 32, dilation: 2 }))).toBe(2);
    expect(keyOf(params({ difficulty: "hard", height: 32, width: 32, kernel: [5, 5], dilation: 4 }))).toBe(8);
  });

  it("grades the key 1 and each misconception's answer below 1, naming the first misconception with that answer", () => {
    const named = new Set<string>();
    for (const seed of SEEDS) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      expect(gradeAnswer({ problem, answer: String(problem.answer.value) })).toMatchObject({ gradable: true, score: 1, correct: true });
      const misconceptions = requireTemplate(TEMPLATE).misconceptions(seed);
      for (const misconception of misconceptions) {
        expect(misconception.wrongAnswer.value).not.toBe(problem.answer.value);
        const grade = gradeAnswer({ problem, answer: String(misconception.wrongAnswer.value) });
        if (!grade.gradable) throw new Error(`seed ${seed}: ${misconception.id} is not gradable`);
        expect(grade.score).toBeLessThan(1);
        const first = misconceptions.find((m) => m.wrongAnswer.value === misconception.wrongAnswer.value);
        expect(grade.mistake).toBe(first?.id);
        if (grade.mistake === misconception.id) named.add(misconception.id);
        expect(misconception.feedback["zh-CN"]).not.toBe(misconception.feedback.en);
      }
    }
    expect([...named].sort()).toEqual(["dilation-ignored", "half-kernel-rounded-up", "other-axis", "padding-equals-kernel", "padding-total"]);
  });

  it("by hand, on a 5×5 kernel: total 4, the kernel 5, half rounded up 3; the key 2", () => {
    const p = params({ kernel: [5, 5] });
    const wrong = Object.fromEntries(
      convSamePaddingTemplate.misconceptions.map((m) => [m.id, m.wrongAnswer(p)]),
    );
    expect(wrong).toEqual({
      "dilation-ignored": null, // no dilation
      "padding-total": 4, // k − 1, counted once instead of 2p
      "other-axis": null, // a square kernel
      "half-kernel-rounded-up": 3, // (5 + 1)/2
      "padding-equals-kernel": 5,
    });
    // with dilation 2 on a 3×3 kernel the key is 2: ignoring the dilation gives 1, and (3 + 1)/2 = 2 is the key, so it is left out
    const dilated = params({ difficulty: "hard", height: 32, width: 32, dilation: 2 });
    expect(convSamePaddingTemplate.misconceptions.map((m) => m.wrongAnswer(dilated))).toEqual([1, 4, null, null, 3]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(convSamePaddingCatalogues);
  });
});
