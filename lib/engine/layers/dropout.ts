import { countless, fieldSet, type LayerKind } from "./layer-kind";

/** Dropout (d2l 4.6 zh / 5.6 en): same shape, no parameters; `rate` in [0, 1), 0.5 by default as PyTorch's `p`. */
export const dropoutLayer: LayerKind = {
  types: ["dropout"],
  fields: fieldSet("rate"),
  analyze(fields, input) {
    fields.number("rate", 0.5, 0, 1);
    return countless(input);
  },
};
