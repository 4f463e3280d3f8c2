import { describe, expect, it } from "vitest";
import type { Conv2dSpec, ResidualSpec } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { engineValue, expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "residual.block-shape";

/** The main path's first 3×3 conv (padding 1) sets the shape: `⌊(n + 2 − 3)/s⌋ + 1` (d2l 6.3, 7.6). */
function keyByFormula(problem: Problem): number[] {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const n = problem.check.spec.input[1] as number;
  const first = (problem.check.spec.layers[0] as ResidualSpec).body[0] as Conv2dSpec;
  const stride = first.stride as number;
  const out = Math.floor((n + 2 - 3) / stride) + 1;
  return [first.filters, out, out];
}

describe("residual.block-shape", () => {
  it("over 200 seeds keys every variant by the engine and by the formula, in both languages", () => {
    expectSweep(TEMPLATE, "residual", "shape", keyByFormula);
  });

  it("gives d2l's example: Residual(6, use_1x1conv=True, strides=2) maps 3×6×6 to 6×3×3", () => {
    // d2l 7.6 (zh) / 8.6 (en): blk = Residual(6, use_1x1conv=True, strides=2) on (4, 3, 6, 6) gives (4, 6, 3, 3).
    const layers = [
      {
        type: "residual",
        body: [
          { type: "conv2d", filters: 6, kernel: 3, stride: 2, padding: 1 },
          { type: "batchnorm" },
          { type: "relu" },
          { type: "conv2d", filters: 6, kernel: 3, padding: 1 },
          { type: "batchnorm" },
        ],
        shortcut: [{ type: "conv2d", filters: 6, kernel: 1, stride: 2 }],
        activation: "relu",
      } as ResidualSpec,
    ];
    expect(engineValue({ check: { mode: "analyze", spec: { input: [3, 6, 6], layers }, select: "outputShape" } })).toEqual([6, 3, 3]);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["channels-concatenated", "stride-ignored", "input-shape-kept"]);
  });
});
