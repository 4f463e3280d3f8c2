import { EngineError } from "./errors";
import { correlate1d, correlate2d, CorrelationPlan } from "./ops/correlate";
import type { OpFields } from "./ops/op-options";
import { run } from "./run";
import { tf } from "./tf";

/**
 * `runMany(specs)`: the answers `run` gives, one per spec in order (an invalid spec answers its
 * `EngineError`, as `run` would throw it), for bulk callers such as `stride engine run`.
 *
 * Most bulk ops are small single-channel correlations (a 5×5 input ⋆ a 3×3 kernel), where tfjs's
 * bookkeeping for one op (two tensors made, a kernel dispatched, a scope opened and closed) costs
 * several times the arithmetic. Those with the same geometry are computed together: each op's
 * input becomes one channel of a single input and its kernel that channel's depthwise filter, so
 * one `depthwiseConv2d` does the work of the whole group.
 *
 * The answers are bit for bit `run`'s. tfjs's cpu `conv2D` and `depthwiseConv2dNative` run the
 * same loop for one input channel: per output value, the taps in row-major order, each product
 * (exact in float64) added to a float32 accumulator, and a bias is the same float32 addition
 * after. Ops whose values include a non-finite float32 (an input past 3.4e38) are not grouped.
 * Everything else goes through `run` itself.
 */
export function runMany(specs: readonly unknown[]): Array<ReturnType<typeof run> | EngineError> {
  const results: Array<ReturnType<typeof run> | EngineError | undefined> = new Array(specs.length);
  const groups = new Map<string, Array<{ index: number; plan: CorrelationPlan }>>();
  for (let index = 0; index < specs.length; index++) {
    try {
      const plan = groupablePlan(specs[index]);
      if (plan) {
        const key = groupKey(plan);
        const group = groups.get(key);
        if (group) group.push({ index, plan });
        else groups.set(key, [{ index, plan }]);
      } else {
        results[index] = run(specs[index]);
      }
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      results[index] = error;
    }
  }
  for (const group of groups.values()) {
    for (let start = 0; start < group.length; start += GROUP_LIMIT) {
      const members = group.slice(start, start + GROUP_LIMIT);
      if (members.length === 1) {
        results[members[0]!.index] = run(specs[members[0]!.index]);
        continue;
      }
      const answers = computeGroup(members.map((member) => member.plan));
      members.forEach((member, k) => (results[member.index] = answers[k]!));
    }
  }
  return results as Array<ReturnType<typeof run> | EngineError>;
}

/** Ops computed in one tfjs call at most: a group's tensors stay small (256 × a 5×5 map). */
const GROUP_LIMIT = 256;

/** The checked plan of a single-channel `corr2d`/`conv2d`/`corr1d` with finite values, else null. */
function groupablePlan(spec: unknown): CorrelationPlan | null {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) return null;
  const fields = spec as OpFields;
  const op = fields.op;
  if (op !== "corr2d" && op !== "conv2d" && op !== "corr1d") return null;
  const plan = op === "corr1d" ? correlate1d(fields) : correlate2d(fields, op === "conv2d");
  if (!(plan instanceof CorrelationPlan) || plan.c.input.channels !== 1) return null;
  if (!allFinite(plan.data) || !allFinite(plan.filter) || (plan.c.bias !== null && !allFinite(plan.c.bias))) return null;
  return plan;
}

function allFinite(values: Float32Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/** Ops that share a key share every number of the tfjs call but the values. */
function groupKey(plan: CorrelationPlan): string {
  const { input, kernel, stride, padding, bias } = plan.c;
  return `${input.height},${input.width},${kernel.out},${plan.span[0]},${plan.span[1]},${stride[0]},${stride[1]},${padding[0]},${padding[1]},${bias !== null}`;
}

/**
 * One depthwise convolution for `n` plans: input `[1, H, W, n]` (op k's map as channel k), filter
 * `[span h, span w, n, O]` (op k's `[span h][span w][1][O]` kernel as channel k's multiplier
 * filters), output channel `k·O + o` is op k's output channel o, as tfjs orders a depthwise output.
 */
function computeGroup(plans: readonly CorrelationPlan[]): Array<ReturnType<typeof run>> {
  const n = plans.length;
  const first = plans[0]!;
  const { height, width } = first.c.input;
  const out = first.c.kernel.out;
  const taps = first.span[0] * first.span[1];
  const pixels = height * width;
  const x = new Float32Array(pixels * n);
  const w = new Float32Array(taps * n * out);
  const bias = first.c.bias === null ? null : new Float32Array(n * out);
  plans.forEach((plan, k) => {
    for (let p = 0; p < pixels; p++) x[p * n + k] = plan.data[p]!;
    for (let t = 0; t < taps; t++) {
      for (let o = 0; o < out; o++) w[(t * n + k) * out + o] = plan.filter[t * out + o]!;
    }
    if (bias && plan.c.bias) for (let o = 0; o < out; o++) bias[k * out + o] = plan.c.bias[o]!;
  });
  const { stride, padding } = first.c;
  const result = tf.tidy(() => {
    const y = tf.depthwiseConv2d(
      tf.tensor4d(x, [1, height, width, n]),
      tf.tensor4d(w, [first.span[0], first.span[1], n, out]),
      stride,
      [[0, 0], [padding[0], padding[0]], [padding[1], padding[1]], [0, 0]],
    );
    return bias ? tf.add(y, tf.tensor1d(bias)) : y;
  });
  let values: Float32Array;
  try {
    values = result.dataSync() as Float32Array;
  } finally {
    result.dispose();
  }
  const channels = n * out;
  const positions = values.length / channels;
  return plans.map((plan, k) => {
    const own = new Float32Array(positions * out);
    for (let p = 0; p < positions; p++) {
      for (let o = 0; o < out; o++) own[p * out + o] = values[p * channels + k * out + o]!;
    }
    return plan.answer([own]);
  });
}
