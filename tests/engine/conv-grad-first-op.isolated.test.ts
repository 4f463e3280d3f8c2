import * as tfjs from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";

/**
 * A browser chooses tfjs's backend on the first tensor op, so on a page whose first engine op is
 * `conv2d_grad` (offline practice drawing a gradient problem first) no backend had been chosen
 * when the op checked its backend's kernels: it refused with "the undefined backend cannot
 * differentiate …" and the page showed its error. Here tfjs is told it is not in Node before the
 * engine loads, so the engine leaves the choice to tfjs, as in a browser.
 */
describe("conv2d_grad as the first op of a page", () => {
  it("chooses the backend itself and answers NNDL 5.3's gradients", async () => {
    tfjs.env().set("IS_NODE", false);
    const { run } = await import("@/lib/engine");
    expect(tfjs.getBackend()).toBeFalsy();
    // ∂L/∂W = X ⋆ δ and ∂L/∂b = Σ δ (NNDL 5.3, eq. 5.36-5.39) with δ all ones: each tap's
    // gradient is the sum of the inputs it met; a 3×3 input and a 2×2 kernel by hand.
    const answer = run({
      op: "conv2d_grad",
      input: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      kernel: [
        [1, 0],
        [0, -1],
      ],
      grad_output: [
        [1, 1],
        [1, 1],
      ],
    }) as { grad_kernel: number[][]; grad_bias: number; grad_input: number[][] };
    expect(answer.grad_kernel).toEqual([
      [1 + 2 + 4 + 5, 2 + 3 + 5 + 6],
      [4 + 5 + 7 + 8, 5 + 6 + 8 + 9],
    ]);
    expect(answer.grad_bias).toBe(4);
    // ∂L/∂X: each input counts the kernel taps that met it (the wide convolution of δ with rot180(W)).
    expect(answer.grad_input).toEqual([
      [1, 1, 0],
      [1, 0, -1],
      [0, -1, -1],
    ]);
    expect(tfjs.getBackend()).toBeTruthy();
  });
});
