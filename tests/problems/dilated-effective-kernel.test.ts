import { describe, expect, it } from "vitest";
import type { Conv2dSpec } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { engineValue, expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "dilated.effective-kernel";

/**
 * A kernel of size `k` with dilation `d` spans `d·(k − 1) + 1` pixels (PyTorch `Conv2d` docs,
 * "dilation"; NNDL 5.5.2); stacked at stride 1 the fields add: `r = 1 + Σ d_l·(k − 1)`.
 */
function keyByFormula(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const layers = problem.check.spec.layers as Conv2dSpec[];
  return 1 + layers.reduce((sum, layer) => sum + (layer.dilation as number) * ((layer.kernel as number) - 1), 0);
}

describe("dilated.effective-kernel", () => {
  it("over 200 seeds keys every variant by the engine and by d·(k − 1) + 1, in both languages", () => {
    expectSweep(TEMPLATE, "dilated-conv", "integer", keyByFormula);
  });

  it("spans 5 pixels with a 3×3 kernel at dilation 2, and 15 with dilations 1, 2, 4", () => {
    // NNDL 5.5.2, figure 5.14: a 3×3 kernel with dilation 2 covers a 5×5 region.
    const conv = (dilation: number) => ({ type: "conv2d", filters: 1, kernel: 3, dilation, padding: dilation }) as Conv2dSpec;
    expect(engineValue({ check: { mode: "analyze", spec: { input: [1, 32, 32], layers: [conv(2)] }, select: "layers.0.receptiveField.0" } })).toBe(5);
    // By hand: 1 + 2·1 + 2·2 + 2·4 = 15 (Yu & Koltun 2016, the exponentially growing field).
    const layers = [conv(1), conv(2), conv(4)];
    expect(engineValue({ check: { mode: "analyze", spec: { input: [1, 32, 32], layers }, select: "layers.2.receptiveField.0" } })).toBe(15);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["dilation-ignored", "kernel-times-dilation", "forgot-plus-one"]);
  });
});
