import { channelsFirstToLast, channelsLastToFirst, torchKernelToTf } from "../layout";
import { transposedOutputSize } from "../shapes";
import { tf } from "../tf";
import { readBias } from "./bias";
import { checkSize, invalid, nest, readArray, shapeText } from "./nested-array";
import type { OpPlan } from "./op-plan";
import { checkFields, type OpFields, readPair } from "./op-options";

/**
 * `conv2d_transpose` (d2l 13.10 zh / 14.10 en; NNDL 5.5.1's 转置卷积, 微步卷积 for stride > 1),
 * with PyTorch's `ConvTranspose2d` semantics: each input value scales the whole kernel, the
 * scaled kernels are added at stride `s` into an output of `(n − 1)·s + k`, then `padding` rows
 * and columns are cut from each side and `output_padding` added back at the bottom and right, so
 * `out = (n − 1)·s − 2p + k + output_padding` (`transposedOutputSize`).
 *
 * `[H][W]` with a `[kh][kw]` kernel gives `[H'][W']`; `[C][H][W]` with a `[C][O][kh][kw]` kernel
 * (PyTorch's layout: input channels first) gives `[O][H'][W']`. tfjs's `conv2dTranspose` computes
 * the uncut `(n − 1)·s + k` output ("valid"); the cut and the output padding are a slice of it,
 * after zeros where `output_padding` reaches past it.
 */

const FIELDS = ["input", "kernel", "stride", "padding", "output_padding", "bias"] as const;

export function convTranspose2d(spec: OpFields): OpPlan {
  const op = "conv2d_transpose";
  checkFields(op, spec, FIELDS);
  const input = readArray(op, "input", spec.input, [2, 3]);
  const kernel = readArray(op, "kernel", spec.kernel, [2, 4]);
  const plain = input.shape.length === 2;
  if (plain !== (kernel.shape.length === 2)) {
    throw invalid(op, `an [H][W] input takes a [kh][kw] kernel and a [C][H][W] input a [C][O][kh][kw] kernel, got ${shapeText(input.shape)} and ${shapeText(kernel.shape)}`);
  }
  const [channels, height, width] = (plain ? [1, ...input.shape] : input.shape) as [number, number, number];
  const [kernelIn, out, kh, kw] = (plain ? [1, 1, ...kernel.shape] : kernel.shape) as [number, number, number, number];
  if (kernelIn !== channels) {
    throw invalid(op, `the kernel ${shapeText(kernel.shape)} has ${kernelIn} input channel(s) (its first axis), the input ${shapeText(input.shape)} has ${channels}`);
  }
  const stride = readPair(op, spec, "stride", [1, 1], 1);
  const padding = readPair(op, spec, "padding", [0, 0], 0);
  const outputPadding = readPair(op, spec, "output_padding", [0, 0], 0);
  const bias = readBias(op, spec.bias, out);
  for (const axis of [0, 1] as const) {
    // PyTorch: "output padding must be smaller than either stride or dilation" (no dilation here).
    if (outputPadding[axis] >= stride[axis]) {
      throw invalid(op, `output_padding ${outputPadding[axis]} must be smaller than the stride ${stride[axis]}`);
    }
  }
  const outHeight = transposedOutputSize(height, kh, padding[0], stride[0], outputPadding[0]);
  const outWidth = transposedOutputSize(width, kw, padding[1], stride[1], outputPadding[1]);
  if (outHeight < 1 || outWidth < 1) {
    throw invalid(op, `the output would be ${outHeight}×${outWidth}: padding ${padding.join("×")} cuts away more than the ${(height - 1) * stride[0] + kh}×${(width - 1) * stride[1] + kw} result`);
  }
  checkSize(op, "output", [out, outHeight, outWidth]);

  const fullHeight = (height - 1) * stride[0] + kh;
  const fullWidth = (width - 1) * stride[1] + kw;
  checkSize(op, "uncut output", [out, fullHeight, fullWidth]);
  const data = channelsFirstToLast(input.values, 1, channels, height * width);
  const filter = torchKernelToTf(kernel.values, channels, out, kh, kw);
  return {
    compute: () => {
      const x = tf.tensor4d(data, [1, height, width, channels]);
      const w = tf.tensor4d(filter, [kh, kw, out, channels]);
      const full = tf.conv2dTranspose(x, w, [1, fullHeight, fullWidth, out], stride, "valid");
      const extra: [number, number] = [Math.max(0, outputPadding[0] - padding[0]), Math.max(0, outputPadding[1] - padding[1])];
      const extended = extra[0] > 0 || extra[1] > 0 ? tf.pad(full, [[0, 0], [0, extra[0]], [0, extra[1]], [0, 0]]) : full;
      const cut = tf.slice(extended, [0, padding[0], padding[1], 0], [1, outHeight, outWidth, out]);
      return [bias ? tf.add(cut, tf.tensor1d(bias)) : cut];
    },
    answer: ([values]) => {
      const chw = channelsLastToFirst(values!, 1, out, outHeight * outWidth);
      return { output: nest(op, chw, plain ? [outHeight, outWidth] : [out, outHeight, outWidth]) };
    },
  };
}
