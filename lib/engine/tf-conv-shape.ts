import { chwToNhwc, nhwcToChw } from "./layout";
import { convOutputSize, transposedOutputSize } from "./shapes";
import { tf } from "./tf";

/**
 * Output sizes of the convolution family as TensorFlow.js's own shape inference gives them: real
 * tfjs layers (`zeroPadding2d`, `conv2d`, `conv2dTranspose`, `cropping2D`) asked for their
 * `computeOutputShape`. No weights are built and no tensor is allocated.
 *
 * Building a tfjs layer costs about 13 µs, more than a whole layer's analysis may take, so the
 * engine asks per axis configuration and remembers the answer (`convAxisSize`,
 * `transposedAxisSize`): a network repeats a handful of configurations, and every later one is a
 * lookup. Each answer tfjs gives is checked once against PyTorch's formula (`shapes.ts`); a
 * disagreement is our bug, not the author's, and is thrown as a plain `Error`.
 */

/** A 2-D convolution's geometry, per axis `[h, w]`; padding is `[top, bottom, left, right]`. */
export interface Conv2dGeometry {
  input: readonly [number, number, number];
  filters: number;
  kernel: readonly [number, number];
  stride: readonly [number, number];
  dilation: readonly [number, number];
  padding: readonly [number, number, number, number];
}

/**
 * Output shape `[C_out, H_out, W_out]` of a 2-D convolution, inferred by tfjs: a `zeroPadding2d`
 * layer (PyTorch pads explicitly and symmetrically; Keras's `"same"` does not) followed by a
 * `"valid"` `conv2d` layer. Sizes below 1 come back as they are, for the caller to refuse.
 */
export function conv2dOutputShapeByTf(geometry: Conv2dGeometry): [number, number, number] {
  const [top, bottom, left, right] = geometry.padding;
  const padding = tf.layers.zeroPadding2d({ padding: [[top, bottom], [left, right]] });
  const conv = tf.layers.conv2d({
    filters: geometry.filters,
    kernelSize: [geometry.kernel[0], geometry.kernel[1]],
    strides: [geometry.stride[0], geometry.stride[1]],
    dilationRate: [geometry.dilation[0], geometry.dilation[1]],
    padding: "valid",
  });
  return nhwcToChw(singleShape(conv.computeOutputShape(padding.computeOutputShape(chwToNhwc(geometry.input)))));
}

/**
 * Convolution sizes already inferred, in a direct-mapped cache: slot `hash(config)` holds one
 * configuration (4 int32 fields) and its size; a colliding configuration replaces it. Typed
 * arrays rather than a `Map`: no key to build or hash as an object, nothing allocated per lookup,
 * and a bounded size however many configurations a long-running process sees.
 */
const CONV_SLOTS = 4_096;
const convKeys = new Int32Array(CONV_SLOTS * 4);
const convSizes = new Int32Array(CONV_SLOTS).fill(-1);
/** Transposed convolutions are rare: a plain map, started over past `MEMO_LIMIT` entries. */
const MEMO_LIMIT = 100_000;
const transposedMemo = new Map<string, number>();
const INT32_SAFE = 2 ** 30;

/**
 * Output length of a convolution along one axis padded by `before` and `after` (PyTorch's
 * symmetric padding, or `"same"`'s uneven one): tfjs's answer for a `zeroPadding2d` + `conv2d`
 * pair over a `[size, 1]` map, memoised by (padded size, kernel, stride, dilation), the only
 * numbers the length depends on. A length below 1 is returned from the formula without asking
 * tfjs, for the caller to refuse with the layer's path.
 */
export function convAxisSize(
  size: number,
  before: number,
  after: number,
  kernel: number,
  stride: number,
  dilation: number,
): number {
  const padded = size + before + after;
  const cacheable = padded < INT32_SAFE && kernel < INT32_SAFE && stride < INT32_SAFE && dilation < INT32_SAFE;
  const slot = cacheable ? (Math.imul(Math.imul(Math.imul(padded, 31) + kernel, 31) + stride, 31) + dilation) & (CONV_SLOTS - 1) : 0;
  if (
    cacheable &&
    convSizes[slot] !== -1 &&
    convKeys[4 * slot] === padded &&
    convKeys[4 * slot + 1] === kernel &&
    convKeys[4 * slot + 2] === stride &&
    convKeys[4 * slot + 3] === dilation
  ) {
    return convSizes[slot] as number;
  }
  const formula = convOutputSize(padded, kernel, 0, stride, dilation);
  if (formula < 1) return formula;
  const [, inferred] = conv2dOutputShapeByTf({
    input: [1, size, 1],
    filters: 1,
    kernel: [kernel, 1],
    stride: [stride, 1],
    dilation: [dilation, 1],
    padding: [before, after, 0, 0],
  });
  agree("conv", inferred, formula, [size, before, after, kernel, stride, dilation]);
  if (cacheable) {
    convKeys.set([padded, kernel, stride, dilation], 4 * slot);
    convSizes[slot] = inferred;
  }
  return inferred;
}

/**
 * Output length of a transposed convolution along one axis, PyTorch's
 * `(in − 1)·s − 2·p + d·(k − 1) + output_padding + 1`, from tfjs layers: a `"valid"`
 * `conv2dTranspose` (length `in·s + max(k_eff − s, 0)`, `k_eff = d·(k − 1) + 1` being the pixels
 * a dilated kernel spans, which is all its shape depends on), then `cropping2D` by `p` on both
 * sides (PyTorch's padding of a transposed convolution removes output rows) and `zeroPadding2d`
 * by `output_padding` at the end (PyTorch adds those rows on one side).
 *
 * When `k_eff < s` tfjs's "valid" transposed convolution still gives `in·s` (it rounds the output
 * up to whole strides) where PyTorch gives `(in − 1)·s + k_eff`; tfjs cannot express that
 * configuration, and the formula answers alone.
 */
export function transposedAxisSize(
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: number,
  outputPadding: number,
): number {
  const key = `${size},${kernel},${stride},${dilation},${padding},${outputPadding}`;
  const known = transposedMemo.get(key);
  if (known !== undefined) return known;
  const formula = transposedOutputSize(size, kernel, padding, stride, outputPadding, dilation);
  const span = dilation * (kernel - 1) + 1;
  if (formula < 1 || span < stride) return formula;
  const deconv = tf.layers.conv2dTranspose({ filters: 1, kernelSize: [span, 1], strides: [stride, 1], padding: "valid" });
  const crop = tf.layers.cropping2D({ cropping: [[padding, padding], [0, 0]] });
  const pad = tf.layers.zeroPadding2d({ padding: [[0, outputPadding], [0, 0]] });
  const deconvolved = singleShape(deconv.computeOutputShape([null, size, 1, 1]));
  const shape = pad.computeOutputShape(singleShape(crop.computeOutputShape(deconvolved)));
  const [, inferred] = nhwcToChw(singleShape(shape));
  agree("transposed conv", inferred, formula, [size, kernel, stride, dilation, padding, outputPadding]);
  remember(transposedMemo, key, inferred);
  return inferred;
}

function singleShape(shape: unknown): (number | null)[] {
  if (!Array.isArray(shape) || Array.isArray(shape[0])) {
    throw new Error("tfjs returned several output shapes for one input");
  }
  return shape as (number | null)[];
}

function agree(what: string, inferred: number, formula: number, config: number[]): void {
  if (inferred !== formula) {
    throw new Error(
      `engine inconsistency: for the ${what} axis [${config.join(", ")}] tfjs inferred ${inferred}, the formula gives ${formula}`,
    );
  }
}

function remember(memo: Map<string, number>, key: string, value: number): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}
