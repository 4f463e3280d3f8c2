import { term } from "../glossary";
import type { Lang, ProblemFigure } from "../types";
import { type BranchBox, branchFigure } from "./branch-figure";
import { figureLabel } from "./figure-labels";
import { figureMessages } from "./figure.messages";
import { shapeText } from "./stack-figure";

/**
 * d2l's residual block (7.6.2 zh / 8.6.2 en, figure 7.6.3): two 3×3 convolutions with batch
 * normalization on the main path, the shortcut the identity or a 1×1 convolution (d2l's with
 * bias, torchvision's without bias and with batch normalization), the two added, then ReLU.
 */
export interface ResidualFigureInput {
  channelsIn: number;
  size: number;
  filters: number;
  stride: number;
  shortcut: "identity" | "d2l" | "torchvision";
  /** The block's output `[C, H, W]` (the key or the engine's shape). */
  output: readonly number[];
}

export function residualFigure(block: ResidualFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const outSize = block.output[1] ?? 0;
  const shape = (c: number, s: number) => shapeText([c, s, s]);
  const bn: BranchBox = { label: term("batchNormalization", lang) };
  const main: BranchBox[] = [
    { label: t("branch.conv", { kernel: "3×3", padding: "1", stride: String(block.stride) }), detail: shape(block.filters, outSize) },
    { label: t("branch.bnRelu", { bn: term("batchNormalization", lang) }) },
    { label: t("branch.conv", { kernel: "3×3", padding: "1", stride: "1" }), detail: shape(block.filters, outSize) },
    bn,
  ];
  const oneByOne: BranchBox = { label: t("branch.conv", { kernel: "1×1", padding: "0", stride: String(block.stride) }), detail: shape(block.filters, outSize) };
  const shortcut: BranchBox[] = block.shortcut === "identity" ? [] : block.shortcut === "d2l" ? [oneByOne] : [oneByOne, bn];
  const name = term("residualBlock", lang);
  const svg = branchFigure({
    title: name,
    input: { label: figureMessages(lang)("layer.input"), detail: shape(block.channelsIn, block.size) },
    branches: [main, shortcut],
    emptyLabel: figureLabel("identity", lang),
    merge: { label: figureLabel("add", lang), detail: shape(block.filters, outSize), symbol: "\u2295" },
    after: [{ label: "ReLU" }],
    output: { label: figureMessages(lang)("layer.output"), detail: shapeText(block.output) },
  });
  const alt = t("branches.alt", { block: name, count: "2", input: shape(block.channelsIn, block.size), merge: "add", output: shapeText(block.output) });
  return { svg, alt };
}
