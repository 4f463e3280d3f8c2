import { describe, expect, it } from "vitest";
import { analyze, selectPath } from "@/lib/engine";
import { costFlopsVsParamsTemplate, type CostFlopsVsParamsParams } from "@/lib/problems/templates/cost-flops-vs-params";
import { costFlopsVsParamsCatalogues } from "@/lib/problems/templates/cost-flops-vs-params.messages";
import { costLayersCatalogues } from "@/lib/problems/templates/cost-layers.messages";
import { conv } from "@/lib/problems/templates/cost-layers";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";
import { byDifficulty, countSpec, selectOf, specOf, sumOf } from "./support/cost-checks";

const TEMPLATE = "cost.flops-vs-params";

const keyOf = (params: CostFlopsVsParamsParams) => {
  const check = costFlopsVsParamsTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return selectPath(analyze(check.spec), check.select);
};

describe("cost.flops-vs-params", () => {
  it("over 200 seeds: the key is the engine's, and 2 · Σ C_out·H_out·W_out·C_in·k² (FLOPs) or Σ k²·C_in·C_out + C_out (parameters) by hand", () => {
    const asked = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cost", answer: { kind: "integer" } });
      expectKeyFromEngine(en);
      const rows = countSpec(specOf(en));
      const flops = selectOf(en) === "totalFlops";
      asked.add(`${en.difficulty}/${flops ? "flops" : "params"}`);
      expect(en.answer.value).toBe(flops ? 2 * sumOf(rows, "macs") : sumOf(rows, "params"));
      expect(en.prompt).toMatch(/FLOPs = 2 · MACs/);
      expect(zh.prompt).toMatch(flops ? /浮点运算/ : /可训练参数/);
    }
    // Both quantities are asked at every difficulty.
    expect(asked.size).toBe(6);
  });

  it("LeNet's C1 (1 → 6 channels, 5×5, padding 2, on 28×28) has 156 parameters and 2 · 117,600 FLOPs", () => {
    // NNDL 5.4.1 (C1: 6 · 25 + 6 = 156 parameters); DESIGN.md's analyze example (117,600 MACs)
    const params: CostFlopsVsParamsParams = { difficulty: "easy", input: [1, 28, 28], convs: [conv(6, 5, { padding: 2 })], asked: "params" };
    expect(keyOf(params)).toBe(156);
    expect(keyOf({ ...params, asked: "flops" })).toBe(235_200);
  });

  it("VGG-16's first convolution (3 → 64, 3×3, padding 1, on 224×224) has 1,792 parameters and 173,408,256 FLOPs", () => {
    // Keras VGG16 summary: block1_conv1 1,792 parameters; MACs by hand 224 · 224 · 64 · 3 · 9 = 86,704,128
    const params: CostFlopsVsParamsParams = { difficulty: "easy", input: [3, 224, 224], convs: [conv(64, 3, { padding: 1 })], asked: "params" };
    expect(keyOf(params)).toBe(1792);
    expect(keyOf({ ...params, asked: "flops" })).toBe(173_408_256);
  });

  it("difficulty follows the work: easy one size-keeping convolution; medium one whose output shrinks; hard two convolutions", () => {
    const groups = byDifficulty(TEMPLATE);
    const convs = (problem: Parameters<typeof specOf>[0]) => countSpec(specOf(problem)).filter((row) => row.type === "conv2d");
    for (const problem of groups.easy) {
      const [only] = convs(problem);
      expect([convs(problem).length, only?.outputShape[1]]).toEqual([1, specOf(problem).input[1]]);
    }
    for (const problem of groups.medium) {
      const [only] = convs(problem);
      expect(convs(problem).length).toBe(1);
      expect(only?.outputShape[1]).toBeLessThan(specOf(problem).input[1] as number);
    }
    for (const problem of groups.hard) expect(convs(problem).length).toBe(2);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["flops-instead", "forgot-bias", "forgot-input-channels", "input-size-used", "macs-not-flops", "params-instead"]);
  });

  it("gives the MACs, exactly half the key, as the 'MACs, not FLOPs' mistake", () => {
    const params: CostFlopsVsParamsParams = { difficulty: "medium", input: [16, 32, 32], convs: [conv(32, 3, { stride: 2 })], asked: "flops" };
    const macs = costFlopsVsParamsTemplate.misconceptions.find((m) => m.id === "macs-not-flops")!.wrongAnswer(params);
    // by hand: 32 · 15 · 15 · 16 · 3 · 3 = 1,036,800
    expect(macs).toBe(1_036_800);
    expect(keyOf(params)).toBe(2 * 1_036_800);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(costFlopsVsParamsCatalogues);
    expectCataloguesAgree(costLayersCatalogues);
  });
});
