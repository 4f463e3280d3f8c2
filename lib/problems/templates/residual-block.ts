import type { LayerSpec } from "../../engine";
import { inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Lang } from "../types";
import { residualMessages as messages } from "./residual.messages";

/**
 * The residual block of the `residual.*` templates: d2l's `Residual` (7.6 zh / 8.6 en): two 3×3
 * convolutions with batch normalization, the first with the block's stride, and a shortcut that
 * is the identity, d2l's 1×1 convolution with bias (`use_1x1conv`), or torchvision's 1×1
 * convolution without bias followed by batch normalization (`downsample`).
 */
export type Shortcut = "identity" | "d2l" | "torchvision";

export interface ResidualBlock {
  channelsIn: number;
  size: number;
  filters: number;
  stride: number;
  shortcut: Shortcut;
}

/** The shortcut path's layers (empty: the identity). */
export function shortcutLayers(block: ResidualBlock): LayerSpec[] {
  if (block.shortcut === "identity") return [];
  const conv: LayerSpec = { type: "conv2d", filters: block.filters, kernel: 1, stride: block.stride };
  return block.shortcut === "d2l" ? [conv] : [{ ...conv, bias: false }, { type: "batchnorm" }];
}

/** The block as one `residual` layer. */
export function residualLayer(block: ResidualBlock): LayerSpec {
  return {
    type: "residual",
    body: [
      { type: "conv2d", filters: block.filters, kernel: 3, stride: block.stride, padding: 1 },
      { type: "batchnorm" },
      { type: "relu" },
      { type: "conv2d", filters: block.filters, kernel: 3, padding: 1 },
      { type: "batchnorm" },
    ],
    shortcut: shortcutLayers(block),
    activation: "relu",
  };
}

/** The block described in the learner's language. */
export function describeBlock(block: ResidualBlock, lang: Lang): string {
  return messages(lang)("block", {
    inputShape: inlineShape([block.channelsIn, block.size, block.size]),
    kernel: inlineSize(3, 3),
    filters: inlineNumber(block.filters),
    stride: inlineNumber(block.stride),
    shortcut: block.shortcut,
  });
}
