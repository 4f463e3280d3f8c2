import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { expectComputedSweep, expectVariantMisconceptions } from "./support/blocks-checks";

const TEMPLATE = "bn.predict-values";

interface BnOp {
  mode: "train" | "eval";
  input: number[][];
  gamma: number[];
  beta: number[];
  running_mean: number[];
  running_var: number[];
}

/**
 * By the books' formulas, the batch's weight read from the prompt (not from the op): eval mode
 * y = γ·(x − μ̂)/√(σ̂² + ε) + β (d2l 8.5.2); d2l's `moving = m·moving + (1 − m)·batch` with m
 * its momentum, PyTorch's `running = (1 − m)·running + m·batch` with the unbiased batch variance
 * (PyTorch BatchNorm1d docs, "momentum" and the note on the running variance).
 */
function byHand(problem: Problem): number {
  if (problem.check?.mode !== "run") throw new Error("expected a run check");
  const op = problem.check.op as unknown as BnOp;
  const [, a, b] = problem.check.select.split(".").map(Number) as [number, number, number];
  if (op.mode === "eval") {
    const x = op.input[a]?.[b] as number;
    return (op.gamma[b] as number) * (x - (op.running_mean[b] as number)) / Math.sqrt((op.running_var[b] as number) + 1e-5) + (op.beta[b] as number);
  }
  const feature = a;
  const xs = op.input.map((row) => row[feature] as number);
  const n = xs.length;
  const d2l = /from-scratch `batch_norm` does, with momentum \$([\d.]+)\$/.exec(problem.prompt);
  const pytorch = /`momentum=([\d.]+)`/.exec(problem.prompt);
  const batchWeight = d2l ? 1 - Number(d2l[1]) : Number(pytorch?.[1]);
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (problem.check.select.startsWith("running_mean")) return (op.running_mean[feature] as number) + batchWeight * (mean - (op.running_mean[feature] as number));
  const unbiased = xs.reduce((s, x) => s + x * x, 0) / (n - 1) - (n / (n - 1)) * mean * mean;
  return (op.running_var[feature] as number) + batchWeight * (unbiased - (op.running_var[feature] as number));
}

describe("bn.predict-values", () => {
  it("over 200 seeds keys every variant by the engine and by the books' update rules, in both languages", () => {
    expectComputedSweep(TEMPLATE, "batchnorm", byHand);
  });

  it("agrees with hand-worked numbers: PyTorch's update with the unbiased variance, d2l's momentum 0.9, and eval mode", () => {
    // Batch (1, 2, 3, 6): mean 3; unbiased variance (4 + 1 + 0 + 9)/3 = 14/3. From running (0, 1), momentum 0.1:
    // running_mean 0.9·0 + 0.1·3 = 0.3; running_var 0.9·1 + 0.1·14/3 = 1.36667 (by hand; PyTorch BatchNorm1d docs).
    const train = run({ op: "batchnorm", mode: "train", input: [[1], [2], [3], [6]] }) as { running_mean: number[]; running_var: number[] };
    expect(train.running_mean[0]).toBeCloseTo(0.3, 5);
    expect(train.running_var[0]).toBeCloseTo(1.366667, 5);
    // d2l's from-scratch code: moving_mean = 0.9·0.5 + (1 − 0.9)·3 = 0.75, PyTorch's momentum 0.1 from 0.5.
    const d2l = run({ op: "batchnorm", mode: "train", input: [[1], [2], [3], [6]], running_mean: [0.5], momentum: 0.1 }) as { running_mean: number[] };
    expect(d2l.running_mean[0]).toBeCloseTo(0.75, 5);
    // Eval: x = 3, running mean 1, variance 4, γ 2, β 1: 2·(3 − 1)/2 + 1 = 3, whatever the rest of the batch.
    const evalMode = run({ op: "batchnorm", mode: "eval", input: [[3], [100]], running_mean: [1], running_var: [4], gamma: [2], beta: [1] }) as { output: number[][] };
    expect(evalMode.output[0]?.[0]).toBeCloseTo(3, 4);
  });

  it("names misconceptions that never give the key, each met on some seed", () => {
    expectVariantMisconceptions(TEMPLATE, ["batch-stats-at-prediction", "forgot-sqrt", "forgot-scale-shift", "momentum-swapped", "batch-stat-as-running", "biased-running-variance"]);
  });
});
