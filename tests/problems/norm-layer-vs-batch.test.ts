import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { expectComputedSweep, expectVariantMisconceptions } from "./support/blocks-checks";

const TEMPLATE = "norm.layer-vs-batch";

/**
 * Layer normalization by its definition (NNDL 7.5.2: μ and σ² over the M features
 * of one example), each column of the prompt's matrix being one example: σ² = Σx²/M − μ².
 */
function byHand(problem: Problem): number[][] {
  if (problem.check?.mode !== "run") throw new Error("expected a run check");
  const a = (problem.check.op as unknown as { input: number[][] }).input;
  const m = a.length;
  const stats = (a[0] ?? []).map((_, e) => {
    const column = a.map((row) => row[e] as number);
    const mean = column.reduce((s, x) => s + x, 0) / m;
    return { mean, sd: Math.sqrt(column.reduce((s, x) => s + x * x, 0) / m - mean * mean + 1e-5) };
  });
  return a.map((row) => row.map((x, e) => (x - (stats[e]?.mean as number)) / (stats[e]?.sd as number)));
}

describe("norm.layer-vs-batch", () => {
  it("over 200 seeds keys every variant by the engine and by layer normalization's definition, in both languages", () => {
    expectComputedSweep(TEMPLATE, "batchnorm", byHand, 1e-4);
  });

  it("layer norm of each example equals batch norm of the transposed matrix (γ = 1, β = 0), against hand numbers", () => {
    // Examples as rows, d2l's layout: x1 = (1, 3, 5), x2 = (4, 6, 8). By hand, layer norm of each row:
    // μ = 3 and 6, σ² = (4 + 0 + 4)/3 = 8/3, so (−√1.5, 0, √1.5) = (−1.2247, 0, 1.2247) for both.
    const layerNorm = [[-1.2247, 0, 1.2247], [-1.2247, 0, 1.2247]];
    // Batch norm of the transposed matrix normalizes its columns, which are the examples.
    const transposed = [[1, 4], [3, 6], [5, 8]];
    const { output } = run({ op: "batchnorm", mode: "train", input: transposed }) as { output: number[][] };
    const back = [0, 1].map((e) => output.map((row) => row[e] as number));
    back.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(layerNorm[i]?.[j] as number, 3)));
    // Batch norm of the matrix as it stands normalizes each feature over the two examples instead: ±1 (by hand, σ² = 2.25).
    const batch = run({ op: "batchnorm", mode: "train", input: [[1, 3, 5], [4, 6, 8]] }) as { output: number[][] };
    expect(batch.output.map((row) => row.map((x) => Math.round(x * 1000) / 1000))).toEqual([[-1, -1, -1], [1, 1, 1]]);
  });

  it("names misconceptions that never give the key, each met on some seed", () => {
    expectVariantMisconceptions(TEMPLATE, ["batch-norm-axis", "unbiased-variance", "forgot-sqrt"]);
  });
});
