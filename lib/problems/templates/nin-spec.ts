import type { LayerSpec } from "../../engine";

/** d2l's `nin_block` (2nd ed. 7.3.1 zh / 8.3.1 en): a convolution then two 1×1 convolutions, each with ReLU. */
export function ninBlock(filters: number, kernel: number, stride: number, padding: number): LayerSpec {
  return {
    type: "sequential",
    name: "nin block",
    layers: [
      { type: "conv2d", filters, kernel, stride, padding },
      { type: "relu" },
      { type: "conv2d", filters, kernel: 1 },
      { type: "relu" },
      { type: "conv2d", filters, kernel: 1 },
      { type: "relu" },
    ],
  };
}
