import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { expectComputedSweep, expectVariantMisconceptions } from "./support/blocks-checks";

const TEMPLATE = "bn.per-channel";

/**
 * BatchNorm2d by the definition (d2l 8.5.2; PyTorch docs: "mean and standard-deviation are
 * calculated per-dimension over the mini-batches", the biased estimator): for channel c, the N·H·W
 * values x[n][c][h][w], μ = Σx/m, σ² = Σx²/m − μ², y = γ_c·(x − μ)/√(σ² + ε) + β_c.
 */
function byHand(problem: Problem): number[][] {
  if (problem.check?.mode !== "run") throw new Error("expected a run check");
  const op = problem.check.op as unknown as { input: number[][][][]; gamma: number[]; beta: number[] };
  const [, n, c] = problem.check.select.split(".").map(Number) as [number, number, number];
  let sum = 0;
  let squares = 0;
  let m = 0;
  for (const example of op.input) {
    for (const row of example[c] ?? []) {
      for (const x of row) {
        sum += x;
        squares += x * x;
        m += 1;
      }
    }
  }
  const mean = sum / m;
  const variance = squares / m - mean * mean;
  return (op.input[n]?.[c] ?? []).map((row) => row.map((x) => (op.gamma[c] as number) * ((x - mean) / Math.sqrt(variance + 1e-5)) + (op.beta[c] as number)));
}

describe("bn.per-channel", () => {
  it("over 200 seeds keys every variant by the engine and by the per-channel definition, in both languages", () => {
    expectComputedSweep(TEMPLATE, "batchnorm", byHand, 1e-4);
  });

  it("normalizes a hand-worked channel over both examples: values 0, 2, 4, 6 and 1, 3, 5, 7 have mean 3.5 and variance 5.25", () => {
    // By hand: channel 1 holds 0…7 across two examples; μ = 28/8 = 3.5; σ² = (Σx² = 140)/8 − 3.5² = 17.5 − 12.25 = 5.25.
    // Example 1's value 0 → (0 − 3.5)/√5.25 = −1.5275; with γ = 2, β = 1: −2.0551. Channel 2 (all 9s but one 8) does not enter.
    const input = [
      [[[0, 2], [4, 6]], [[9, 9], [9, 9]]],
      [[[1, 3], [5, 7]], [[9, 9], [9, 8]]],
    ];
    const out = run({ op: "batchnorm", mode: "train", input, gamma: [2, 1], beta: [1, 0] }) as { output: number[][][][] };
    expect(out.output[0]?.[0]?.[0]?.[0]).toBeCloseTo(2 * (-3.5 / Math.sqrt(5.25)) + 1, 4);
    expect(out.output[0]?.[0]?.[0]?.[0]).toBeCloseTo(-2.0551, 3);
    expect(out.output[1]?.[0]?.[1]?.[1]).toBeCloseTo(2 * (3.5 / Math.sqrt(5.25)) + 1, 4);
  });

  it("names misconceptions that never give the key, each met on some seed", () => {
    expectVariantMisconceptions(TEMPLATE, ["per-example-statistics", "channels-pooled", "unbiased-variance", "forgot-scale-shift"]);
  });
});
