import { describe, expect, it } from "vitest";
import { analyze, selectPath } from "@/lib/engine";
import { costDepthwiseSeparableTemplate, type CostDepthwiseSeparableParams } from "@/lib/problems/templates/cost-depthwise-separable";
import { costDepthwiseSeparableCatalogues } from "@/lib/problems/templates/cost-depthwise-separable.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";
import { byDifficulty, countSpec, selectOf, specOf, sumOf } from "./support/cost-checks";

const TEMPLATE = "cost.depthwise-separable";

const keyOf = (params: CostDepthwiseSeparableParams) => {
  const check = costDepthwiseSeparableTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return selectPath(analyze(check.spec), check.select) as number;
};

describe("cost.depthwise-separable", () => {
  it("over 200 seeds: the key is the engine's, D_K²·M·D_F² + M·N·D_F² (MobileNets eq. 4) or its parameters, and 1/N + 1/D_K² of the standard convolution (eq. 5)", () => {
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cost", answer: { kind: "integer" } });
      expectKeyFromEngine(en);
      const spec = specOf(en);
      const rows = countSpec(spec);
      const [depthwise, , pointwise] = spec.layers as unknown as { groups?: number; kernel: number; filters: number }[];
      const m = spec.input[0] as number;
      expect(depthwise!.groups).toBe(m);
      const [dk, n, df] = [depthwise!.kernel, pointwise!.filters, rows[0]!.outputShape[1] as number];
      const macs = selectOf(en) === "totalMacs";
      // Howard et al. 2017, eq. (4): D_K·D_K·M·D_F·D_F + M·N·D_F·D_F; without D_F² for the parameters
      const positions = macs ? df * df : 1;
      expect(en.answer.value).toBe(dk * dk * m * positions + m * n * positions);
      expect(en.answer.value).toBe(sumOf(rows, macs ? "macs" : "params"));
      // eq. (5): the ratio to a standard convolution D_K·D_K·M·N·D_F·D_F
      expect((en.answer.value as number) / (dk * dk * m * n * positions)).toBeCloseTo(1 / n + 1 / dk ** 2, 12);
      expect(zh.prompt).toMatch(/深度可分离卷积/);
    }
  });

  it("a MobileNet layer, 3×3 depthwise-separable on 14×14×512 → 512, takes 52,283,392 MACs and 266,752 weights: 8.8 times fewer than a standard convolution", () => {
    // Howard et al. 2017, Table 1 (the five "Conv dw / s1 + Conv / s1" rows on 14×14×512); by hand:
    // 14·14·9·512 = 903,168 and 14·14·512·512 = 51,380,224; 9·512 + 512·512; standard 14·14·9·512·512 = 462,422,016
    const params: CostDepthwiseSeparableParams = { difficulty: "medium", channelsIn: 512, filters: 512, kernel: 3, size: 14, stride: 1, asked: "macs" };
    expect(keyOf(params)).toBe(52_283_392);
    expect(keyOf({ ...params, asked: "params" })).toBe(266_752);
    expect(462_422_016 / keyOf(params)).toBeCloseTo(8.84, 2);
    expect(costDepthwiseSeparableTemplate.misconceptions.find((m) => m.id === "standard-conv")!.wrongAnswer(params)).toBe(462_422_016);
  });

  it("a stride-2 depthwise layer works at the output's positions: 3×3 on 112×112×64 → 128 (MobileNet's conv dw / s2) gives 56×56", () => {
    // Howard et al. 2017, Table 1: Conv dw / s2 on 112×112×64, then Conv 1×1 to 128 on 56×56; by hand 56·56·(9·64 + 64·128) = 27,496,448
    const params: CostDepthwiseSeparableParams = { difficulty: "hard", channelsIn: 64, filters: 128, kernel: 3, size: 112, stride: 2, asked: "macs" };
    expect(keyOf(params)).toBe(27_496_448);
    expect(costDepthwiseSeparableTemplate.misconceptions.find((m) => m.id === "input-size-used")!.wrongAnswer(params)).toBe(4 * 27_496_448);
  });

  it("difficulty follows the work: easy the parameters; medium the MACs at stride 1; hard the MACs at stride 2", () => {
    const groups = byDifficulty(TEMPLATE);
    const stride = (problem: Parameters<typeof specOf>[0]) => (specOf(problem).layers[0] as { stride?: number }).stride ?? 1;
    for (const problem of groups.easy) expect(selectOf(problem)).toBe("totalParams");
    for (const problem of groups.medium) expect([selectOf(problem), stride(problem)]).toEqual(["totalMacs", 1]);
    for (const problem of groups.hard) expect([selectOf(problem), stride(problem)]).toEqual(["totalMacs", 2]);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["groups-ignored", "input-size-used", "pointwise-forgotten", "standard-conv"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(costDepthwiseSeparableCatalogues);
  });
});
