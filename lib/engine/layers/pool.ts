import { poolOutputSize } from "../shapes";
import type { LayerFields } from "./fields";
import {
  AXES_1D,
  AXES_2D,
  fieldSet,
  type Flow,
  type LayerKind,
  requirePositiveOutput,
  requireRank,
  type Step,
} from "./layer-kind";
import { slideFlow } from "./window";

/**
 * Max and average pooling over 1 or 2 spatial axes (PyTorch `nn.MaxPool1d/2d`, `nn.AvgPool1d/2d`):
 * the stride defaults to the kernel; the padding may be at most half the kernel (PyTorch refuses
 * more: "pad should be at most half of kernel size", `kW / 2 >= padW` in integer division);
 * `ceil_mode` as `poolOutputSize`. No parameters, MACs or connections (DESIGN.md). Output sizes
 * come from the formula: tfjs pooling layers know neither explicit padding nor `ceil_mode`.
 * `count_include_pad` changes values, not shapes, so it is only checked to be a boolean.
 */
function analyzePool(fields: LayerFields, input: Flow, axes: 1 | 2, dilated: boolean): Step {
  requireRank(fields, input, axes === 2 ? 3 : 2);
  const two = axes === 2;
  const kernel = two ? fields.pair("kernel", 1, null) : [fields.single("kernel", 1, null)];
  const stride = two ? fields.pair("stride", 1, [kernel[0] ?? 1, kernel[1] ?? 1]) : [fields.single("stride", 1, kernel[0] ?? 1)];
  const padding = two ? fields.pair("padding", 0, 0) : [fields.single("padding", 0, 0)];
  const dilation = !dilated ? null : two ? fields.pair("dilation", 1, 1) : [fields.single("dilation", 1, 1)];
  const ceilMode = fields.boolean("ceil_mode", false);
  fields.boolean("count_include_pad", true);
  const names = axes === 2 ? AXES_2D : AXES_1D;
  const out = new Array<number>(axes);
  const shape = new Array<number>(axes + 1);
  shape[0] = input.shape[0] ?? 1;
  for (let axis = 0; axis < axes; axis += 1) {
    const k = kernel[axis] ?? 1;
    const p = padding[axis] ?? 0;
    if (p > Math.floor(k / 2)) fields.fail("pool-padding-too-large", `padding ${p} is more than half the kernel ${k}`);
    const size = input.shape[axis + 1] ?? 1;
    const length = poolOutputSize(size, k, p, stride[axis] ?? 1, ceilMode, dilation?.[axis] ?? 1);
    requirePositiveOutput(fields, names[axis] ?? "length", length, `the ${k}-wide window does not fit in ${size} + 2·${p} padding`);
    out[axis] = length;
    shape[axis + 1] = length;
  }
  const flow = slideFlow(input, shape, out, kernel, stride, dilation);
  return { flow, params: 0, buffers: 0, macs: 0, connections: 0, padding };
}

const POOL_FIELDS = ["kernel", "stride", "padding", "ceil_mode"];

export const maxPool2dLayer: LayerKind = {
  types: ["maxpool2d"],
  fields: fieldSet(...POOL_FIELDS, "dilation"),
  analyze: (fields, input) => analyzePool(fields, input, 2, true),
};

export const avgPool2dLayer: LayerKind = {
  types: ["avgpool2d"],
  fields: fieldSet(...POOL_FIELDS, "count_include_pad"),
  analyze: (fields, input) => analyzePool(fields, input, 2, false),
};

export const maxPool1dLayer: LayerKind = {
  types: ["maxpool1d"],
  fields: fieldSet(...POOL_FIELDS, "dilation"),
  analyze: (fields, input) => analyzePool(fields, input, 1, true),
};

export const avgPool1dLayer: LayerKind = {
  types: ["avgpool1d"],
  fields: fieldSet(...POOL_FIELDS, "count_include_pad"),
  analyze: (fields, input) => analyzePool(fields, input, 1, false),
};
