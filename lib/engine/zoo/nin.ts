import type { LayerSpec } from "../spec";
import { adaptiveAvgPool, conv, dropout, flatten, maxPool, relu, sequential, type ZooModel } from "./build";

/** d2l's `nin_block`: a convolution then two 1×1 convolutions, each with a ReLU. */
function ninBlock(channels: number, kernel: number, stride: number, padding: number): LayerSpec {
  return sequential([
    conv(channels, kernel, { stride, padding }), relu(),
    conv(channels, 1), relu(),
    conv(channels, 1), relu(),
  ]);
}

/** NiN as d2l builds it (7.3 zh / 8.3 en): one input channel, 224×224, 10 classes by global average pooling. */
export const d2lNiN: ZooModel = {
  name: "d2l-nin",
  origin: "d2l",
  source: "d2l 7.3 (zh) / 8.3 (en), Network in Network",
  build: () => ({
    name: "NiN (d2l)",
    input: [1, 224, 224],
    layers: [
      ninBlock(96, 11, 4, 0), maxPool(3, 2),
      ninBlock(256, 5, 1, 2), maxPool(3, 2),
      ninBlock(384, 3, 1, 1), maxPool(3, 2),
      dropout(0.5),
      ninBlock(10, 3, 1, 1),
      adaptiveAvgPool(1),
      flatten(),
    ],
  }),
};
