import { describe, expect, it } from "vitest";
import type { Problem } from "@/lib/problems";
import { engineValue, expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "tconv.values";

/**
 * `Y[i·s + a][j·s + b] += X[i][j]·K[a][b]`, then `p` rows and columns cropped from each border:
 * d2l 13.10.1 (zh) / 14.10.1 (en), `trans_conv`, and 13.10.2 for padding.
 */
function keyByFormula(problem: Problem): number[][] {
  if (problem.check?.mode !== "run") throw new Error("expected a run check");
  const { input, kernel, stride, padding } = problem.check.op as { input: number[][]; kernel: number[][]; stride: number; padding: number };
  const height = (input.length - 1) * stride + kernel.length;
  const width = (input[0]!.length - 1) * stride + kernel[0]!.length;
  const y = Array.from({ length: height }, () => new Array<number>(width).fill(0));
  for (let i = 0; i < input.length; i += 1)
    for (let j = 0; j < input[0]!.length; j += 1)
      for (let a = 0; a < kernel.length; a += 1)
        for (let b = 0; b < kernel[0]!.length; b += 1) y[i * stride + a]![j * stride + b]! += input[i]![j]! * kernel[a]![b]!;
  return y.slice(padding, height - padding).map((row) => row.slice(padding, width - padding).map((x) => x + 0));
}

const runOf = (op: Record<string, unknown>) => engineValue({ check: { mode: "run", op: { op: "conv2d_transpose", ...op }, select: "output" } });

describe("tconv.values", () => {
  it("over 200 seeds keys every variant by the engine and by d2l's trans_conv, in both languages", () => {
    expectSweep(TEMPLATE, "transposed-conv", "matrix", (problem) => keyByFormula(problem));
  });

  it("reproduces d2l's examples", () => {
    const X = [[0, 1], [2, 3]];
    const K = [[0, 1], [2, 3]];
    // d2l 13.10.1 (zh) / 14.10.1 (en): trans_conv(X, K).
    expect(runOf({ input: X, kernel: K })).toEqual([[0, 0, 1], [0, 4, 6], [4, 12, 9]]);
    // d2l 13.10.2, stride 2: nn.ConvTranspose2d(1, 1, kernel_size=2, stride=2).
    expect(runOf({ input: X, kernel: K, stride: 2 })).toEqual([[0, 0, 0, 1], [0, 0, 2, 3], [0, 2, 0, 3], [4, 6, 6, 9]]);
    // d2l 13.10.2, padding 1: the first and last rows and columns are removed, leaving [[4]].
    expect(runOf({ input: X, kernel: K, padding: 1 })).toEqual([[4]]);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["kernel-flipped", "padding-kept", "cross-correlation"]);
  });
});
