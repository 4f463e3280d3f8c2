import { EngineError } from "../errors";
import { convOutputSize, receptiveFieldAfter } from "../shapes";
import { type Conv2dSpec, conv2dSpecSchema, toPair } from "../spec";
import { conv2dOutputShapeByTf } from "../tf-conv-shape";
import {
  fieldAxis,
  type LayerResult,
  layerLabel,
  registerLayerKind,
  requireChw,
  requirePositiveOutput,
} from "./layer-kind";

/**
 * `[top, bottom, left, right]` padding. An explicit padding is symmetric (PyTorch); `"same"`
 * (stride 1 only) pads `d·(k − 1)` in total per axis, the odd pixel at the bottom / right, as
 * PyTorch's `padding="same"` does.
 */
function paddingOf(spec: Conv2dSpec, kernel: [number, number], dilation: [number, number], path: string) {
  const stride = toPair(spec.stride ?? 1);
  if (spec.padding === "same") {
    if (stride[0] !== 1 || stride[1] !== 1) {
      throw new EngineError(
        "invalid-layer",
        `${layerLabel(path, spec.type)}: padding "same" needs stride 1, got [${stride.join(", ")}]`,
        path,
      );
    }
    const totalH = dilation[0] * (kernel[0] - 1);
    const totalW = dilation[1] * (kernel[1] - 1);
    const top = Math.floor(totalH / 2);
    const left = Math.floor(totalW / 2);
    return [top, totalH - top, left, totalW - left] as const;
  }
  const [h, w] = toPair(spec.padding === "valid" || spec.padding === undefined ? 0 : spec.padding);
  return [h, h, w, w] as const;
}

/**
 * 2-D convolution (PyTorch `nn.Conv2d`). The output shape comes from tfjs shape inference and is
 * checked against `convOutputSize`; params `C_out·(C_in/groups)·k_h·k_w (+ C_out bias)`, MACs
 * `C_out·H_out·W_out·(C_in/groups)·k_h·k_w`, connections MACs plus one per output unit with a
 * bias (DESIGN.md, "Reference semantics"; NNDL 5.3 for connections).
 */
export const conv2dLayer = registerLayerKind<Conv2dSpec>({
  types: ["conv2d"],
  schema: conv2dSpecSchema,
  analyze(spec, input): LayerResult {
    const label = layerLabel(input.path, spec.type);
    const [channelsIn, height, width] = requireChw(input, spec.type);
    const kernel = toPair(spec.kernel);
    const stride = toPair(spec.stride ?? 1);
    const dilation = toPair(spec.dilation ?? 1);
    const groups = spec.groups ?? 1;
    const bias = spec.bias ?? true;
    if (channelsIn % groups !== 0 || spec.filters % groups !== 0) {
      throw new EngineError(
        "shape-mismatch",
        `${label}: groups ${groups} must divide both the input channels ${channelsIn} and filters ${spec.filters}`,
        input.path,
      );
    }
    const padding = paddingOf(spec, kernel, dilation, input.path);

    const outputShape = conv2dOutputShapeByTf({
      input: [channelsIn, height, width],
      filters: spec.filters,
      kernel,
      stride,
      dilation,
      padding,
    });
    const [, outHeight, outWidth] = outputShape;
    const explain = (axis: 0 | 1, size: number, pad: number) =>
      `the ${kernel[axis]}-wide kernel (dilation ${dilation[axis]}) does not fit in ${size} + ${pad} padding`;
    requirePositiveOutput(input.path, spec.type, "height", outHeight, explain(0, height, padding[0] + padding[1]));
    requirePositiveOutput(input.path, spec.type, "width", outWidth, explain(1, width, padding[2] + padding[3]));
    assertMatchesFormula(outputShape, spec.filters, [
      convOutputSize(height + padding[0] + padding[1], kernel[0], 0, stride[0], dilation[0]),
      convOutputSize(width + padding[2] + padding[3], kernel[1], 0, stride[1], dilation[1]),
    ]);

    const weightsPerFilter = (channelsIn / groups) * kernel[0] * kernel[1];
    const outputUnits = spec.filters * outHeight * outWidth;
    const macs = outputUnits * weightsPerFilter;
    const rfH = receptiveFieldAfter(fieldAxis(input.field, 0), kernel[0], stride[0], dilation[0]);
    const rfW = receptiveFieldAfter(fieldAxis(input.field, 1), kernel[1], stride[1], dilation[1]);
    return {
      outputShape,
      params: spec.filters * weightsPerFilter + (bias ? spec.filters : 0),
      buffers: 0,
      macs,
      connections: macs + (bias ? outputUnits : 0),
      field: {
        receptiveField: [rfH.receptiveField, rfW.receptiveField],
        jump: [rfH.jump, rfW.jump],
        extent: [outHeight, outWidth],
      },
    };
  },
});

/** tfjs and PyTorch's formula must agree; if they ever do not, that is our bug, not the author's. */
function assertMatchesFormula(shape: readonly number[], filters: number, spatial: readonly [number, number]): void {
  if (shape[0] !== filters || shape[1] !== spatial[0] || shape[2] !== spatial[1]) {
    throw new Error(
      `engine inconsistency: tfjs inferred [${shape.join(", ")}], the formula gives [${filters}, ${spatial.join(", ")}]`,
    );
  }
}
