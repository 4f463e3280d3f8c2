import { describe, expect, it } from "vitest";
import { type Problem, requireTemplate, sampleProblem } from "@/lib/problems";
import { engineValue, expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "bn.train-values";

/** `y = γ·(x − μ_B)/√(σ²_B + ε) + β`, σ² dividing by n: d2l 7.5.1 (zh) / 8.5.1 (en); PyTorch `BatchNorm1d`. */
function byFormula(problem: Problem): number[][] {
  if (problem.check?.mode !== "run") throw new Error("expected a run check");
  const { input, gamma, beta, eps } = problem.check.op as { input: number[][]; gamma: number[]; beta: number[]; eps: number };
  const n = input.length;
  return input.map((row) =>
    row.map((x, f) => {
      const column = input.map((r) => r[f]!);
      const mean = column.reduce((a, b) => a + b, 0) / n;
      const variance = column.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
      return gamma[f]! * ((x - mean) / Math.sqrt(variance + eps)) + beta[f]!;
    }),
  );
}

/** The key agrees with the formula to float32 precision (the engine computes in float32). */
function closeTo(formula: number[][]) {
  return (key: unknown) => {
    const matrix = key as number[][];
    expect(matrix.length).toBe(formula.length);
    matrix.forEach((row, i) => row.forEach((x, f) => expect(x).toBeCloseTo(formula[i]![f]!, 4)));
    return key;
  };
}

describe("bn.train-values", () => {
  it("over 200 seeds keys every variant by the engine, within float32 of the formula, in both languages", () => {
    expectSweep(TEMPLATE, "batchnorm", "matrix", (problem) => closeTo(byFormula(problem))(problem.answer.value));
  });

  it("states in every prompt that the variance is the biased one, dividing by n (the key's, d2l 8.5.1)", () => {
    for (let seed = 0; seed < 200; seed += 1) {
      expect(sampleProblem({ template: TEMPLATE, seed }).prompt).toMatch(/dividing by the batch size \$n\$ \(not \$n - 1\$\)/);
      expect(sampleProblem({ template: TEMPLATE, seed, lang: "zh-CN" }).prompt).toMatch(/除以批量大小 \$n\$（而不是 \$n - 1\$）/);
    }
  });

  it("normalizes [1, 3] to about [−1, 1] and [0, 3, 6] to about [−1.2247, 0, 1.2247]", () => {
    // By hand: μ = 2, σ² = 1 → ±1/√(1 + 1e−5); μ = 3, σ² = 6 → ±3/√6 = ±1.224744 (d2l 7.5.1).
    const run = (input: number[][]) =>
      engineValue({ check: { mode: "run", op: { op: "batchnorm", mode: "train", input, eps: 1e-5 }, select: "output" } }) as number[][];
    run([[1], [3]]).forEach((row, i) => expect(row[0]).toBeCloseTo([-1, 1][i]!, 4));
    run([[0], [3], [6]]).forEach((row, i) => expect(row[0]).toBeCloseTo([-1.224744, 0, 1.224744][i]!, 4));
  });

  it("keeps every misconception's matrix outside the 1e-2 tolerance of the key, on every seed", () => {
    const template = requireTemplate(TEMPLATE);
    for (let seed = 0; seed < 200; seed += 1) {
      const key = sampleProblem({ template: TEMPLATE, seed }).answer.value as number[][];
      for (const misconception of template.misconceptions(seed)) {
        const wrong = misconception.wrongAnswer.value as number[][];
        const far = wrong.some((row, i) => row.some((x, f) => Math.abs(x - key[i]![f]!) > 1e-2 * Math.max(1, Math.abs(key[i]![f]!))));
        expect(far, `${misconception.id}, seed ${seed}`).toBe(true);
      }
    }
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["unbiased-variance", "forgot-sqrt", "forgot-scale-shift"]);
  });
});
