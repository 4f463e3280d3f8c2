import { type FlattenSpec, flattenSpecSchema } from "../spec";
import { registerLayerKind } from "./layer-kind";

/**
 * `[C, H, W]` → `[C·H·W]` (PyTorch `nn.Flatten` without the batch). A reshape: each unit keeps
 * its receptive field, and the field's `extent` remembers the map it came from.
 */
export const flattenLayer = registerLayerKind<FlattenSpec>({
  types: ["flatten"],
  schema: flattenSpecSchema,
  analyze(_spec, input) {
    const features = input.shape.reduce((product, size) => product * size, 1);
    return { outputShape: [features], params: 0, buffers: 0, macs: 0, connections: 0, field: input.field };
  },
});
