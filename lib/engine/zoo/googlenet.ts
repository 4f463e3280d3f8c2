import type { LayerSpec } from "../spec";
import {
  adaptiveAvgPool,
  batchNorm,
  concat,
  conv,
  dense,
  dropout,
  flatten,
  maxPool,
  relu,
  sequential,
  type ZooModel,
} from "./build";

/** Channels of an Inception block: 1×1, 3×3 (reduce, out), 5×5 (reduce, out), pool projection. */
type InceptionChannels = readonly [number, readonly [number, number], readonly [number, number], number];

/** torchvision's `BasicConv2d`: convolution without bias, batch norm (eps 0.001), ReLU. */
function basicConv(filters: number, kernel: number, options: { stride?: number; padding?: number } = {}): LayerSpec[] {
  return [conv(filters, kernel, { ...options, bias: false }), batchNorm(0.001), relu()];
}

/**
 * torchvision's `Inception`: four branches joined on channels. Its third branch uses a 3×3
 * convolution where the paper has 5×5 ("a known bug" kept for the published weights, per the
 * comment in torchvision/models/googlenet.py), which is why the total is 6,624,904.
 */
function torchvisionInception([c1, [r3, c3], [r5, c5], pool]: InceptionChannels, name: string): LayerSpec {
  return concat(
    [
      basicConv(c1, 1),
      [...basicConv(r3, 1), ...basicConv(c3, 3, { padding: 1 })],
      [...basicConv(r5, 1), ...basicConv(c5, 3, { padding: 1 })],
      [maxPool(3, 1, 1, true), ...basicConv(pool, 1)],
    ],
    name,
  );
}

/** torchvision's `googlenet(aux_logits=False)`: 3×224×224, 1000 classes, no auxiliary heads. */
export const torchvisionGoogLeNet: ZooModel = {
  name: "googlenet",
  origin: "torchvision",
  source: "torchvision.models.googlenet, without the auxiliary classifiers (torchvision/models/googlenet.py)",
  build: () => ({
    name: "GoogLeNet (torchvision)",
    input: [3, 224, 224],
    layers: [
      ...basicConv(64, 7, { stride: 2, padding: 3 }), maxPool(3, 2, 0, true),
      ...basicConv(64, 1), ...basicConv(192, 3, { padding: 1 }), maxPool(3, 2, 0, true),
      torchvisionInception([64, [96, 128], [16, 32], 32], "inception3a"),
      torchvisionInception([128, [128, 192], [32, 96], 64], "inception3b"),
      maxPool(3, 2, 0, true),
      torchvisionInception([192, [96, 208], [16, 48], 64], "inception4a"),
      torchvisionInception([160, [112, 224], [24, 64], 64], "inception4b"),
      torchvisionInception([128, [128, 256], [24, 64], 64], "inception4c"),
      torchvisionInception([112, [144, 288], [32, 64], 64], "inception4d"),
      torchvisionInception([256, [160, 320], [32, 128], 128], "inception4e"),
      maxPool(2, 2, 0, true),
      torchvisionInception([256, [160, 320], [32, 128], 128], "inception5a"),
      torchvisionInception([384, [192, 384], [48, 128], 128], "inception5b"),
      adaptiveAvgPool(1),
      flatten(),
      dropout(0.2),
      dense(1000),
    ],
  }),
};

/** d2l's `Inception`: 1×1; 1×1 then 3×3; 1×1 then 5×5; 3×3 max pool then 1×1; each conv with bias and ReLU. */
function d2lInception([c1, [r3, c3], [r5, c5], pool]: InceptionChannels): LayerSpec {
  return concat([
    [conv(c1, 1), relu()],
    [conv(r3, 1), relu(), conv(c3, 3, { padding: 1 }), relu()],
    [conv(r5, 1), relu(), conv(c5, 5, { padding: 2 }), relu()],
    [maxPool(3, 1, 1), conv(pool, 1), relu()],
  ]);
}

/** GoogLeNet as d2l builds it (7.4 zh / 8.4 en): one input channel at 96×96, blocks b1–b5, 10 classes. */
export const d2lGoogLeNet: ZooModel = {
  name: "d2l-googlenet",
  origin: "d2l",
  source: "d2l 7.4 (zh) / 8.4 (en), GoogLeNet (Fashion-MNIST resized to 96)",
  build: () => ({
    name: "GoogLeNet (d2l)",
    input: [1, 96, 96],
    layers: [
      sequential([conv(64, 7, { stride: 2, padding: 3 }), relu(), maxPool(3, 2, 1)], "b1"),
      sequential([conv(64, 1), relu(), conv(192, 3, { padding: 1 }), relu(), maxPool(3, 2, 1)], "b2"),
      sequential([
        d2lInception([64, [96, 128], [16, 32], 32]),
        d2lInception([128, [128, 192], [32, 96], 64]),
        maxPool(3, 2, 1),
      ], "b3"),
      sequential([
        d2lInception([192, [96, 208], [16, 48], 64]),
        d2lInception([160, [112, 224], [24, 64], 64]),
        d2lInception([128, [128, 256], [24, 64], 64]),
        d2lInception([112, [144, 288], [32, 64], 64]),
        d2lInception([256, [160, 320], [32, 128], 128]),
        maxPool(3, 2, 1),
      ], "b4"),
      sequential([
        d2lInception([256, [160, 320], [32, 128], 128]),
        d2lInception([384, [192, 384], [48, 128], 128]),
        adaptiveAvgPool(1),
        flatten(),
      ], "b5"),
      dense(10),
    ],
  }),
};
