import { expect } from "vitest";
import { sampleProblem } from "@/lib/problems";
import { runOpOf, SEEDS } from "./group-a-checks";

type CorrelationOp = { input: number[][]; kernel: number[][]; stride: number; padding: number };

/**
 * The variants of the cross-correlation templates (one generator, cross-correlation-variants.ts)
 * over 200 seeds: easy is d2l 6.2.1's sizes (3×3 input, 2×2 kernel, entries ≥ 0), medium a 4×4
 * input, hard a 3×3 kernel with padding or stride; each difficulty drawn more than 40 times.
 */
export function expectCorrelationDifficulties(template: string): void {
  const seen = { easy: 0, medium: 0, hard: 0 };
  for (const seed of SEEDS) {
    const problem = sampleProblem({ template, seed });
    const op = runOpOf<CorrelationOp>(problem);
    seen[problem.difficulty] += 1;
    const entries = [...op.input.flat(), ...op.kernel.flat()];
    if (problem.difficulty === "easy") {
      expect([op.input.length, op.kernel.length, op.stride, op.padding]).toEqual([3, 2, 1, 0]);
      expect(Math.min(...entries)).toBeGreaterThanOrEqual(0);
    }
    if (problem.difficulty === "medium") expect([op.input.length, op.stride, op.padding]).toEqual([4, 1, 0]);
    if (problem.difficulty === "hard") {
      expect(op.kernel.length).toBe(3);
      expect(op.stride > 1 || op.padding > 0).toBe(true);
    }
  }
  for (const count of Object.values(seen)) expect(count).toBeGreaterThan(40);
}

/** The figure draws the (padded) input, in the glossary's Chinese, and every entry of the key. */
export function expectCorrelationFigure(template: string): void {
  for (const seed of SEEDS.slice(0, 40)) {
    const problem = sampleProblem({ template, seed, lang: "zh-CN" });
    const svg = problem.figure?.svg ?? "";
    expect(svg).toContain('role="img"');
    if (problem.answer.kind !== "matrix") throw new Error("a matrix key expected");
    for (const x of problem.answer.value.flat()) expect(svg).toContain(`>${String(x).replace("-", "\u2212")}</text>`);
    expect(svg).toContain(runOpOf<{ padding: number }>(problem).padding > 0 ? "填充后的输入" : ">输入</text>");
  }
}
