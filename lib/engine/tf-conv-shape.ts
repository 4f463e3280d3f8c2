import { chwToNhwc, nhwcToChw } from "./layout";
import { tf } from "./tf";

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
 * Output shape `[C_out, H_out, W_out]` of a 2-D convolution, inferred by TensorFlow.js itself:
 * a `zeroPadding2d` layer (PyTorch pads explicitly and symmetrically; Keras's `"same"` does not)
 * followed by a `"valid"` `conv2d` layer, each asked for its `computeOutputShape`. No weights are
 * built and no tensor is allocated. Sizes below 1 come back as they are, for the caller to refuse.
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
  const padded = padding.computeOutputShape(chwToNhwc(geometry.input));
  const output = conv.computeOutputShape(padded);
  if (!Array.isArray(output) || Array.isArray(output[0])) {
    throw new Error("tfjs conv2d returned several output shapes for one input");
  }
  return nhwcToChw(output as (number | null)[]);
}
