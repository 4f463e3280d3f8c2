/**
 * Output-size formulas of the layers the engine knows, as plain functions of numbers.
 *
 * They follow PyTorch's documented semantics (DESIGN.md, "Reference semantics"), so that a
 * learner who works a problem with d2l's formulas gets the engine's answer. No tensors here:
 * the engine calls these (and tfjs shape inference, see `tf-conv-shape.ts`) before any weight
 * exists.
 */

/**
 * Output length of a convolution along one axis.
 *
 * `out = floor((in + 2·p − d·(k − 1) − 1) / s) + 1`
 *
 * Source: PyTorch `torch.nn.Conv2d` documentation, "Shape" section; with `d = 1` this is d2l 6.3
 * (zh) / 7.3 (en) "Padding and Stride": `floor((n − k + 2p + s) / s)` with `p` padding per side.
 * `padding` is the padding added to each side of the axis.
 */
export function convOutputSize(
  input: number,
  kernel: number,
  padding: number,
  stride: number,
  dilation = 1,
): number {
  return Math.floor((input + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1;
}

/**
 * Output length of max or average pooling along one axis.
 *
 * `out = floor_or_ceil((in + 2·p − d·(k − 1) − 1) / s) + 1`; with `ceilMode`, the last window is
 * dropped when it would start in the right padding: if `(out − 1)·s ≥ in + p` then `out − 1`.
 *
 * Source: PyTorch `torch.nn.MaxPool2d` / `AvgPool2d` documentation ("Shape"), and
 * `pooling_output_shape` in `aten/src/ATen/native/Pool.h` for the `ceil_mode` rule.
 */
export function poolOutputSize(
  input: number,
  kernel: number,
  padding: number,
  stride: number,
  ceilMode = false,
  dilation = 1,
): number {
  const span = input + 2 * padding - dilation * (kernel - 1) - 1;
  const round = ceilMode ? Math.ceil : Math.floor;
  let output = round(span / stride) + 1;
  if (ceilMode && (output - 1) * stride >= input + padding) output -= 1;
  return output;
}

/**
 * Output length of a transposed convolution along one axis.
 *
 * `out = (in − 1)·s − 2·p + d·(k − 1) + output_padding + 1`
 *
 * Source: PyTorch `torch.nn.ConvTranspose2d` documentation ("Shape"); d2l 13.10 (zh) /
 * 14.10 (en) "Transposed Convolution".
 */
export function transposedOutputSize(
  input: number,
  kernel: number,
  padding: number,
  stride: number,
  outputPadding = 0,
  dilation = 1,
): number {
  return (input - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
}

/**
 * Receptive field and jump after a sliding-window layer, along one axis.
 *
 * `r_out = r_in + d·(k − 1)·j_in`, `j_out = j_in · s`
 *
 * Source: Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional Neural Networks",
 * Distill 2019, eq. (1)–(2); the jump is the product of the strides so far.
 */
export function receptiveFieldAfter(
  field: { receptiveField: number; jump: number },
  kernel: number,
  stride: number,
  dilation = 1,
): { receptiveField: number; jump: number } {
  return {
    receptiveField: field.receptiveField + dilation * (kernel - 1) * field.jump,
    jump: field.jump * stride,
  };
}

/**
 * The widest bin of adaptive pooling from `input` to `output` cells along one axis. Bin `i`
 * covers `[floor(i·in/out), ceil((i + 1)·in/out))`: PyTorch's `start_index` / `end_index` in
 * `aten/src/ATen/native/AdaptiveAveragePooling.cpp`. When `out` divides `in` every bin is
 * `in/out` wide (a pooling with kernel = stride = `in/out`); otherwise widths differ by one or two.
 */
export function adaptivePoolWidestBin(input: number, output: number): number {
  let widest = 0;
  for (let index = 0; index < output; index += 1) {
    const start = Math.floor((index * input) / output);
    const end = Math.ceil(((index + 1) * input) / output);
    if (end - start > widest) widest = end - start;
  }
  return widest;
}

/**
 * Receptive field and jump after a transposed convolution along one axis (a convention: the
 * references above define them for convolution and pooling only). Output unit `o` receives input
 * unit `i` when `0 ≤ o + p − i·s ≤ d·(k − 1)`, so it sees at most `n = ceil((d·(k − 1) + 1)/s)`
 * neighbouring input units: `r_out = r_in + (n − 1)·j_in`. Neighbouring outputs are `1/s` input
 * units apart: `j_out = j_in / s`, a fraction when the layer upsamples (two output pixels per
 * input pixel at stride 2). Later layers then grow the field by fractions of an input pixel.
 */
export function receptiveFieldAfterTransposed(
  field: { receptiveField: number; jump: number },
  kernel: number,
  stride: number,
  dilation = 1,
): { receptiveField: number; jump: number } {
  const inputsSeen = Math.ceil((dilation * (kernel - 1) + 1) / stride);
  return { receptiveField: field.receptiveField + (inputsSeen - 1) * field.jump, jump: field.jump / stride };
}
