import { EngineError } from "./errors";
import { activate } from "./ops/activation";
import { batchNorm } from "./ops/batch-norm";
import { conv2dGrad } from "./ops/conv-grad";
import { convTranspose2d } from "./ops/conv-transpose";
import { correlate1d, correlate2d } from "./ops/correlate";
import type { NestedArray } from "./ops/nested-array";
import type { OpFields } from "./ops/op-options";
import type { GradientAnswer, OpAnswer, OpPlan } from "./ops/op-plan";
import { pool2d } from "./ops/pool";
import { avgPool2dGrad, maxPool2dGrad } from "./ops/pool-grad";
import { tf } from "./tf";

/**
 * `run(op)`: computes an op spec (DESIGN.md, "Engine spec") on TensorFlow.js tensors and answers
 * with plain nested arrays, channels first, batch left out except for `batchnorm`'s `[N]…` input.
 * Pure: no IO; it runs on whichever tfjs backend is active (`engineInfo()`). An op is checked in
 * full before any tensor exists, and every tensor it makes is disposed before it returns.
 *
 * Values are computed in float32, as tfjs (and PyTorch by default) does: `output` holds the
 * float32 results as JavaScript numbers (sigmoid(1) is 0.7310585975646973, not …786300049).
 */

export type { GradientAnswer, NestedArray, OpAnswer };

type Size = number | [number, number];

/** The op specs `run` takes; the field names are PyTorch's (`ceil_mode`, `output_padding`). */
export type OpSpec =
  | {
      op: "corr2d" | "conv2d";
      /** `[H][W]` or `[C][H][W]`. */
      input: NestedArray;
      /** `[kh][kw]`, `[C][kh][kw]` (summed over channels) or `[O][C][kh][kw]` (→ `[O][H'][W']`). */
      kernel: NestedArray;
      stride?: Size;
      padding?: Size;
      dilation?: Size;
      /** A number added to every output, or one per output channel. */
      bias?: number | number[];
    }
  | {
      op: "corr1d";
      /** `[L]` or `[C][L]`; kernel `[k]`, `[C][k]` or `[O][C][k]`. */
      input: NestedArray;
      kernel: NestedArray;
      stride?: number;
      padding?: number;
      dilation?: number;
      bias?: number | number[];
    }
  | {
      op: "maxpool2d" | "avgpool2d";
      input: NestedArray;
      kernel: Size;
      /** Defaults to `kernel`. */
      stride?: Size;
      padding?: Size;
      /** maxpool2d only; defaults to 1. */
      dilation?: Size;
      ceil_mode?: boolean;
      /** avgpool2d only; defaults to true, as in PyTorch. */
      count_include_pad?: boolean;
    }
  | {
      op: "conv2d_transpose";
      /** `[H][W]` with a `[kh][kw]` kernel, or `[C][H][W]` with `[C][O][kh][kw]` (PyTorch's layout). */
      input: NestedArray;
      kernel: NestedArray;
      stride?: Size;
      padding?: Size;
      output_padding?: Size;
      bias?: number | number[];
    }
  | {
      op: "batchnorm";
      /** `[N][C][H][W]` or `[N][F]`. */
      input: NestedArray;
      mode?: "train" | "eval";
      gamma?: number[];
      beta?: number[];
      eps?: number;
      /** PyTorch's convention: the weight of the new batch, 0.1 by default. */
      momentum?: number;
      running_mean?: number[];
      running_var?: number[];
    }
  | { op: "relu" | "sigmoid" | "tanh"; input: NestedArray };

