import { describe, expect, it } from "vitest";
import { type GradientOpSpec, run } from "@/lib/engine";
import { sampleProblem } from "@/lib/problems";
import { gradDescentStepTemplate, type GradDescentStepParams } from "@/lib/problems/templates/grad-descent-step";
import { gradDescentStepCatalogues } from "@/lib/problems/templates/grad-descent-step.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "grad.descent-step";

interface StepOp {
  input: number[][];
  kernel: number[][];
  grad_output: number[][];
  stride: number;
  padding: number;
  learning_rate: number;
}

/**
 * W − η·∂L/∂W by hand: ∂L/∂W[a][b] = Σ_{i,j} δ[i][j]·X[s·i + a − p][s·j + b − p] (NNDL 5.3, X outside
 * the image 0), then d2l 7.2.4's step `weight -= lr * grad`.
 */
function stepByHand({ input, kernel, grad_output: delta, stride, padding, learning_rate: rate }: StepOp): number[][] {
  const x = (r: number, c: number) => (r < 0 || c < 0 || r >= input.length || c >= input.length ? 0 : input[r]![c]!);
  return kernel.map((row, a) =>
    row.map((w, b) => {
      let grad = 0;
      for (let i = 0; i < delta.length; i++) for (let j = 0; j < delta.length; j++) grad += delta[i]![j]! * x(stride * i + a - padding, stride * j + b - padding);
      return w - rate * grad;
    }),
  );
}

const keyOf = (params: GradDescentStepParams) => {
  const check = gradDescentStepTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return run(check.op as unknown as GradientOpSpec).kernel_after_step as number[][];
};

describe("grad.descent-step", () => {
  it("over 200 seeds: the key is the engine's kernel_after_step and W − η·(X ⋆ δ) by hand, to float32's precision", () => {
    const losses = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "gradients", answer: { kind: "matrix", tolerance: 1e-3 }, check: { mode: "run", select: "kernel_after_step", op: { op: "conv2d_grad" } } });
      expectKeyFromEngine(en);
      const op = runOpOf<StepOp>(en);
      expectMatrixClose(en.answer.value, stepByHand(op), 1e-5);
      const sumLoss = /The loss is the sum of the layer's outputs/.test(en.prompt);
      losses.add(`${en.difficulty} ${sumLoss ? "sum" : "given"}`);
      // A loss L = Σ Y has δ = 1 everywhere; otherwise δ is shown.
      if (sumLoss) expect(op.grad_output.flat().every((d) => d === 1)).toBe(true);
      else expect(en.prompt).toContain("\\delta = \\begin{bmatrix}");
      expect(zh.prompt).toMatch(/学习率/);
    }
    expect([...losses].sort()).toEqual(["easy given", "hard given", "medium given", "medium sum"]);
  });

  it("difficulty follows the work: easy 3×3 ⋆ 2×2 with δ given; medium a 4×4 input; hard a stride of 2 or padding (issue 13, item 6)", () => {
    for (let seed = 0; seed < 600; seed++) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      const op = runOpOf<StepOp>(problem);
      if (problem.difficulty === "easy") expect([op.input.length, op.kernel.length, op.stride, op.padding]).toEqual([3, 2, 1, 0]);
      if (problem.difficulty === "medium") expect([op.input.length, op.stride, op.padding]).toEqual([4, 1, 0]);
      if (problem.difficulty === "hard") expect(op.stride > 1 || op.padding > 0, `seed ${seed}`).toBe(true);
    }
  });

  it("d2l 7.2.4's step on NNDL 5.3's gradient: X = 1..9, δ = [[1, −1], [2, 0]], W = [[1, 2], [3, 4]], η = 0.5", () => {
    // By hand: ∂L/∂W = [[7, 9], [13, 15]] (W11 = 1 − 2 + 8, …); W − 0.5·∂L/∂W = [[−2.5, −2.5], [−3.5, −3.5]].
    const params: GradDescentStepParams = { difficulty: "easy", input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]], delta: [[1, -1], [2, 0]], stride: 1, padding: 0, rate: 0.5, loss: "given" };
    const key = keyOf(params);
    expect(key).toEqual([[-2.5, -2.5], [-3.5, -3.5]]);
    const { solution } = gradDescentStepTemplate.render(params, { kind: "matrix", value: key }, "en");
    expect(solution).toContain("W'_{1,1} = 1 - 0.5 \\cdot 7 = -2.5");
    const wrong = (id: string) => gradDescentStepTemplate.misconceptions.find((m) => m.id === id)!.wrongAnswer(params);
    // By hand: W + 0.5·∂L/∂W, W − ∂L/∂W, and ∂L/∂W itself.
    expect(wrong("added-gradient")).toEqual([[4.5, 6.5], [9.5, 11.5]]);
    expect(wrong("rate-left-out")).toEqual([[-6, -7], [-10, -11]]);
    expect(wrong("gradient-not-applied")).toEqual([[7, 9], [13, 15]]);
  });

  it("a loss L = Σ Y gives δ = 1 everywhere: with W = 0 and η = 0.1 the step is minus a tenth of each window's sum", () => {
    // By hand: X = 1..9, ∂L/∂W_{a,b} = sum of the 2×2 window at (a, b): 1+2+4+5 = 12, 16, 24, 28.
    const params: GradDescentStepParams = { difficulty: "medium", input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[0, 0], [0, 0]], delta: [[1, 1], [1, 1]], stride: 1, padding: 0, rate: 0.1, loss: "sum" };
    expectMatrixClose(keyOf(params), [[-1.2, -1.6], [-2.4, -2.8]], 1e-6);
    const { prompt, solution } = gradDescentStepTemplate.render(params, { kind: "matrix", value: keyOf(params) }, "zh-CN");
    expect(prompt).toContain("损失是该层所有输出之和");
    expect(solution).toContain("\\delta_{i,j} = \\frac{\\partial L}{\\partial Y_{i,j}} = 1");
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["added-gradient", "delta-rotated", "gradient-not-applied", "rate-left-out"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(gradDescentStepCatalogues);
  });
});
