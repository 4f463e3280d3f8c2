import type { LayerSpec } from "../spec";
import { adaptiveAvgPool, batchNorm, conv, dense, dropout, flatten, maxPool, relu, sequential, type ZooModel } from "./build";

/** torchvision's VGG configurations (`cfgs` in torchvision/models/vgg.py): channels, `"M"` a 2×2 max pool. */
const CONFIGS = {
  11: [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  13: [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  16: [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
  19: [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
} as const;

/** `make_layers(cfg, batch_norm)`: 3×3 convolutions with padding 1 (and BN), ReLU, max pools. */
function features(config: readonly (number | "M")[], withBatchNorm: boolean): LayerSpec[] {
  return config.flatMap((entry): LayerSpec[] =>
    entry === "M" ? [maxPool(2, 2)] : [conv(entry, 3, { padding: 1 }), ...(withBatchNorm ? [batchNorm()] : []), relu()],
  );
}

function torchvisionVgg(depth: keyof typeof CONFIGS, withBatchNorm: boolean): ZooModel {
  const name = `vgg${depth}${withBatchNorm ? "_bn" : ""}`;
  return {
    name,
    origin: "torchvision",
    source: `torchvision.models.${name} (torchvision/models/vgg.py, configuration ${"ABDE"[[11, 13, 16, 19].indexOf(depth)]})`,
    build: () => ({
      name: `VGG-${depth}${withBatchNorm ? " with batch norm" : ""} (torchvision)`,
      input: [3, 224, 224],
      layers: [
        sequential(features(CONFIGS[depth], withBatchNorm), "features"),
        adaptiveAvgPool(7),
        flatten(),
        dense(4096), relu(), dropout(0.5),
        dense(4096), relu(), dropout(0.5),
        dense(1000),
      ],
    }),
  };
}

export const torchvisionVggs: ZooModel[] = ([11, 13, 16, 19] as const).flatMap((depth) => [
  torchvisionVgg(depth, false),
  torchvisionVgg(depth, true),
]);

/**
 * d2l's VGG-11 (7.2 zh / 8.2 en): `conv_arch = ((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))`,
 * each block its convolutions then a 2×2 max pool, on one input channel at 224×224, 10 classes.
 */
export const d2lVgg11: ZooModel = {
  name: "d2l-vgg11",
  origin: "d2l",
  source: "d2l 7.2 (zh) / 8.2 (en), VGG-11 (conv_arch, full width)",
  build: () => ({
    name: "VGG-11 (d2l)",
    input: [1, 224, 224],
    layers: [
      ...([[1, 64], [1, 128], [2, 256], [2, 512], [2, 512]] as const).map(([convs, channels]) =>
        sequential([
          ...Array.from({ length: convs }, (): LayerSpec[] => [conv(channels, 3, { padding: 1 }), relu()]).flat(),
          maxPool(2, 2),
        ]),
      ),
      flatten(),
      dense(4096), relu(), dropout(0.5),
      dense(4096), relu(), dropout(0.5),
      dense(10),
    ],
  }),
};
