import type { LayerSpec } from "../../engine";
import type { Rng } from "../rng";

/**
 * d2l's Inception block (2nd ed. 7.4.1 zh / 8.4.1 en): four paths joined on channels, `c1` a
 * 1×1 conv; `c2` a 1×1 conv to `c2[0]` then a 3×3 conv (padding 1) to `c2[1]`; `c3` a 1×1 conv
 * to `c3[0]` then a 5×5 conv (padding 2) to `c3[1]`; `c4` after 3×3 max pooling (stride 1,
 * padding 1) a 1×1 conv. Each conv is followed by ReLU; `batchNorm` puts a BN after each conv
 * and drops its bias, as torchvision's `BasicConv2d` does.
 */
export interface InceptionChannels {
  c1: number;
  c2: [number, number];
  c3: [number, number];
  c4: number;
}

/** d2l's nine Inception blocks of GoogLeNet (7.4.2 zh / 8.4.2 en), with their input channels and size. */
export const D2L_INCEPTIONS: readonly { channelsIn: number; size: number; channels: InceptionChannels }[] = [
  { channelsIn: 192, size: 28, channels: { c1: 64, c2: [96, 128], c3: [16, 32], c4: 32 } },
  { channelsIn: 256, size: 28, channels: { c1: 128, c2: [128, 192], c3: [32, 96], c4: 64 } },
  { channelsIn: 480, size: 14, channels: { c1: 192, c2: [96, 208], c3: [16, 48], c4: 64 } },
  { channelsIn: 512, size: 14, channels: { c1: 160, c2: [112, 224], c3: [24, 64], c4: 64 } },
  { channelsIn: 512, size: 14, channels: { c1: 128, c2: [128, 256], c3: [24, 64], c4: 64 } },
  { channelsIn: 512, size: 14, channels: { c1: 112, c2: [144, 288], c3: [32, 64], c4: 64 } },
  { channelsIn: 528, size: 14, channels: { c1: 256, c2: [160, 320], c3: [32, 128], c4: 128 } },
  { channelsIn: 832, size: 7, channels: { c1: 256, c2: [160, 320], c3: [32, 128], c4: 128 } },
  { channelsIn: 832, size: 7, channels: { c1: 384, c2: [192, 384], c3: [48, 128], c4: 128 } },
];

/** A random block in d2l's style: reductions narrower than the paths they feed. */
export function randomInceptionChannels(rng: Rng): InceptionChannels {
  const c2b = 16 * rng.int(2, 16);
  const c3b = 8 * rng.int(1, 8);
  return {
    c1: 16 * rng.int(1, 16),
    c2: [8 * rng.int(2, c2b / 8), c2b],
    c3: [8 * rng.int(1, c3b / 8), c3b],
    c4: 16 * rng.int(1, 8),
  };
}

/** A narrow block (every path 8 to 32 channels): the same six products on small numbers. */
export function smallInceptionChannels(rng: Rng): InceptionChannels {
  return { c1: 8 * rng.int(1, 4), c2: [8, 16 * rng.int(1, 2)], c3: [8, 8 * rng.int(1, 2)], c4: 8 * rng.int(1, 4) };
}

export function inceptionBlock(c: InceptionChannels, options: { batchNorm: boolean }): LayerSpec {
  const conv = (filters: number, kernel: number, padding = 0): LayerSpec[] => [
    { type: "conv2d", filters, kernel, padding, bias: !options.batchNorm },
    ...(options.batchNorm ? [{ type: "batchnorm" as const }] : []),
    { type: "relu" },
  ];
  return {
    type: "concat",
    name: "inception",
    branches: [
      conv(c.c1, 1),
      [...conv(c.c2[0], 1), ...conv(c.c2[1], 3, 1)],
      [...conv(c.c3[0], 1), ...conv(c.c3[1], 5, 2)],
      [{ type: "maxpool2d", kernel: 3, stride: 1, padding: 1 }, ...conv(c.c4, 1)],
    ],
  };
}

/** `(c1, (c2a, c2b), (c3a, c3b), c4)`, the block's arguments as d2l writes them, in LaTeX. */
export function inceptionArguments(c: InceptionChannels): string {
  return `$c_1 = ${c.c1},\\ c_2 = (${c.c2[0]}, ${c.c2[1]}),\\ c_3 = (${c.c3[0]}, ${c.c3[1]}),\\ c_4 = ${c.c4}$`;
}
