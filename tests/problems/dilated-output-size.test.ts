import { describe, expect, it } from "vitest";
import type { Conv2dSpec } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { engineValue, expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "dilated.output-size";

/** `out = ⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1`: PyTorch `torch.nn.Conv2d` documentation, "Shape". */
function keyByFormula(problem: Problem): number[] {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const [channelsIn, n] = problem.check.spec.input as [number, number, number];
  const layer = problem.check.spec.layers[0] as Conv2dSpec & { kernel: number; dilation: number; padding: number; stride: number };
  expect(channelsIn).not.toBe(layer.filters);
  const out = Math.floor((n + 2 * layer.padding - layer.dilation * (layer.kernel - 1) - 1) / layer.stride) + 1;
  return [layer.filters, out, out];
}

describe("dilated.output-size", () => {
  it("over 200 seeds keys every variant by the engine and by PyTorch's formula, in both languages", () => {
    expectSweep(TEMPLATE, "dilated-conv", "shape", keyByFormula);
  });

  it("shrinks a 7×7 map to 3×3 with a 3×3 kernel at dilation 2 and no padding", () => {
    // By hand: ⌊(7 − 2·2 − 1)/1⌋ + 1 = 3; the dilated kernel covers 5 pixels (NNDL 5.5.2).
    const spec = { input: [1, 7, 7], layers: [{ type: "conv2d", filters: 2, kernel: 3, dilation: 2 } as Conv2dSpec] };
    expect(engineValue({ check: { mode: "analyze", spec, select: "outputShape" } })).toEqual([2, 3, 3]);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["dilation-ignored", "kernel-times-dilation", "forgot-plus-one", "input-channels-kept"]);
  });
});
