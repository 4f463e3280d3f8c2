import type { Rng } from "../rng";
import type { Difficulty } from "../types";

/**
 * The variants shared by the convolution-gradient templates (`grad.conv-kernel`,
 * `grad.conv-input`, `grad.descent-step`): a small integer input X, kernel W and upstream
 * gradient δ = ∂L/∂Y shaped like the layer's output, with a stride and padding (NNDL 5.3;
 * d2l 6.2.4 zh / 7.2.4 en).
 *
 * Difficulties: easy, a 3×3 input and 2×2 kernel at stride 1 without padding (four entries of
 * four products); medium, a 4×4 input with a 2×2 or 3×3 kernel at stride 1 (more entries or
 * longer sums); hard, a stride of 2 (δ's entries lie two apart: zeros inserted between them) or
 * padding 1 (the padded border holds zeros, and ∂L/∂X drops it). Every hard geometry has
 * (n + 2p − k) divisible by s, so each input row and column is reached by some window.
 */
export interface ConvGradParams {
  difficulty: Difficulty;
  input: number[][];
  kernel: number[][];
  /** δ = ∂L/∂Y, shaped like the convolution's output. */
  delta: number[][];
  stride: number;
  padding: number;
}

export const CONV_GRAD_DIFFICULTIES = ["easy", "medium", "hard"] as const;

/** The hard geometries: input size n, kernel size k, stride s, padding p. */
const HARD = [
  { n: 4, k: 2, stride: 2, padding: 0 },
  { n: 5, k: 3, stride: 2, padding: 0 },
  { n: 5, k: 3, stride: 2, padding: 1 },
  { n: 3, k: 2, stride: 1, padding: 1 },
  { n: 3, k: 3, stride: 1, padding: 1 },
] as const;

const matrixOf = (rng: Rng, size: number, from: number, to: number) =>
  Array.from({ length: size }, () => Array.from({ length: size }, () => rng.int(from, to)));

/** PyTorch's output size, floor((n + 2p − k)/s) + 1. */
export const convGradOutputSize = (n: number, k: number, stride: number, padding: number) => Math.floor((n + 2 * padding - k) / stride) + 1;

export function generateConvGrad(rng: Rng): ConvGradParams {
  const difficulty = rng.pick(CONV_GRAD_DIFFICULTIES);
  const geometry =
    difficulty === "easy"
      ? { n: 3, k: 2, stride: 1, padding: 0 }
      : difficulty === "medium"
        ? { n: 4, k: rng.pick([2, 3]), stride: 1, padding: 0 }
        : rng.pick(HARD);
  const negatives = difficulty === "hard" ? -3 : 0;
  const input = matrixOf(rng, geometry.n, negatives, 5);
  const kernel = matrixOf(rng, geometry.k, -2, 3);
  const delta = matrixOf(rng, convGradOutputSize(geometry.n, geometry.k, geometry.stride, geometry.padding), -2, 3);
  return { difficulty, input, kernel, delta, stride: geometry.stride, padding: geometry.padding };
}

/** The engine's op for the variant: every key of these templates is one of its fields. */
export const convGradOp = (p: ConvGradParams) => ({
  op: "conv2d_grad",
  input: p.input,
  kernel: p.kernel,
  grad_output: p.delta,
  stride: p.stride,
  padding: p.padding,
});
