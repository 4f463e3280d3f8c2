import type { LayerSpec } from "../../engine";

/**
 * d2l's DenseNet pieces as engine layers (d2l 2nd ed. 7.7 zh / 8.7 en): `conv_block` is
 * BN → ReLU → 3×3 conv with padding 1; a dense block joins each conv block's output to its input
 * on channels (`torch.cat((X, Y), dim=1)`), written as `concat` with an identity branch; a
 * transition block is BN → ReLU → 1×1 conv → 2×2 average pooling with stride 2.
 */
export function denseBlock(convBlocks: number, growthRate: number): LayerSpec {
  return {
    type: "sequential",
    name: "dense block",
    layers: Array.from({ length: convBlocks }, () => ({
      type: "concat" as const,
      branches: [[], [{ type: "batchnorm" as const }, { type: "relu" as const }, { type: "conv2d" as const, filters: growthRate, kernel: 3, padding: 1 }]],
    })),
  };
}

export function transitionBlock(channels: number): LayerSpec {
  return {
    type: "sequential",
    name: "transition",
    layers: [
      { type: "batchnorm" },
      { type: "relu" },
      { type: "conv2d", filters: channels, kernel: 1 },
      { type: "avgpool2d", kernel: 2, stride: 2 },
    ],
  };
}
