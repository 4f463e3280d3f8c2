import { fieldSet, type LayerKind } from "./layer-kind";

/**
 * Batch normalization (d2l 7.5 zh / 8.5 en; PyTorch `nn.BatchNorm2d` on `[C, H, W]`,
 * `nn.BatchNorm1d` on `[C, L]` or `[F]`), one pair of statistics per channel (feature).
 *
 * Params: γ and β, `2·C` (0 with `affine: false`). Buffers: the running mean and variance, `2·C`
 * (Keras's "non-trainable params", DESIGN.md). PyTorch also keeps a third buffer,
 * `num_batches_tracked` (one integer, used only for cumulative averaging when `momentum=None`);
 * it is not counted here, as it holds no per-channel statistic and torchinfo leaves it out too.
 * `eps` and `momentum` change values, not shapes; they are only checked.
 */
export const batchNormLayer: LayerKind = {
  types: ["batchnorm"],
  fields: fieldSet("eps", "momentum", "affine"),
  analyze(fields, input) {
    fields.number("eps", 1e-5, 0, Number.MAX_VALUE, true);
    fields.number("momentum", 0.1, 0, 1, true);
    const affine = fields.boolean("affine", true);
    const channels = input.shape[0] ?? 1;
    return { flow: input, params: affine ? 2 * channels : 0, buffers: 2 * channels, macs: 0, connections: 0 };
  },
};
