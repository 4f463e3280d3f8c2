import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { paramsConvLayerTemplate, type ParamsConvLayerParams } from "@/lib/problems/templates/params-conv-layer";
import { paramsConvLayerCatalogues } from "@/lib/problems/templates/params-conv-layer.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "params.conv-layer";

interface Conv {
  filters: number;
  kernel: number | [number, number];
  groups?: number;
  bias?: boolean;
}

/** PyTorch `nn.Conv2d` ("Variables"): weight (out, in/groups, kH, kW), bias (out) when `bias=True`. */
function paramsByHand(channelsIn: number, { filters, kernel, groups = 1, bias = true }: Conv): number {
  const [kh, kw] = typeof kernel === "number" ? [kernel, kernel] : kernel;
  return filters * (channelsIn / groups) * kh * kw + (bias ? filters : 0);
}

const keyOf = (params: ParamsConvLayerParams) => {
  const check = paramsConvLayerTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return analyze(check.spec).layers[0]!.params;
};

describe("params.conv-layer", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and PyTorch's weight and bias shapes'", () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "parameters", answer: { kind: "integer" }, check: { mode: "analyze", select: "layers.0.params" } });
      expectKeyFromEngine(en);
      if (en.check?.mode !== "analyze") throw new Error("unreachable");
      const layer = en.check.spec.layers[0] as unknown as Conv;
      expect(en.answer.value).toBe(paramsByHand(en.check.spec.input[0]!, layer));
      kinds.add(`${(layer.groups ?? 1) > 1 ? "grouped" : "plain"}/${layer.bias === false ? "no-bias" : "bias"}`);
      expect(zh.prompt).toMatch(/输入通道/);
    }
    expect([...kinds].sort()).toEqual(["grouped/bias", "grouped/no-bias", "plain/bias", "plain/no-bias"]);
  });

  it("LeNet's C1, 1 → 6 channels with 5×5 kernels and biases, has 156 parameters", () => {
    // NNDL 5.3.1 (LeNet-5, C1: 6 × 25 + 6 = 156); DESIGN.md's analyze example
    expect(keyOf({ difficulty: "easy", channelsIn: 1, filters: 6, kernel: [5, 5], groups: 1, bias: true })).toBe(156);
  });

  it("issue 5's 3 → 10 3×3 convolution has 280 parameters; without its bias 270", () => {
    // by hand: 10 · 3 · 3 · 3 + 10
    const params: ParamsConvLayerParams = { difficulty: "easy", channelsIn: 3, filters: 10, kernel: [3, 3], groups: 1, bias: true };
    expect(keyOf(params)).toBe(280);
    expect(keyOf({ ...params, bias: false })).toBe(270);
    const { solution } = paramsConvLayerTemplate.render(params, { kind: "integer", value: 280 }, "en");
    expect(solution).toContain("= 270 + 10 = 280$");
    expect(() => paramsConvLayerTemplate.render(params, { kind: "integer", value: 270 }, "en")).toThrow(/worked solution/);
  });

  it("a depthwise 3×3 convolution on 32 channels (groups 32, no bias) has 288 parameters, not 9,216", () => {
    // PyTorch nn.Conv2d docs, groups = in_channels: one 1 × 3 × 3 kernel per channel, 32 · 9
    const params: ParamsConvLayerParams = { difficulty: "hard", channelsIn: 32, filters: 32, kernel: [3, 3], groups: 32, bias: false };
    expect(keyOf(params)).toBe(288);
    expect(paramsConvLayerTemplate.misconceptions.find((m) => m.id === "groups-ignored")!.wrongAnswer(params)).toBe(9216);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual([
      "bias-counted-when-off",
      "bias-per-input-channel",
      "forgot-bias",
      "forgot-input-channels",
      "groups-ignored",
    ]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(paramsConvLayerCatalogues);
  });
});
