import { describe, expect, it } from "vitest";
import { analyze, selectPath } from "@/lib/engine";
import { costGroupedConvTemplate, type CostGroupedConvParams } from "@/lib/problems/templates/cost-grouped-conv";
import { costGroupedConvCatalogues } from "@/lib/problems/templates/cost-grouped-conv.messages";
import { conv } from "@/lib/problems/templates/cost-layers";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";
import { byDifficulty, countSpec, selectOf, specOf } from "./support/cost-checks";

const TEMPLATE = "cost.grouped-conv";

const keyOf = (params: CostGroupedConvParams) => {
  const check = costGroupedConvTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return selectPath(analyze(check.spec), check.select) as number;
};

type Conv = { filters: number; kernel: number; groups: number; stride?: number; padding?: number; bias?: boolean };

describe("cost.grouped-conv", () => {
  it("over 200 seeds: the key is the engine's and g groups of (C_in/g)·(C_out/g)·k² weights (+ C_out biases, × H_out·W_out for MACs) by hand", () => {
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cost", answer: { kind: "integer" } });
      expectKeyFromEngine(en);
      const spec = specOf(en);
      const layer = spec.layers[0] as unknown as Conv;
      const channelsIn = spec.input[0] as number;
      // g divides both sides
      expect([channelsIn % layer.groups, layer.filters % layer.groups]).toEqual([0, 0]);
      const perGroup = (channelsIn / layer.groups) * (layer.filters / layer.groups) * layer.kernel ** 2;
      const weights = layer.groups * perGroup;
      const [, ho, wo] = countSpec(spec)[0]!.outputShape as [number, number, number];
      const byHand = selectOf(en) === "layers.0.macs" ? weights * ho * wo : weights + (layer.bias === false ? 0 : layer.filters);
      expect(en.answer.value).toBe(byHand);
      expect(zh.prompt).toMatch(/分组卷积/);
    }
  });

  it("AlexNet's second convolution (two groups, 96 → 256, 5×5) has 307,456 parameters: kernels of 5×5×48", () => {
    // Krizhevsky et al. 2012 (the second layer's 256 kernels of size 5 × 5 × 48); Caffe's bvlc_alexnet conv2: 256·48·25 + 256
    const params: CostGroupedConvParams = { difficulty: "medium", channelsIn: 96, size: 27, conv: conv(256, 5, { groups: 2, padding: 2 }), asked: "params" };
    expect(keyOf(params)).toBe(307_456);
    expect(costGroupedConvTemplate.misconceptions.find((m) => m.id === "groups-ignored")!.wrongAnswer(params)).toBe(256 * 96 * 25 + 256);
  });

  it("ResNeXt's 3×3 grouped convolution, 128 → 128 in 32 groups of 4, has 4,608 weights, not 147,456 or 144", () => {
    // Xie et al. 2017, Fig. 3(c) (conv2 stage: 128, 3×3, 128, group = 32); by hand 32 · 4 · 4 · 9; ungrouped 128 · 128 · 9; one group 4 · 4 · 9
    const params: CostGroupedConvParams = { difficulty: "easy", channelsIn: 128, size: 56, conv: conv(128, 3, { groups: 32, padding: 1, bias: false }), asked: "params" };
    expect(keyOf(params)).toBe(4608);
    const wrong = (id: string) => costGroupedConvTemplate.misconceptions.find((m) => m.id === id)!.wrongAnswer(params);
    expect([wrong("groups-ignored"), wrong("one-group-only")]).toEqual([147_456, 144]);
  });

  it("difficulty follows the work: easy parameters without bias; medium parameters with bias; hard MACs", () => {
    const groups = byDifficulty(TEMPLATE);
    const bias = (problem: Parameters<typeof specOf>[0]) => (specOf(problem).layers[0] as { bias?: boolean }).bias ?? true;
    for (const problem of groups.easy) expect([selectOf(problem), bias(problem)]).toEqual(["layers.0.params", false]);
    for (const problem of groups.medium) expect([selectOf(problem), bias(problem)]).toEqual(["layers.0.params", true]);
    for (const problem of groups.hard) expect(selectOf(problem)).toBe("layers.0.macs");
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["bias-per-group", "forgot-bias", "groups-ignored", "input-size-used", "one-group-only"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(costGroupedConvCatalogues);
  });
});

describe("cost.grouped-conv's figure", () => {
  it("names the groups in the layer's box, in both languages", () => {
    const params: CostGroupedConvParams = { difficulty: "easy", channelsIn: 128, size: 56, conv: conv(128, 3, { groups: 32, padding: 1, bias: false }), asked: "params" };
    const key = { kind: "integer" as const, value: 4608 };
    expect(costGroupedConvTemplate.figure!(params, key, "en")!.svg).toContain("3×3 conv, 128 channels, 32 groups, stride 1, padding 1");
    expect(costGroupedConvTemplate.figure!(params, key, "zh-CN")!.svg).toContain("3×3 卷积，128 个输出通道，分为 32 组，步幅 1，填充 1");
  });
});
