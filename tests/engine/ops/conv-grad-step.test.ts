import { beforeAll, describe, expect, it } from "vitest";
import { EngineError, run } from "@/lib/engine";
import { prepareNodeEngine } from "@/lib/engine/backend-node";

/**
 * `conv2d_grad` with a `learning_rate`: the answer adds `kernel_after_step`, W − η·∂L/∂W, one step
 * of plain gradient descent (d2l 7.2.4, `conv2d.weight.data[:] -= lr * conv2d.weight.grad`).
 */
describe("conv2d_grad's descent step", () => {
  beforeAll(async () => {
    await prepareNodeEngine("cpu");
  });

  it("subtracts η times the kernel's gradient from the kernel", () => {
    // By hand (NNDL 5.3, ∂L/∂W = X ⋆ δ): X = 1..9 (3×3), δ = [[1, −1], [2, 0]] give ∂L/∂W = [[7, 9], [13, 15]]
    // (W00 = 1 − 2 + 8, W01 = 2 − 3 + 10, W10 = 4 − 5 + 14, W11 = 5 − 6 + 16); with W = [[1, 2], [3, 4]] and η = 0.5:
    // [[1 − 3.5, 2 − 4.5], [3 − 6.5, 4 − 7.5]] = [[−2.5, −2.5], [−3.5, −3.5]].
    const answer = run({ op: "conv2d_grad", input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]], grad_output: [[1, -1], [2, 0]], learning_rate: 0.5 });
    expect(answer.grad_kernel).toEqual([[7, 9], [13, 15]]);
    expect(answer.kernel_after_step).toEqual([[-2.5, -2.5], [-3.5, -3.5]]);
  });

  it("keeps float32 precision for a decimal rate, within a millionth of the exact step", () => {
    // By hand: the same gradient, W = [[1, 2], [3, 4]], η = 0.1: [[0.3, 1.1], [1.7, 2.5]].
    const answer = run({ op: "conv2d_grad", input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]], grad_output: [[1, -1], [2, 0]], learning_rate: 0.1 });
    const stepped = answer.kernel_after_step as number[][];
    [[0.3, 1.1], [1.7, 2.5]].forEach((row, i) => row.forEach((x, j) => expect(Math.abs(stepped[i]![j]! - x)).toBeLessThan(1e-6)));
  });

  it("answers no step without a rate, and refuses a rate that is not positive", () => {
    const op = { op: "conv2d_grad", input: [[1, 2], [3, 4]], kernel: [[1]], grad_output: [[1, 1], [1, 1]] } as const;
    expect(run(op)).not.toHaveProperty("kernel_after_step");
    for (const learning_rate of [0, -0.1]) expect(() => run({ ...op, learning_rate })).toThrow(EngineError);
    expect(() => run({ ...op, learning_rate: 0 })).toThrow(/learning_rate must be a number > 0/);
  });
});
