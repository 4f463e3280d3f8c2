import { channelsFirstToLast, channelsLastToFirst, torchKernelToTf } from "../layout";
import { convOutputSize } from "../shapes";
import { tf } from "../tf";
import { checkSize, type DenseArray, invalid, nest, readArray, shapeText } from "./nested-array";
import type { OpPlan } from "./op-plan";
import { checkFields, type OpFields, type Pair, readInt, readPair } from "./op-options";
import { readBias } from "./bias";

/**
 * `corr2d`, `conv2d` and `corr1d`: the sliding-window sum of d2l 6.2 (zh) / 7.2 (en),
 * `Y[i][j] = Σ_a Σ_b X[i·s + a·d][j·s + b·d] · K[a][b]` (after padding), summed over input
 * channels (d2l 6.4); `conv2d` is the same with the kernel turned 180° first, which is the
 * convolution of mathematics and of NNDL 5.1 (`y = w ⊗ x`, NNDL eq. 5.4).
 * Output size per axis: `floor((n + 2p − d·(k − 1) − 1)/s) + 1` (`convOutputSize`).
 */

const FIELDS = ["input", "kernel", "stride", "padding", "dilation", "bias"] as const;

/** One tfjs conv2d's worth of work, channels first: `[C][H][W]` ⋆ `[O][C][kh][kw]` → `[O][oh][ow]`. */
export interface Correlation {
  op: string;
  input: { channels: number; height: number; width: number; values: Float32Array };
  kernel: { out: number; height: number; width: number; values: Float32Array };
  stride: Pair;
  padding: Pair;
  dilation: Pair;
  bias: Float32Array | null;
  flip: boolean;
  /** The answer's axes: `[O]` only for an `[O][C]…` kernel; no height for `corr1d`. */
  multiOutput: boolean;
  oneDimensional: boolean;
}

/** `corr2d` (flip false) and `conv2d` (flip true). */
export function correlate2d(spec: OpFields, flip: boolean): OpPlan {
  const op = flip ? "conv2d" : "corr2d";
  checkFields(op, spec, FIELDS);
  const input = readArray(op, "input", spec.input, [2, 3]);
  const kernel = readArray(op, "kernel", spec.kernel, [2, 3, 4]);
  const [channels, height, width] = input.shape.length === 2 ? [1, ...input.shape] : input.shape;
  const { out, multiOutput } = kernelChannels(op, input, kernel, "[kh][kw]", "[H][W]", "[C][H][W]");
  const [kernelHeight, kernelWidth] = kernel.shape.slice(-2);
  return correlate({
    op,
    input: { channels: channels!, height: height!, width: width!, values: input.values },
    kernel: { out, height: kernelHeight!, width: kernelWidth!, values: kernel.values },
    stride: readPair(op, spec, "stride", [1, 1], 1),
    padding: readPair(op, spec, "padding", [0, 0], 0),
    dilation: readPair(op, spec, "dilation", [1, 1], 1),
    bias: readBias(op, spec.bias, out),
    flip,
    multiOutput,
    oneDimensional: false,
  });
}

/** `corr1d`: the 2-D correlation of a `[C][1][L]` input, so tfjs's conv2d does the work. */
export function correlate1d(spec: OpFields): OpPlan {
  const op = "corr1d";
  checkFields(op, spec, FIELDS);
  const input = readArray(op, "input", spec.input, [1, 2]);
  const kernel = readArray(op, "kernel", spec.kernel, [1, 2, 3]);
  const [channels, length] = input.shape.length === 1 ? [1, ...input.shape] : input.shape;
  const { out, multiOutput } = kernelChannels(op, input, kernel, "[k]", "[L]", "[C][L]");
  return correlate({
    op,
    input: { channels: channels!, height: 1, width: length!, values: input.values },
    kernel: { out, height: 1, width: kernel.shape.at(-1)!, values: kernel.values },
    stride: [1, readInt(op, spec, "stride", 1, 1)],
    padding: [0, readInt(op, spec, "padding", 0, 0)],
    dilation: [1, readInt(op, spec, "dilation", 1, 1)],
    bias: readBias(op, spec.bias, out),
    flip: false,
    multiOutput,
    oneDimensional: true,
  });
}

/**
 * Which kernel ranks go with which input ranks: a single-channel kernel with a single-channel
 * input; `[C]…` (summed over channels, one output) with a `[C]…` input; `[O][C]…` (one output
 * channel per `O`) with either, a single-channel input counting as `C = 1`.
 */
