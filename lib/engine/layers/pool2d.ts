import { EngineError } from "../errors";
import { poolOutputSize, receptiveFieldAfter } from "../shapes";
import { avgPool2dSpecSchema, maxPool2dSpecSchema, type Pool2dSpec, toPair } from "../spec";
import {
  fieldAxis,
  type LayerInput,
  type LayerResult,
  layerLabel,
  registerLayerKind,
  requireChw,
  requirePositiveOutput,
} from "./layer-kind";

/**
 * Max and average pooling (PyTorch `nn.MaxPool2d`, `nn.AvgPool2d`): the stride defaults to the
 * kernel, the padding may be at most half the kernel (PyTorch refuses more: "pad should be at most
 * half of kernel size"), no parameters, MACs or connections (DESIGN.md).
 */
function analyzePool(spec: Pool2dSpec, input: LayerInput): LayerResult {
  const [channels, height, width] = requireChw(input, spec.type);
  const kernel = toPair(spec.kernel);
  const stride = toPair(spec.stride ?? spec.kernel);
  const padding = toPair(spec.padding ?? 0);
  const ceilMode = spec.ceil_mode ?? false;
  for (const axis of [0, 1] as const) {
    if (2 * padding[axis] > kernel[axis]) {
      throw new EngineError(
        "pool-padding-too-large",
        `${layerLabel(input.path, spec.type)}: padding ${padding[axis]} is more than half the kernel ${kernel[axis]}`,
        input.path,
      );
    }
  }
  const outHeight = poolOutputSize(height, kernel[0], padding[0], stride[0], ceilMode);
  const outWidth = poolOutputSize(width, kernel[1], padding[1], stride[1], ceilMode);
  const explain = (axis: 0 | 1, size: number) =>
    `the ${kernel[axis]}-wide window does not fit in ${size} + 2·${padding[axis]} padding`;
  requirePositiveOutput(input.path, spec.type, "height", outHeight, explain(0, height));
  requirePositiveOutput(input.path, spec.type, "width", outWidth, explain(1, width));
  const rfH = receptiveFieldAfter(fieldAxis(input.field, 0), kernel[0], stride[0]);
  const rfW = receptiveFieldAfter(fieldAxis(input.field, 1), kernel[1], stride[1]);
  return {
    outputShape: [channels, outHeight, outWidth],
    params: 0,
    buffers: 0,
    macs: 0,
    connections: 0,
    field: {
      receptiveField: [rfH.receptiveField, rfW.receptiveField],
      jump: [rfH.jump, rfW.jump],
      extent: [outHeight, outWidth],
    },
  };
}

export const maxPool2dLayer = registerLayerKind({
  types: ["maxpool2d"],
  schema: maxPool2dSpecSchema,
  analyze: analyzePool,
});

export const avgPool2dLayer = registerLayerKind({
  types: ["avgpool2d"],
  schema: avgPool2dSpecSchema,
  analyze: analyzePool,
});
