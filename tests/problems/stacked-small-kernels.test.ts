import { describe, expect, it } from "vitest";
import type { Conv2dSpec, LayerSpec } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { engineValue, expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "rf.two-3x3-vs-5x5";

/** Each layer: `k_h·k_w·C_in·C_out (+ C_out)`: d2l 6.4 (zh) / 7.4 (en), "Multiple Input and Multiple Output Channels". */
function keyByFormula(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  let channelsIn = problem.check.spec.input[0] as number;
  let total = 0;
  for (const layer of problem.check.spec.layers) {
    if (layer.type !== "conv2d") continue;
    const conv = layer as Conv2dSpec;
    total += 3 * 3 * channelsIn * conv.filters + (conv.bias === false ? 0 : conv.filters);
    channelsIn = conv.filters;
  }
  return total;
}

describe("rf.two-3x3-vs-5x5", () => {
  it("over 200 seeds keys every variant by the engine and by the parameter formula, in both languages", () => {
    expectSweep(TEMPLATE, "receptive-field", "integer", keyByFormula);
  });

  it("counts VGG's 3·(3²C²) = 27C² for three 3×3 layers without bias, C = 64", () => {
    // Simonyan & Zisserman 2015, sec. 2.3: three 3×3 layers have 27C² weights, one 7×7 layer 49C².
    const layers: LayerSpec[] = Array.from({ length: 3 }, () => ({ type: "conv2d", filters: 64, kernel: 3, padding: 1, bias: false }));
    expect(engineValue({ check: { mode: "analyze", spec: { input: [64, 16, 16], layers }, select: "totalParams" } })).toBe(27 * 64 * 64);
  });

  it("sees a 5×5 region with two 3×3 layers, as one 5×5 layer does", () => {
    // d2l 7.2 (zh) / 8.2 (en): two stacked 3×3 convolutions touch the same pixels as one 5×5.
    const layers: LayerSpec[] = Array.from({ length: 2 }, () => ({ type: "conv2d", filters: 8, kernel: 3, padding: 1 }));
    expect(engineValue({ check: { mode: "analyze", spec: { input: [8, 16, 16], layers }, select: "layers.1.receptiveField.0" } })).toBe(5);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["forgot-bias", "single-large-kernel", "input-channels-ignored", "one-layer-only"]);
  });
});
