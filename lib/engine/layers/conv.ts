import { convAxisSize } from "../tf-conv-shape";
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

const PADDING_WORDS = ["same", "valid"] as const;

/**
 * `[before, after]` padding per axis. An explicit padding is symmetric (PyTorch); `"same"` (stride
 * 1 only, as PyTorch requires) pads `d·(k − 1)` in total, `total // 2` before and the odd pixel
 * after (bottom / right), as PyTorch's `padding="same"` does (`nn.Conv2d.__init__` fills
 * `_reversed_padding_repeated_twice` with `left_pad = total_padding // 2` and the rest on the
 * right; ATen's `_convolution_mode` pads the input by the difference on the right side).
 */
function paddingOf(fields: LayerFields, axes: number, kernel: number[], stride: number[], dilation: number[]): number[] {
  const raw = fields.raw.padding;
  const padding = new Array<number>(2 * axes);
  if (raw === "same") {
    if (stride[0] !== 1 || (axes === 2 && stride[1] !== 1)) {
      fields.fail("invalid-layer", `padding "same" needs stride 1, got [${stride.join(", ")}]`);
    }
    for (let axis = 0; axis < axes; axis += 1) {
      const total = (dilation[axis] ?? 1) * ((kernel[axis] ?? 1) - 1);
      padding[2 * axis] = Math.floor(total / 2);
      padding[2 * axis + 1] = total - Math.floor(total / 2);
    }
    return padding;
  }
  if (typeof raw === "string" && !(PADDING_WORDS as readonly string[]).includes(raw)) {
    fields.fail("invalid-layer", `padding must be a non-negative integer${axes === 2 ? ", [h, w]" : ""}, "same" or "valid", got "${raw}"`);
  }
  const symmetric = raw === "valid" ? [0, 0] : axes === 2 ? fields.pair("padding", 0, 0) : [fields.single("padding", 0, 0)];
  for (let axis = 0; axis < axes; axis += 1) {
    padding[2 * axis] = symmetric[axis] ?? 0;
    padding[2 * axis + 1] = symmetric[axis] ?? 0;
  }
  return padding;
}

/**
 * Convolution over 1 or 2 spatial axes (PyTorch `nn.Conv1d`, `nn.Conv2d`). Output sizes come from
 * tfjs shape inference (`convAxisSize`, checked against `convOutputSize`); params
 * `C_out·(C_in/groups)·∏k (+ C_out bias)`, MACs `C_out·∏out·(C_in/groups)·∏k`, connections MACs
 * plus one per output unit with a bias (DESIGN.md, "Reference semantics"; NNDL 5.3).
 */
function analyzeConv(fields: LayerFields, input: Flow, axes: 1 | 2): Step {
  requireRank(fields, input, axes === 2 ? 3 : 2);
  const filters = fields.integer("filters", 1);
  const kernel = axes === 2 ? fields.pair("kernel", 1, null) : [fields.single("kernel", 1, null)];
  const stride = axes === 2 ? fields.pair("stride", 1, 1) : [fields.single("stride", 1, 1)];
  const dilation = axes === 2 ? fields.pair("dilation", 1, 1) : [fields.single("dilation", 1, 1)];
  const groups = fields.integerOr("groups", 1, 1);
  const bias = fields.boolean("bias", true);
  const channelsIn = input.shape[0] ?? 1;
  if (channelsIn % groups !== 0 || filters % groups !== 0) {
    fields.fail("shape-mismatch", `groups ${groups} must divide both the input channels ${channelsIn} and filters ${filters}`);
  }
  const padding = paddingOf(fields, axes, kernel, stride, dilation);

  const out = new Array<number>(axes);
  const leading = new Array<number>(axes);
  const shape = new Array<number>(axes + 1);
  shape[0] = filters;
  let weightsPerFilter = channelsIn / groups;
  let outputUnits = filters;
  const names = axes === 2 ? AXES_2D : AXES_1D;
  for (let axis = 0; axis < axes; axis += 1) {
    const size = input.shape[axis + 1] ?? 1;
    const k = kernel[axis] ?? 1;
    const before = padding[2 * axis] ?? 0;
    const after = padding[2 * axis + 1] ?? 0;
    const length = convAxisSize(size, before, after, k, stride[axis] ?? 1, dilation[axis] ?? 1);
    requirePositiveOutput(
      fields,
      names[axis] ?? "length",
      length,
      `the ${k}-wide kernel (dilation ${dilation[axis]}) does not fit in ${size} + ${before + after} padding`,
    );
    out[axis] = length;
    leading[axis] = before;
    shape[axis + 1] = length;
    weightsPerFilter *= k;
    outputUnits *= length;
  }
  const macs = outputUnits * weightsPerFilter;
  return {
    flow: slideFlow(input, shape, out, kernel, stride, dilation),
    params: filters * weightsPerFilter + (bias ? filters : 0),
    buffers: 0,
    macs,
    connections: macs + (bias ? outputUnits : 0),
    // The leading side's padding: for "same" with an even effective kernel the trailing side has
    // one pixel more (paddingOf), and the answer reports the leading one (LayerAnalysis.padding).
    padding: leading,
  };
}

const CONV_FIELDS = fieldSet("filters", "kernel", "stride", "padding", "dilation", "groups", "bias");

export const conv2dLayer: LayerKind = {
  types: ["conv2d"],
  fields: CONV_FIELDS,
  analyze: (fields, input) => analyzeConv(fields, input, 2),
};

export const conv1dLayer: LayerKind = {
  types: ["conv1d"],
  fields: CONV_FIELDS,
  analyze: (fields, input) => analyzeConv(fields, input, 1),
};
