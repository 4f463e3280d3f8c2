import { channelsFirstToLast, channelsLastToFirst } from "../layout";
import { tf } from "../tf";
import { invalid, nest, readArray } from "./nested-array";
import type { OpPlan } from "./op-plan";
import { checkFields, type OpFields, readNumber } from "./op-options";

/**
 * `batchnorm` (d2l 7.5 zh / 8.5 en; PyTorch `BatchNorm1d` on `[N][F]`, `BatchNorm2d` on
 * `[N][C][H][W]`): per channel, `y = γ·(x − μ)/√(σ² + ε) + β`.
 *
 * - `mode: "train"` (the default, as a new PyTorch module): μ and σ² are the batch's mean and
 *   **biased** variance (divide by `m`, the values per channel: `N` or `N·H·W`); the answer also
 *   carries the running statistics after this batch, PyTorch's update with `momentum` (0.1):
 *   `running_mean ← (1 − momentum)·running_mean + momentum·μ`, and the same for `running_var`
 *   with the **unbiased** variance `σ²·m/(m − 1)`.
 * - `mode: "eval"`: μ and σ² are `running_mean` and `running_var`; no statistics change.
 *
 * Defaults are those of a new PyTorch layer: γ = 1, β = 0, ε = 1e-5, running mean 0, variance 1.
 */

const FIELDS = ["input", "mode", "gamma", "beta", "eps", "momentum", "running_mean", "running_var"] as const;

export function batchNorm(spec: OpFields): OpPlan {
  const op = "batchnorm";
  checkFields(op, spec, FIELDS);
  const mode = spec.mode ?? "train";
  if (mode !== "train" && mode !== "eval") throw invalid(op, `mode must be "train" or "eval", got ${JSON.stringify(mode)}`);
  const input = readArray(op, "input", spec.input, [2, 4]);
  const [batch, channels, ...spatialShape] = input.shape as [number, number, ...number[]];
  const spatial = spatialShape.reduce((product, size) => product * size, 1);
  const perChannel = (field: string, fallback: number, nonNegative = false) => {
    if (spec[field] === undefined) return new Float32Array(channels).fill(fallback);
    const { values } = readArray(op, field, spec[field], [1]);
    if (values.length !== channels) throw invalid(op, `${field} must have ${channels} values (one per channel), got ${values.length}`);
    if (nonNegative && values.some((value) => value < 0)) throw invalid(op, `${field} must not be negative`);
    return values;
  };
  const gamma = perChannel("gamma", 1);
  const beta = perChannel("beta", 0);
  const runningMean = perChannel("running_mean", 0);
  const runningVar = perChannel("running_var", 1, true);
  const eps = readNumber(op, spec, "eps", 1e-5, 0);
  const momentum = readNumber(op, spec, "momentum", 0.1, 0, 1);
  const count = batch * spatial;
  if (mode === "train" && count < 2) {
    // PyTorch: "Expected more than 1 value per channel when training".
    throw invalid(op, `training needs more than one value per channel, got ${count} (N·H·W)`);
  }
  if (mode === "eval" && eps === 0 && runningVar.some((value) => value === 0)) {
    throw invalid(op, "running_var 0 with eps 0 divides by zero");
  }

  const data = channelsFirstToLast(input.values, batch, channels, spatial);
  const axes = input.shape.length === 4 ? [0, 1, 2] : [0];
  const nhwc = input.shape.length === 4 ? [batch, spatialShape[0]!, spatialShape[1]!, channels] : [batch, channels];
  return {
    compute: () => {
      const x = tf.tensor(data, nhwc);
      const normalise = (mean: tf.Tensor, variance: tf.Tensor) => tf.batchNorm(x, mean, variance, tf.tensor1d(beta), tf.tensor1d(gamma), eps);
      if (mode === "eval") return [normalise(tf.tensor1d(runningMean), tf.tensor1d(runningVar))];
      const { mean, variance } = tf.moments(x, axes);
      return [normalise(mean, variance), mean, variance];
    },
    answer: ([values, batchMean, batchVar]) => {
      if (mode === "train" && eps === 0 && batchVar!.some((value) => value === 0)) {
        throw invalid(op, "a channel with zero batch variance and eps 0 divides by zero");
      }
      const output = nest(op, channelsLastToFirst(values!, batch, channels, spatial), input.shape);
      if (mode === "eval") return { output };
      const update = (old: Float32Array, batchValue: (c: number) => number) =>
        Array.from(old, (value, c) => Math.fround((1 - momentum) * value + momentum * batchValue(c)));
      return {
        output,
        running_mean: update(runningMean, (c) => batchMean![c]!),
        running_var: update(runningVar, (c) => (batchVar![c]! * count) / (count - 1)),
      };
    },
  };
}