function kernelChannels(op: string, input: DenseArray, kernel: DenseArray, plain: string, plainInput: string, channelsInput: string) {
  const spatial = plain === "[k]" ? 1 : 2;
  const inputHasChannels = input.shape.length > spatial;
  const inputChannels = inputHasChannels ? input.shape[0]! : 1;
  const kernelRank = kernel.shape.length - spatial;
  if (kernelRank === 0 && inputHasChannels) {
    throw invalid(op, `a ${plain} kernel takes a ${plainInput} input; for a ${channelsInput} input give a [C]${plain} or [O][C]${plain} kernel`);
  }
  if (kernelRank === 1 && !inputHasChannels) {
    throw invalid(op, `a [C]${plain} kernel takes a ${channelsInput} input, got ${plainInput} ${shapeText(input.shape)}`);
  }
  const kernelInChannels = kernelRank === 0 ? 1 : kernelRank === 1 ? kernel.shape[0]! : kernel.shape[1]!;
  if (kernelInChannels !== inputChannels) {
    throw invalid(
      op,
      `the kernel ${shapeText(kernel.shape)} has ${kernelInChannels} input channel(s), the input ${shapeText(input.shape)} has ${inputChannels}`,
    );
  }
  return { out: kernelRank === 2 ? kernel.shape[0]! : 1, multiOutput: kernelRank === 2 };
}

function correlate(c: Correlation): OpPlan {
  const { op, input, kernel, stride, padding, dilation } = c;
  const spanHeight = dilation[0] * (kernel.height - 1) + 1;
  const spanWidth = dilation[1] * (kernel.width - 1) + 1;
  const paddedHeight = input.height + 2 * padding[0];
  const paddedWidth = input.width + 2 * padding[1];
  if (spanHeight > paddedHeight || spanWidth > paddedWidth) {
    const dilated = dilation[0] > 1 || dilation[1] > 1 ? ", dilated" : "";
    throw invalid(
      op,
      `the kernel (${spanHeight}×${spanWidth}${dilated}) is larger than the padded input (${paddedHeight}×${paddedWidth})`,
    );
  }
  const height = convOutputSize(input.height, kernel.height, padding[0], stride[0], dilation[0]);
  const width = convOutputSize(input.width, kernel.width, padding[1], stride[1], dilation[1]);
  checkSize(op, "output", [kernel.out, height, width]);

  const spread = spreadKernel(kernel.values, kernel.out * input.channels, kernel.height, kernel.width, dilation, c.flip);
  const filter = torchKernelToTf(spread, kernel.out, input.channels, spanHeight, spanWidth);
  const data = channelsFirstToLast(input.values, 1, input.channels, input.height * input.width);
  const spatial = c.oneDimensional ? [width] : [height, width];
  return new CorrelationPlan(c, data, filter, [spanHeight, spanWidth], c.multiOutput ? [kernel.out, ...spatial] : spatial);
}

/**
 * A class rather than an object of closures: `run` makes one per op, thousands a second. Its
 * fields are readable so that `runMany` (`run-batch.ts`) can compute many single-channel plans
 * in one tfjs call: `data` is the input channels last, `filter` the kernel as tfjs lays it out
 * (`[span h][span w][C][O]`, already flipped and dilated).
 */
export class CorrelationPlan implements OpPlan {
  constructor(
    readonly c: Correlation,
    readonly data: Float32Array,
    readonly filter: Float32Array,
    readonly span: Pair,
    private readonly answerShape: number[],
  ) {}

  compute() {
    const { input, kernel, stride, padding, bias } = this.c;
    const x = tf.tensor4d(this.data, [1, input.height, input.width, input.channels]);
    const w = tf.tensor4d(this.filter, [this.span[0], this.span[1], input.channels, kernel.out]);
    // tfjs's explicit padding adds zeros on each side, PyTorch's `padding`.
    const y = tf.conv2d(x, w, stride, [[0, 0], [padding[0], padding[0]], [padding[1], padding[1]], [0, 0]]);
    return [bias ? tf.add(y, tf.tensor1d(bias)) : y];
  }

  answer([values]: Float32Array[]) {
    const out = this.c.kernel.out;
    return { output: nest(this.c.op, channelsLastToFirst(values!, 1, out, values!.length / out), this.answerShape) };
  }
}

/**
 * Each `kh×kw` plane of the kernel turned 180° (`flip`) and spread out with `d − 1` zeros between
 * taps (dilation). Dilating the kernel is what dilation means; doing it here rather than with
 * tfjs's `dilations` is needed because tfjs refuses a stride and a dilation both over 1
 * ("Either strides or dilations must be 1"), which PyTorch allows.
 */
function spreadKernel(values: Float32Array, planes: number, kh: number, kw: number, dilation: Pair, flip: boolean): Float32Array {
  const [dh, dw] = dilation;
  if (dh === 1 && dw === 1 && !flip) return values;
  const spanHeight = dh * (kh - 1) + 1;
  const spanWidth = dw * (kw - 1) + 1;
  const out = new Float32Array(planes * spanHeight * spanWidth);
  for (let plane = 0; plane < planes; plane++) {
    const from = plane * kh * kw;
    const to = plane * spanHeight * spanWidth;
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const source = flip ? (kh - 1 - i) * kw + (kw - 1 - j) : i * kw + j;
        out[to + i * dh * spanWidth + j * dw] = values[from + source]!;
      }
    }
  }
  return out;
}
