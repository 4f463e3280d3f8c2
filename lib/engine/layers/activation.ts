import { type ActivationSpec, activationSpecSchema } from "../spec";
import { registerLayerKind } from "./layer-kind";

/** Element-wise activations: same shape, nothing to learn or count (DESIGN.md: activations count 0). */
export const activationLayer = registerLayerKind<ActivationSpec>({
  types: ["relu", "sigmoid", "tanh"],
  schema: activationSpecSchema,
  analyze(_spec, input) {
    return { outputShape: [...input.shape], params: 0, buffers: 0, macs: 0, connections: 0, field: input.field };
  },
});
