import { adaptivePoolWidestBin } from "../shapes";
import type { LayerFields } from "./fields";
import { countless, fieldSet, type Flow, type LayerKind, LIMITS, requireRank } from "./layer-kind";

/**
 * Global average / max pooling: `[C, H, W]` → `[C, 1, 1]` (`[C, L]` → `[C, 1]`), PyTorch's
 * `nn.AdaptiveAvgPool2d(1)` / `nn.AdaptiveMaxPool2d(1)` (d2l 8.3 zh / 7.3 en, NiN's last layer;
 * TextCNN's max-over-time pooling, d2l 15.3 zh / 16.3 en). It is a pooling whose kernel and stride
 * are the remaining map's size `n` per axis, so the sliding-window rule applies unchanged:
 * `r = r_in + (n − 1)·j_in`, `j = j_in·n`. The jump is thus that of the map *before* pooling
 * times its size, not the input's size: after a 3-wide `conv1d` on a length-20 sequence
 * (`n = 18`, `j_in = 1`) the field is 20 and the jump 18.
 */
export const globalPoolLayer: LayerKind = {
  types: ["global_avgpool", "global_maxpool"],
  fields: fieldSet(),
  analyze(fields, input) {
    if (input.shape.length < 2) requireRank(fields, input, 3);
    const axes = input.shape.length - 1;
    const out = new Array<number>(axes).fill(1);
    return countless(pooled(input, [input.shape[0] ?? 1, ...out], out, input.shape.slice(1)));
  },
};

/**
 * PyTorch `nn.AdaptiveAvgPool2d(output)` on `[C, H, W]`: `[C, h, w]`, no parameters. Bin `i`
 * spans `[floor(i·in/out), ceil((i + 1)·in/out))` (PyTorch's adaptive bin rule). What is reported
 * (a convention): the receptive field of the unit with the widest bin, `r_in + (widest − 1)·j_in`,
 * so that the field is the largest over the layer's units (as through residual and concat), and
 * the jump `j_in·in/out`, the mean distance between bin starts: exact when `out` divides `in`
 * (the layer is then a pooling with kernel = stride = `in/out`), a fraction otherwise.
 */
export const adaptiveAvgPool2dLayer: LayerKind = {
  types: ["adaptive_avgpool2d"],
  fields: fieldSet("output"),
  analyze(fields: LayerFields, input: Flow) {
    requireRank(fields, input, 3);
    const out = fields.pair("output", 1, null);
    // Checked before the bins are walked (one step per output cell), not only after the layer.
    if (out[0] > LIMITS.spatial || out[1] > LIMITS.spatial) {
      fields.fail("too-large", `output [${out.join(", ")}] is over the spatial limit of ${LIMITS.spatial}`);
    }
    const widest = [0, 0];
    for (const axis of [0, 1] as const) widest[axis] = adaptivePoolWidestBin(input.shape[axis + 1] ?? 1, out[axis]);
    return countless(pooled(input, [input.shape[0] ?? 1, out[0], out[1]], out, widest));
  },
};

/** The flow after pooling windows `window` wide into `out` cells per axis (jump `j·in/out`). */
function pooled(input: Flow, shape: number[], out: number[], window: readonly number[]): Flow {
  const receptiveField = new Array<number>(out.length);
  const jump = new Array<number>(out.length);
  for (let axis = 0; axis < out.length; axis += 1) {
    const inputJump = input.jump[axis] ?? 1;
    receptiveField[axis] = (input.receptiveField[axis] ?? 1) + ((window[axis] ?? 1) - 1) * inputJump;
    jump[axis] = (inputJump * (input.shape[axis + 1] ?? 1)) / (out[axis] ?? 1);
  }
  return { shape, receptiveField, jump, extent: out };
}
