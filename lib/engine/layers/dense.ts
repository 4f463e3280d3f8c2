import { fieldSet, type LayerKind, LIMITS, requireRank } from "./layer-kind";

/**
 * Fully connected layer (PyTorch `nn.Linear`) on a flat `[F]` input: params `in·out (+ out)`,
 * MACs `in·out`, connections MACs plus one per output with a bias (DESIGN.md; LeNet-5's F6 in
 * NNDL 5.3). Its receptive field is that of a convolution whose kernel covers the whole map the
 * features were flattened from (d2l 8.3 zh / 7.3 en, NiN: a dense layer is a full-size
 * convolution); its jump stays that of the map.
 */
export const denseLayer: LayerKind = {
  types: ["dense"],
  fields: fieldSet("units", "bias"),
  analyze(fields, input) {
    requireRank(fields, input, 1, "; add a flatten layer first");
    const units = fields.integer("units", 1);
    if (units > LIMITS.channels) fields.fail("too-large", `units ${units} is over the limit of ${LIMITS.channels}`);
    const bias = fields.boolean("bias", true);
    const features = input.shape[0] ?? 1;
    const macs = features * units;
    const axes = input.extent.length;
    const receptiveField = new Array<number>(axes);
    for (let axis = 0; axis < axes; axis += 1) {
      receptiveField[axis] = (input.receptiveField[axis] ?? 1) + ((input.extent[axis] ?? 1) - 1) * (input.jump[axis] ?? 1);
    }
    return {
      flow: { shape: [units], receptiveField, jump: input.jump, extent: new Array<number>(axes).fill(1) },
      params: macs + (bias ? units : 0),
      buffers: 0,
      macs,
      connections: macs + (bias ? units : 0),
    };
  },
};
