import { receptiveFieldAfterTransposed } from "../shapes";
import { transposedAxisSize } from "../tf-conv-shape";
import { AXES_2D, fieldSet, type LayerKind, requirePositiveOutput, requireRank } from "./layer-kind";

/**
 * Transposed convolution (PyTorch `nn.ConvTranspose2d`; NNDL 5.5.1 微步卷积, d2l 13.10 zh /
 * 14.10 en). Output size per axis `(in − 1)·s − 2·p + d·(k − 1) + output_padding + 1`, with
 * `output_padding` smaller than the stride or the dilation (PyTorch refuses otherwise: "output
 * padding must be smaller than either stride or dilation").
 *
 * Params `C_in·(C_out/groups)·k_h·k_w + C_out` (PyTorch's weight is `[C_in, C_out/groups, k_h,
 * k_w]`). MACs are a convention, DESIGN.md defining them for convolution and dense layers only:
 * every input pixel scatters one kernel into the output, `C_in·(C_out/groups)·k_h·k_w·H_in·W_in`
 * multiply-adds, the count fvcore's `conv_flop_jit` and ptflops's `conv_flops_counter_hook` use for
 * transposed convolutions (they multiply by the *input* size). Connections: MACs plus one per
 * output unit with a bias, as for a convolution (NNDL 5.3). Receptive field: `shapes.ts`,
 * `receptiveFieldAfterTransposed`.
 */
export const conv2dTransposeLayer: LayerKind = {
  types: ["conv2d_transpose"],
  fields: fieldSet("filters", "kernel", "stride", "padding", "output_padding", "dilation", "groups", "bias"),
  analyze(fields, input) {
    requireRank(fields, input, 3);
    const filters = fields.integer("filters", 1);
    const kernel = fields.pair("kernel", 1, null);
    const stride = fields.pair("stride", 1, 1);
    const padding = fields.pair("padding", 0, 0);
    const outputPadding = fields.pair("output_padding", 0, 0);
    const dilation = fields.pair("dilation", 1, 1);
    const groups = fields.integerOr("groups", 1, 1);
    const bias = fields.boolean("bias", true);
    const [channelsIn = 1, height = 1, width = 1] = input.shape;
    if (channelsIn % groups !== 0 || filters % groups !== 0) {
      fields.fail("shape-mismatch", `groups ${groups} must divide both the input channels ${channelsIn} and filters ${filters}`);
    }
    const out: [number, number] = [0, 0];
    const receptiveField: [number, number] = [0, 0];
    const jump: [number, number] = [0, 0];
    for (const axis of [0, 1] as const) {
      if (outputPadding[axis] >= stride[axis] && outputPadding[axis] >= dilation[axis]) {
        fields.fail(
          "invalid-layer",
          `output_padding ${outputPadding[axis]} must be smaller than the stride ${stride[axis]} or the dilation ${dilation[axis]}`,
        );
      }
      const size = axis === 0 ? height : width;
      out[axis] = transposedAxisSize(size, kernel[axis], stride[axis], dilation[axis], padding[axis], outputPadding[axis]);
      requirePositiveOutput(
        fields,
        AXES_2D[axis],
        out[axis],
        `the padding ${padding[axis]} crops more than the ${size}-pixel input spreads to`,
      );
      const field = receptiveFieldAfterTransposed(
        { receptiveField: input.receptiveField[axis] ?? 1, jump: input.jump[axis] ?? 1 },
        kernel[axis],
        stride[axis],
        dilation[axis],
      );
      receptiveField[axis] = field.receptiveField;
      jump[axis] = field.jump;
    }
    const weights = channelsIn * (filters / groups) * kernel[0] * kernel[1];
    const macs = weights * height * width;
    const outputUnits = filters * out[0] * out[1];
    return {
      flow: { shape: [filters, out[0], out[1]], receptiveField, jump, extent: out },
      params: weights + (bias ? filters : 0),
      buffers: 0,
      macs,
      connections: macs + (bias ? outputUnits : 0),
      padding,
    };
  },
};
