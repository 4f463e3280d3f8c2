import { channelsFirstToLast, channelsLastToFirst } from "../layout";
import { poolOutputSize } from "../shapes";
import { tf } from "../tf";
import { checkSize, type DenseArray, invalid, nest, readArray } from "./nested-array";
import type { OpPlan } from "./op-plan";
import { checkFields, type OpFields, type Pair, readBoolean, readPair } from "./op-options";

/**
 * `maxpool2d` and `avgpool2d` with PyTorch's semantics (d2l 6.5 zh / 7.5 en; `torch.nn.MaxPool2d`,
 * `torch.nn.AvgPool2d`), on an `[H][W]` or `[C][H][W]` input, each channel pooled on its own.
 *
 * tfjs pools with TensorFlow's conventions, which differ: its padded average leaves the padding
 * out of the divisor (PyTorch counts it unless `count_include_pad: false`), it has no
 * `ceil_mode`, and its `maxPool` takes no dilation. So the padding is done here and tfjs pools the
 * padded tensor with "valid":
 * - max pools a tensor padded with −∞, so padding never wins (PyTorch pads max pooling with −∞);
 *   with `dilation` > 1 each of the `kh·kw` taps is a strided slice of the padded tensor and the
 *   output their element-wise maximum, the window `X[o·s − p + a·d]` of PyTorch's MaxPool2d;
 * - with `ceil_mode` the right and bottom get as much more padding as the last window needs;
 *   PyTorch keeps a window only if it starts inside the input or the left padding
 *   (`poolOutputSize`), and padding ≤ kernel/2, so every undilated window holds at least one
 *   input value (a dilated one may not: see `checkWindowsReachInput`);
 * - average pools zero padding and then rescales each window from `kh·kw` to PyTorch's divisor
 *   (`avgPoolDivisor`).
 */

const MAX_FIELDS = ["input", "kernel", "stride", "padding", "dilation", "ceil_mode"] as const;
const AVG_FIELDS = ["input", "kernel", "stride", "padding", "ceil_mode", "count_include_pad"] as const;

/** A checked pooling: its input (channels last, as tfjs wants it) and its windows. */
export interface PoolGeometry {
  op: string;
  kind: "max" | "avg";
  input: DenseArray;
  /** True for an `[H][W]` input: the answer leaves the channel axis out too. */
  plain: boolean;
  channels: number;
  size: Pair;
  kernel: Pair;
  stride: Pair;
  padding: Pair;
  dilation: Pair;
  countIncludePad: boolean;
  output: Pair;
  /** tfjs padding `[[0, 0], [top, bottom], [left, right], [0, 0]]`: PyTorch's, plus what ceil_mode's last window needs. */
  paddings: Array<[number, number]>;
  /** The input's values channels last, `[H][W][C]`. */
  data: Float32Array;
  /** avgpool2d: `kh·kw / divisor` per output position (`avgPoolScale`), null when every divisor is `kh·kw`. */
  scale: Float32Array | null;
}

/** Reads and checks the fields a pooling op shares with its gradient; `extra` are the op's other fields. */
export function readPool(op: string, spec: OpFields, kind: "max" | "avg", extra: readonly string[] = []): PoolGeometry {
  checkFields(op, spec, [...(kind === "max" ? MAX_FIELDS : AVG_FIELDS), ...extra]);
  const input = readArray(op, "input", spec.input, [2, 3]);
  const plain = input.shape.length === 2;
  const [channels, height, width] = (plain ? [1, ...input.shape] : input.shape) as [number, number, number];
  const kernel = readPair(op, spec, "kernel", undefined, 1);
  const stride = readPair(op, spec, "stride", kernel, 1);
  const padding = readPair(op, spec, "padding", [0, 0], 0);
  const dilation = readPair(op, spec, "dilation", [1, 1], 1);
  const ceilMode = readBoolean(op, spec, "ceil_mode", false);
  const countIncludePad = readBoolean(op, spec, "count_include_pad", true);

  for (const axis of [0, 1] as const) {
    // PyTorch: "pad should be at most half of kernel size" (the kernel, not its dilated span).
    if (2 * padding[axis] > kernel[axis]) {
      throw invalid(op, `padding ${padding[axis]} is more than half the kernel ${kernel[axis]} (PyTorch refuses it)`);
    }
  }
  const size: Pair = [height, width];
  const output: Pair = [
    poolOutputSize(height, kernel[0], padding[0], stride[0], ceilMode, dilation[0]),
    poolOutputSize(width, kernel[1], padding[1], stride[1], ceilMode, dilation[1]),
  ];
  // A kernel larger than the padded input is refused by PyTorch only when no window remains: with
  // ceil_mode the one window starting at the top left is kept (and clipped), as `analyze` says.
  if (output[0] < 1 || output[1] < 1) {
    const span = (axis: 0 | 1) => dilation[axis] * (kernel[axis] - 1) + 1;
    const dilated = dilation[0] > 1 || dilation[1] > 1 ? ", dilated" : "";
    throw invalid(
      op,
      `the kernel (${span(0)}×${span(1)}${dilated}) is larger than the padded input (${height + 2 * padding[0]}×${width + 2 * padding[1]}), so the output would be smaller than 1`,
    );
  }
  checkSize(op, "output", [channels, ...output]);
  if (dilation[0] > 1 || dilation[1] > 1) checkWindowsReachInput(op, size, kernel, stride, padding, dilation, output);
  // Right/bottom padding so that "valid" pooling gives exactly the windows PyTorch keeps.
  const bottom = Math.max(padding[0], (output[0] - 1) * stride[0] + dilation[0] * (kernel[0] - 1) + 1 - padding[0] - height);
  const right = Math.max(padding[1], (output[1] - 1) * stride[1] + dilation[1] * (kernel[1] - 1) + 1 - padding[1] - width);
  return {
    op,
    kind,
    input,
    plain,
    channels,
    size,
    kernel,
    stride,
    padding,
    dilation,
    countIncludePad,
    output,
    paddings: [[0, 0], [padding[0], bottom], [padding[1], right], [0, 0]],
    data: channelsFirstToLast(input.values, 1, channels, height * width),
    scale: kind === "avg" ? avgPoolScale(size, kernel, stride, padding, output, countIncludePad) : null,
  };
}

