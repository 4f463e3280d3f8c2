import { describe, expect, it } from "vitest";
import type { Conv2dTransposeSpec } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { engineValue, expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "tconv.output-size";

const pair = (value: unknown): [number, number] =>
  value === undefined ? [0, 0] : typeof value === "number" ? [value, value] : (value as [number, number]);

/**
 * `out = (in − 1)·s − 2p + d·(k − 1) + output_padding + 1` with d = 1: PyTorch
 * `torch.nn.ConvTranspose2d` documentation, "Shape"; d2l 13.10 (zh) / 14.10 (en).
 */
function keyByFormula(problem: Problem): number[] {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const [channelsIn, ...sizes] = problem.check.spec.input as [number, number, number];
  const layer = problem.check.spec.layers[0] as Conv2dTransposeSpec;
  expect(channelsIn).not.toBe(layer.filters);
  const [k, s, p, a] = [layer.kernel, layer.stride, layer.padding, layer.output_padding].map(pair) as [number, number][];
  return [layer.filters, ...sizes.map((n, i) => (n - 1) * s![i]! - 2 * p![i]! + (k![i]! - 1) + a![i]! + 1)];
}

describe("tconv.output-size", () => {
  it("over 200 seeds keys every variant by the engine and by PyTorch's formula, in both languages", () => {
    expectSweep(TEMPLATE, "transposed-conv", "shape", keyByFormula);
  });

  it("gives d2l's 2×2 input, 2×2 kernel example: stride 1 → 3×3, stride 2 → 4×4", () => {
    // d2l 13.10.1 (zh) / 14.10.1 (en), figures 13.10.1 and 13.10.2.
    const shapeFor = (stride: number) =>
      engineValue({
        check: { mode: "analyze", spec: { input: [1, 2, 2], layers: [{ type: "conv2d_transpose", filters: 1, kernel: 2, stride }] }, select: "outputShape" },
      } as Problem);
    expect(shapeFor(1)).toEqual([1, 3, 3]);
    expect(shapeFor(2)).toEqual([1, 4, 4]);
  });

  it("undoes a stride-2 convolution's shape with output padding 1", () => {
    // PyTorch ConvTranspose2d docs, note on output_padding: conv 3/2/1 maps 8 → 4; the transpose
    // with output_padding 1 maps 4 → (4 − 1)·2 − 2 + 3 + 1 = 8 (by hand).
    const shape = engineValue({
      check: {
        mode: "analyze",
        spec: { input: [4, 4, 4], layers: [{ type: "conv2d_transpose", filters: 2, kernel: 3, stride: 2, padding: 1, output_padding: 1 }] },
        select: "outputShape",
      },
    } as Problem);
    expect(shape).toEqual([2, 8, 8]);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["conv-formula", "forgot-output-padding", "padding-added", "input-channels-kept"]);
  });
});
