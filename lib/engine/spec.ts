import { z } from "zod";

/**
 * The architecture spec of DESIGN.md ("Engine spec"), as zod schemas (the CLI and authors hand
 * the engine untyped JSON) and the TypeScript types inferred from them. Field names follow the
 * contract, PyTorch's snake_case included (`ceil_mode`).
 */

const positiveInt = z.int({ error: "must be a positive integer" }).min(1, { error: "must be a positive integer" });
const nonNegativeInt = z
  .int({ error: "must be a non-negative integer" })
  .min(0, { error: "must be a non-negative integer" });

/** An integer for both axes, or `[h, w]`. */
export const positivePair = z.union([positiveInt, z.tuple([positiveInt, positiveInt])], {
  error: "must be a positive integer or [h, w] of positive integers",
});
export const nonNegativePair = z.union([nonNegativeInt, z.tuple([nonNegativeInt, nonNegativeInt])], {
  error: "must be a non-negative integer or [h, w] of non-negative integers",
});
const layerName = z.string().optional();

export const conv2dSpecSchema = z.strictObject({
  type: z.literal("conv2d"),
  name: layerName,
  filters: positiveInt,
  kernel: positivePair,
  stride: positivePair.optional(),
  padding: z.union([nonNegativePair, z.literal("same"), z.literal("valid")], {
    error: 'must be a non-negative integer, [h, w], "same" or "valid"',
  }).optional(),
  dilation: positivePair.optional(),
  bias: z.boolean().optional(),
  groups: positiveInt.optional(),
});

const poolFields = {
  name: layerName,
  kernel: positivePair,
  stride: positivePair.optional(),
  padding: nonNegativePair.optional(),
  ceil_mode: z.boolean().optional(),
};
export const maxPool2dSpecSchema = z.strictObject({ type: z.literal("maxpool2d"), ...poolFields });
export const avgPool2dSpecSchema = z.strictObject({
  type: z.literal("avgpool2d"),
  ...poolFields,
  count_include_pad: z.boolean().optional(),
});

export const activationSpecSchema = z.strictObject({
  type: z.enum(["relu", "sigmoid", "tanh"]),
  name: layerName,
});

export const flattenSpecSchema = z.strictObject({ type: z.literal("flatten"), name: layerName });

export const denseSpecSchema = z.strictObject({
  type: z.literal("dense"),
  name: layerName,
  units: positiveInt,
  bias: z.boolean().optional(),
});

export type Pair = z.infer<typeof positivePair>;
export type Conv2dSpec = z.infer<typeof conv2dSpecSchema>;
export type MaxPool2dSpec = z.infer<typeof maxPool2dSpecSchema>;
export type AvgPool2dSpec = z.infer<typeof avgPool2dSpecSchema>;
export type Pool2dSpec = MaxPool2dSpec | AvgPool2dSpec;
export type ActivationSpec = z.infer<typeof activationSpecSchema>;
export type FlattenSpec = z.infer<typeof flattenSpecSchema>;
export type DenseSpec = z.infer<typeof denseSpecSchema>;

export type LayerSpec = Conv2dSpec | Pool2dSpec | ActivationSpec | FlattenSpec | DenseSpec;
export type LayerType = LayerSpec["type"];

/** A network: its input shape, channels first and without the batch (`[C, H, W]` or `[F]`). */
export interface ArchitectureSpec {
  name?: string;
  input: number[];
  layers: LayerSpec[];
}

/** The spec's outer frame; each layer is checked by its own schema, so errors can name it. */
export const architectureFrameSchema = z.object({
  name: z.string().optional(),
  input: z.array(positiveInt, { error: "must be an array of positive integers" }),
  layers: z.array(z.unknown(), { error: "must be an array of layers" }),
});

/** `[h, w]` from an integer or a pair. */
export function toPair(value: number | readonly [number, number]): [number, number] {
  return typeof value === "number" ? [value, value] : [value[0], value[1]];
}
