import type { LayerSpec } from "../spec";
import {
  adaptiveAvgPool,
  avgPool,
  batchNorm,
  concat,
  conv,
  dense,
  flatten,
  maxPool,
  relu,
  repeat,
  sequential,
  type ZooModel,
} from "./build";

/**
 * A dense block as nested concatenations: each layer's new maps are joined (on channels, after
 * the maps it was given) to its input, `concat([identity, layer])`, which is what torchvision's
 * `torch.cat(features, 1)` and d2l's `torch.cat((X, Y), dim=1)` compute.
 */
function denseBlock(count: number, layer: () => LayerSpec[], name?: string): LayerSpec {
  return sequential(repeat(count, () => concat([[], layer()])), name);
}

function transition(channels: number, bias: boolean): LayerSpec {
  return sequential([batchNorm(), relu(), conv(channels, 1, { bias }), avgPool(2, 2)]);
}

function torchvisionDenseNet(depth: 121 | 169, blocks: readonly number[]): ZooModel {
  const growth = 32;
  const bottleneckWidth = 4 * growth; // bn_size = 4
  return {
    name: `densenet${depth}`,
    origin: "torchvision",
    source: `torchvision.models.densenet${depth} (torchvision/models/densenet.py, growth 32, blocks ${blocks.join("-")})`,
    build: () => {
      let channels = 64;
      const features: LayerSpec[] = [conv(64, 7, { stride: 2, padding: 3, bias: false }), batchNorm(), relu(), maxPool(3, 2, 1)];
      blocks.forEach((count, index) => {
        // torchvision's `_DenseLayer`: BN, ReLU, 1×1 conv to 4·growth, BN, ReLU, 3×3 conv to growth; no biases.
        features.push(
          denseBlock(
            count,
            () => [
              batchNorm(), relu(), conv(bottleneckWidth, 1, { bias: false }),
              batchNorm(), relu(), conv(growth, 3, { padding: 1, bias: false }),
            ],
            `denseblock${index + 1}`,
          ),
        );
        channels += count * growth;
        if (index < blocks.length - 1) {
          channels = Math.floor(channels / 2);
          features.push(transition(channels, false));
        }
      });
      features.push(batchNorm());
      return {
        name: `DenseNet-${depth} (torchvision)`,
        input: [3, 224, 224],
        layers: [sequential(features, "features"), relu(), adaptiveAvgPool(1), flatten(), dense(1000)],
      };
    },
  };
}

export const torchvisionDenseNets: ZooModel[] = [
  torchvisionDenseNet(121, [6, 12, 24, 16]),
  torchvisionDenseNet(169, [6, 12, 32, 32]),
];

/**
 * DenseNet as d2l builds it (7.7 zh / 8.7 en): one input channel at 96×96, four dense blocks of
 * four `conv_block`s (BN, ReLU, 3×3 conv with bias) at growth 32, transitions halving the
 * channels (BN, ReLU, 1×1 conv with bias, 2×2 average pool), then BN, ReLU, global average
 * pooling and a dense layer to 10 classes.
 */
export const d2lDenseNet: ZooModel = {
  name: "d2l-densenet",
  origin: "d2l",
  source: "d2l 7.7 (zh) / 8.7 (en), DenseNet",
  build: () => {
    let channels = 64;
    const layers: LayerSpec[] = [
      sequential([conv(64, 7, { stride: 2, padding: 3 }), batchNorm(), relu(), maxPool(3, 2, 1)], "b1"),
    ];
    for (let index = 0; index < 4; index += 1) {
      layers.push(denseBlock(4, () => [batchNorm(), relu(), conv(32, 3, { padding: 1 })]));
      channels += 4 * 32;
      if (index < 3) {
        channels = Math.floor(channels / 2);
        layers.push(transition(channels, true));
      }
    }
    layers.push(batchNorm(), relu(), adaptiveAvgPool(1), flatten(), dense(10));
    return { name: "DenseNet (d2l)", input: [1, 96, 96], layers };
  },
};
