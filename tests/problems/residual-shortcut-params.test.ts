import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "residual.shortcut-params";

/**
 * A 1×1 conv: `c_i·c_o` weights `+ c_o` biases (d2l 6.4 with k = 1); torchvision's bias-free
 * conv plus `BatchNorm2d(c_o)`: `c_i·c_o + 2·c_o` (PyTorch docs: BN's weight and bias).
 */
function keyByFormula(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const channelsIn = problem.check.spec.input[0] as number;
  const [conv, norm] = problem.check.spec.layers as [{ filters: number; bias?: boolean }, unknown?];
  return channelsIn * conv.filters + (conv.bias === false ? 0 : conv.filters) + (norm ? 2 * conv.filters : 0);
}

describe("residual.shortcut-params", () => {
  it("over 200 seeds keys every variant by the engine and by the formula, in both languages", () => {
    expectSweep(TEMPLATE, "residual", "integer", keyByFormula);
  });

  it("counts ResNet-18's first downsampling shortcut: 64·128 + 2·128 = 8,448", () => {
    // torchvision resnet18 layer2.0.downsample: Conv2d(64, 128, 1, stride 2, bias=False) + BatchNorm2d(128), by hand.
    const spec = { input: [64, 56, 56], layers: [{ type: "conv2d", filters: 128, kernel: 1, stride: 2, bias: false }, { type: "batchnorm" }] };
    expect(analyze(spec).totalParams).toBe(8448);
    // d2l's Residual(128, use_1x1conv=True, strides=2) on 64 channels: 64·128 + 128 = 8,320 (ResNet-18 above: 8320).
    expect(analyze({ input: [64, 56, 56], layers: [{ type: "conv2d", filters: 128, kernel: 1, stride: 2 }] }).totalParams).toBe(8320);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["forgot-bias-or-norm", "running-stats-counted", "kernel-3x3"]);
  });
});
