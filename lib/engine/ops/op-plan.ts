import type { tf } from "../tf";
import type { NestedArray } from "./nested-array";

/**
 * The engine's answer to an op. `output` always; `batchnorm` in train mode adds `running_mean`
 * and `running_var`, the running statistics after the batch (momentum 0.1, unbiased variance).
 */
export interface OpAnswer {
  output: NestedArray;
  running_mean?: number[];
  running_var?: number[];
}

/**
 * The engine's answer to a gradient op (`conv2d_grad`, `maxpool2d_grad`, `avgpool2d_grad`):
 * ∂L/∂input, and for a convolution ∂L/∂kernel and ∂L/∂bias, with L = Σ grad_output ⊙ output;
 * `kernel_after_step` (W − η·∂L/∂W) when a convolution's op gives a `learning_rate` η.
 */
export interface GradientAnswer {
  grad_input: NestedArray;
  grad_kernel?: NestedArray;
  grad_bias?: NestedArray;
  kernel_after_step?: NestedArray;
}

/**
 * A checked op, split where reading tensors back differs between backends: `compute` makes the
 * result tensors (called inside `tf.tidy`, so its intermediates are freed), `answer` turns their
 * values into the answer. `run` reads the values synchronously (cpu, wasm, WebGL); `runAsync`
 * awaits them, which WebGPU requires (it has no synchronous read of GPU memory).
 */
export interface OpPlan {
  compute(): tf.Tensor[];
  answer(values: Float32Array[]): OpAnswer | GradientAnswer;
}
