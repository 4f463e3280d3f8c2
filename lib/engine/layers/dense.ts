import { EngineError } from "../errors";
import { receptiveFieldAfter } from "../shapes";
import { type DenseSpec, denseSpecSchema } from "../spec";
import { layerLabel, registerLayerKind } from "./layer-kind";

/**
 * Fully connected layer (PyTorch `nn.Linear`) on a flat `[F]` input: params `in·out (+ out)`,
 * MACs `in·out`, connections MACs plus one per output with a bias (DESIGN.md; LeNet-5's F6 in
 * NNDL 5.3). Its receptive field is that of a convolution whose kernel covers the whole map the
 * features were flattened from (d2l 8.3 (zh) / NiN: a dense layer is a full-size convolution).
 */
export const denseLayer = registerLayerKind<DenseSpec>({
  types: ["dense"],
  schema: denseSpecSchema,
  analyze(spec, input) {
    const [features] = input.shape;
    if (input.shape.length !== 1 || features === undefined) {
      throw new EngineError(
        "shape-mismatch",
        `${layerLabel(input.path, spec.type)}: needs a flat [F] input, got [${input.shape.join(", ")}]; add a flatten layer first`,
        input.path,
      );
    }
    const bias = spec.bias ?? true;
    const macs = features * spec.units;
    const axes = input.field.extent.map((extent, axis) =>
      receptiveFieldAfter(
        { receptiveField: input.field.receptiveField[axis] ?? 1, jump: input.field.jump[axis] ?? 1 },
        extent,
        1,
      ),
    );
    return {
      outputShape: [spec.units],
      params: macs + (bias ? spec.units : 0),
      buffers: 0,
      macs,
      connections: macs + (bias ? spec.units : 0),
      field: {
        receptiveField: axes.map((axis) => axis.receptiveField),
        jump: [...input.field.jump],
        extent: input.field.extent.map(() => 1),
      },
    };
  },
});