/**
 * A dilated window can fall wholly in the padding (kernel 2, dilation 5, padding 1 on a row of 4:
 * taps at −1 and 4), where PyTorch answers −∞, which no JSON number holds; refused by name. An
 * undilated window always reaches the input (padding ≤ kernel/2, windows start before `n + p`).
 */
function checkWindowsReachInput(op: string, size: Pair, kernel: Pair, stride: Pair, padding: Pair, dilation: Pair, output: Pair): void {
  for (const axis of [0, 1] as const) {
    for (let o = 0; o < output[axis]; o++) {
      const start = o * stride[axis] - padding[axis];
      let reaches = false;
      for (let a = 0; a < kernel[axis] && !reaches; a++) {
        const at = start + a * dilation[axis];
        reaches = at >= 0 && at < size[axis];
      }
      if (!reaches) {
        throw invalid(
          op,
          `with dilation ${dilation[axis]}, window ${o} along the ${axis === 0 ? "height" : "width"} covers only padding (PyTorch would answer −infinity)`,
        );
      }
    }
  }
}

export function pool2d(spec: OpFields, kind: "max" | "avg"): OpPlan {
  const pool = readPool(`${kind}pool2d`, spec, kind);
  const [outHeight, outWidth] = pool.output;
  return {
    compute: () => [poolTensor(pool, tf.tensor4d(pool.data, [1, pool.size[0], pool.size[1], pool.channels]))],
    answer: ([values]) => {
      const chw = channelsLastToFirst(values!, 1, pool.channels, outHeight * outWidth);
      return { output: nest(pool.op, chw, pool.plain ? [outHeight, outWidth] : [pool.channels, outHeight, outWidth]) };
    },
  };
}

/** The pooled `[1, oh, ow, C]` of an `[1, H, W, C]` tensor, with PyTorch's windows and divisors; differentiable in `x`. */
export function poolTensor(pool: PoolGeometry, x: tf.Tensor4D): tf.Tensor4D {
  const { kind, kernel, stride, dilation, output, channels } = pool;
  const padded = tf.pad(x, pool.paddings, kind === "max" ? -Infinity : 0);
  if (kind === "max" && (dilation[0] > 1 || dilation[1] > 1)) {
    let pooled: tf.Tensor4D | null = null;
    for (let a = 0; a < kernel[0]; a++) {
      for (let b = 0; b < kernel[1]; b++) {
        const top = a * dilation[0];
        const left = b * dilation[1];
        const end = [1, top + (output[0] - 1) * stride[0] + 1, left + (output[1] - 1) * stride[1] + 1, channels];
        const tap = tf.stridedSlice(padded, [0, top, left, 0], end, [1, stride[0], stride[1], 1]) as tf.Tensor4D;
        pooled = pooled ? tf.maximum<tf.Tensor4D>(pooled, tap) : tap;
      }
    }
    return pooled!;
  }
  const pooled = kind === "max" ? tf.maxPool(padded, kernel, stride, "valid") : tf.avgPool(padded, kernel, stride, "valid");
  const windows = tf.slice(pooled, [0, 0, 0, 0], [1, output[0], output[1], channels]);
  return pool.scale ? tf.mul(windows, tf.tensor4d(pool.scale, [1, output[0], output[1], 1])) : windows;
}

/**
 * PyTorch's divisor of one average-pooling window along one axis (`avg_pool2d` in
 * `aten/src/ATen/native/cpu/AvgPoolKernel.cpp`): the window `[start, start + k)` with
 * `start = o·s − p` is clipped to the padded input, `end = min(start + k, n + p)`, and that length
 * is the divisor with `count_include_pad` (padding counts, the ceil_mode overhang past it does
 * not); without, it is clipped to the input itself, `[max(start, 0), min(end, n))`.
 */
export function avgPoolDivisor(output: number, size: number, kernel: number, stride: number, padding: number, countIncludePad: boolean): number {
  const start = output * stride - padding;
  const end = Math.min(start + kernel, size + padding);
  if (countIncludePad) return end - start;
  return Math.min(end, size) - Math.max(start, 0);
}

/** `kh·kw / divisor` per output position: tfjs's "valid" average divides by `kh·kw`. Null when all are 1. */
function avgPoolScale(size: Pair, kernel: Pair, stride: Pair, padding: Pair, output: Pair, countIncludePad: boolean): Float32Array | null {
  const rows = Array.from({ length: output[0] }, (_, o) => avgPoolDivisor(o, size[0], kernel[0], stride[0], padding[0], countIncludePad));
  const columns = Array.from({ length: output[1] }, (_, o) => avgPoolDivisor(o, size[1], kernel[1], stride[1], padding[1], countIncludePad));
  const area = kernel[0] * kernel[1];
  if (rows.every((r) => r === kernel[0]) && columns.every((c) => c === kernel[1])) return null;
  const scale = new Float32Array(output[0] * output[1]);
  rows.forEach((r, i) => columns.forEach((c, j) => (scale[i * output[1] + j] = area / (r * c))));
  return scale;
}
