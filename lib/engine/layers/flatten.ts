import { countless, fieldSet, type LayerKind } from "./layer-kind";

/**
 * `[C, H, W]` → `[C·H·W]` (PyTorch `nn.Flatten` without the batch). A reshape: each unit keeps
 * its receptive field, and the flow's `extent` remembers the map it came from.
 */
export const flattenLayer: LayerKind = {
  types: ["flatten"],
  fields: fieldSet(),
  analyze(_fields, input) {
    if (input.shape.length === 1) return countless(input);
    let features = 1;
    for (const size of input.shape) features *= size;
    return countless({ ...input, shape: [features] });
  },
};
