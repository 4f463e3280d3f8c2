import { channelsFirstToLast, channelsLastToFirst } from "../layout";
import { poolOutputSize } from "../shapes";
import { tf } from "../tf";
import { checkSize, invalid, nest, readArray } from "./nested-array";
import type { OpPlan } from "./op-plan";
import { checkFields, type OpFields, type Pair, readBoolean, readPair } from "./op-options";

/**
 * `maxpool2d` and `avgpool2d` with PyTorch's semantics (d2l 6.5 zh / 7.5 en; `torch.nn.MaxPool2d`,
 * `torch.nn.AvgPool2d`), on an `[H][W]` or `[C][H][W]` input, each channel pooled on its own.
 *
 * tfjs pools with TensorFlow's conventions, which differ: its padded average leaves the padding
 * out of the divisor (PyTorch counts it unless `count_include_pad: false`) and it has no
 * `ceil_mode`. So the padding is done here and tfjs pools the padded tensor with "valid":
 * - max pools a tensor padded with −∞, so padding never wins (PyTorch pads max pooling with −∞);
 * - with `ceil_mode` the right and bottom get as much more padding as the last window needs;
 *   PyTorch keeps a window only if it starts inside the input or the left padding
 *   (`poolOutputSize`), and padding ≤ kernel/2, so every window holds at least one input value;
 * - average pools zero padding and then rescales each window from `kh·kw` to PyTorch's divisor
 *   (`avgPoolDivisor`).
 */

const MAX_FIELDS = ["input", "kernel", "stride", "padding", "ceil_mode"] as const;
const AVG_FIELDS = [...MAX_FIELDS, "count_include_pad"] as const;

export function pool2d(spec: OpFields, kind: "max" | "avg"): OpPlan {
  const op = `${kind}pool2d`;
  checkFields(op, spec, kind === "max" ? MAX_FIELDS : AVG_FIELDS);
  const input = readArray(op, "input", spec.input, [2, 3]);
  const [channels, height, width] = (input.shape.length === 2 ? [1, ...input.shape] : input.shape) as [number, number, number];
  const kernel = readPair(op, spec, "kernel", undefined, 1);
  const stride = readPair(op, spec, "stride", kernel, 1);
  const padding = readPair(op, spec, "padding", [0, 0], 0);
  const ceilMode = readBoolean(op, spec, "ceil_mode", false);
  const countIncludePad = readBoolean(op, spec, "count_include_pad", true);

  for (const axis of [0, 1] as const) {
    // PyTorch: "pad should be at most half of effective kernel size".
    if (2 * padding[axis] > kernel[axis]) {
      throw invalid(op, `padding ${padding[axis]} is more than half the kernel ${kernel[axis]} (PyTorch refuses it)`);
    }
  }
  const outHeight = poolOutputSize(height, kernel[0], padding[0], stride[0], ceilMode);
  const outWidth = poolOutputSize(width, kernel[1], padding[1], stride[1], ceilMode);
  // A kernel larger than the padded input is refused by PyTorch only when no window remains: with
  // ceil_mode the one window starting at the top left is kept (and clipped), as `analyze` says.
  if (outHeight < 1 || outWidth < 1) {
    throw invalid(
      op,
      `the kernel (${kernel.join("×")}) is larger than the padded input (${height + 2 * padding[0]}×${width + 2 * padding[1]}), so the output would be smaller than 1`,
    );
  }
  checkSize(op, "output", [channels, outHeight, outWidth]);
  // Right/bottom padding so that "valid" pooling gives exactly the windows PyTorch keeps.
  const bottom = Math.max(padding[0], (outHeight - 1) * stride[0] + kernel[0] - padding[0] - height);
  const right = Math.max(padding[1], (outWidth - 1) * stride[1] + kernel[1] - padding[1] - width);
  const paddings: Array<[number, number]> = [[0, 0], [padding[0], bottom], [padding[1], right], [0, 0]];

  const data = channelsFirstToLast(input.values, 1, channels, height * width);
  const scale = kind === "avg" ? avgPoolScale([height, width], kernel, stride, padding, [outHeight, outWidth], countIncludePad) : null;
  return {
    compute: () => {
      const x = tf.tensor4d(data, [1, height, width, channels]);
      const padded = tf.pad(x, paddings, kind === "max" ? -Infinity : 0);
      const pooled = kind === "max" ? tf.maxPool(padded, kernel, stride, "valid") : tf.avgPool(padded, kernel, stride, "valid");
      const windows = tf.slice(pooled, [0, 0, 0, 0], [1, outHeight, outWidth, channels]);
      return [scale ? tf.mul(windows, tf.tensor4d(scale, [1, outHeight, outWidth, 1])) : windows];
    },
    answer: ([values]) => {
      const chw = channelsLastToFirst(values!, 1, channels, outHeight * outWidth);
      return { output: nest(op, chw, input.shape.length === 2 ? [outHeight, outWidth] : [channels, outHeight, outWidth]) };
    },
  };
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
