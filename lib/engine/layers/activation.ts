import type { ActivationType } from "../spec";
import { countless, fieldSet, type LayerKind } from "./layer-kind";

/** The element-wise activations (softmax over the channels / features). */
export const ACTIVATIONS: readonly ActivationType[] = ["relu", "sigmoid", "tanh", "softmax"];

/** Same shape, nothing to learn or count (DESIGN.md: activations count 0). */
export const activationLayer: LayerKind = {
  types: ACTIVATIONS,
  fields: fieldSet(),
  analyze: (_fields, input) => countless(input),
};