/** Gradient ops (DESIGN.md, "Gradient ops"): PyTorch's autograd with L = Σ grad_output ⊙ output. */
export type GradientOpSpec =
  | {
      op: "conv2d_grad";
      /** `[H][W]` with a `[kh][kw]` kernel, or `[C][H][W]` with `[O][C][kh][kw]`; cross-correlation, as `corr2d`. */
      input: NestedArray;
      kernel: NestedArray;
      /** Shaped like the convolution's output: `[oh][ow]` or `[O][oh][ow]`. */
      grad_output: NestedArray;
      stride?: Size;
      padding?: Size;
      dilation?: Size;
      /** η > 0: the answer adds `kernel_after_step`, W − η·∂L/∂W. */
      learning_rate?: number;
    }
  | {
      op: "maxpool2d_grad" | "avgpool2d_grad";
      input: NestedArray;
      /** Shaped like the pooling's output. */
      grad_output: NestedArray;
      kernel: Size;
      stride?: Size;
      padding?: Size;
      /** maxpool2d_grad only. */
      dilation?: Size;
      ceil_mode?: boolean;
      /** avgpool2d_grad only; defaults to true. */
      count_include_pad?: boolean;
    };

export type OpName = OpSpec["op"] | GradientOpSpec["op"];

export const OP_NAMES: readonly OpName[] = [
  "corr2d", "conv2d", "corr1d", "maxpool2d", "avgpool2d", "conv2d_transpose", "batchnorm", "relu", "sigmoid", "tanh",
  "conv2d_grad", "maxpool2d_grad", "avgpool2d_grad",
];

/**
 * Computes one op spec; an invalid one throws an `EngineError` that says what is wrong. Reads the
 * result synchronously: on the cpu, wasm and WebGL backends, not WebGPU (use `runAsync` there).
 */
export function run(spec: OpSpec): OpAnswer;
export function run(spec: GradientOpSpec): GradientAnswer;
export function run(spec: unknown): OpAnswer | GradientAnswer;
export function run(spec: unknown): OpAnswer | GradientAnswer {
  const plan = planOp(spec);
  const tensors = tf.tidy(() => plan.compute());
  try {
    return plan.answer(tensors.map((tensor) => tensor.dataSync() as Float32Array));
  } finally {
    for (const tensor of tensors) tensor.dispose();
  }
}

/** `run`, reading the result asynchronously, as every backend allows (WebGPU requires it). */
export async function runAsync(spec: OpSpec): Promise<OpAnswer>;
export async function runAsync(spec: GradientOpSpec): Promise<GradientAnswer>;
export async function runAsync(spec: unknown): Promise<OpAnswer | GradientAnswer>;
export async function runAsync(spec: unknown): Promise<OpAnswer | GradientAnswer> {
  const plan = planOp(spec);
  const tensors = tf.tidy(() => plan.compute());
  try {
    return plan.answer((await Promise.all(tensors.map((tensor) => tensor.data()))) as Float32Array[]);
  } finally {
    for (const tensor of tensors) tensor.dispose();
  }
}

/** Checks an op spec and plans its computation; no tensor exists yet. */
function planOp(spec: unknown): OpPlan {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new EngineError("invalid-op", `op: expected an object like {"op": "corr2d", "input": …, "kernel": …}, got ${describe(spec)}`);
  }
  const fields = spec as OpFields;
  switch (fields.op) {
    case "corr2d":
      return correlate2d(fields, false);
    case "conv2d":
      return correlate2d(fields, true);
    case "corr1d":
      return correlate1d(fields);
    case "maxpool2d":
      return pool2d(fields, "max");
    case "avgpool2d":
      return pool2d(fields, "avg");
    case "conv2d_transpose":
      return convTranspose2d(fields);
    case "batchnorm":
      return batchNorm(fields);
    case "conv2d_grad":
      return conv2dGrad(fields);
    case "maxpool2d_grad":
      return maxPool2dGrad(fields);
    case "avgpool2d_grad":
      return avgPool2dGrad(fields);
    case "relu":
    case "sigmoid":
    case "tanh":
      return activate(fields, fields.op);
    case undefined:
      throw new EngineError("invalid-op", `op: the "op" field is missing (one of ${OP_NAMES.join(", ")})`);
    default:
      throw new EngineError("unknown-op", `op: unknown op ${JSON.stringify(fields.op)} (one of ${OP_NAMES.join(", ")})`);
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : typeof value;
}
