import type { Lang, ProblemFigure } from "../types";
import { branchFigure } from "./branch-figure";
import { figureLabel } from "./figure-labels";
import { figureMessages } from "./figure.messages";
import { shapeText } from "./stack-figure";

/**
 * d2l's Inception block (7.4.1 zh / 8.4.1 en, figure 7.4.1): four paths from the same input, each
 * box with the channels it gives, concatenated on channels: `c₁ + c₂[1] + c₃[1] + c₄`.
 */
export interface InceptionFigureInput {
  channelsIn: number;
  size: number;
  c1: number;
  c2: readonly [number, number];
  c3: readonly [number, number];
  c4: number;
}

export function inceptionFigure(block: InceptionFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const channels = (count: number) => t("branch.channels", { count: String(count) });
  const conv = (kernel: number, padding: number, count: number) => ({
    label: t("branch.conv", { kernel: `${kernel}×${kernel}`, padding: String(padding), stride: "1" }),
    detail: channels(count),
  });
  const out = block.c1 + block.c2[1] + block.c3[1] + block.c4;
  const block_ = figureLabel("inceptionBlock", lang);
  const svg = branchFigure({
    title: block_,
    input: { label: figureMessages(lang)("layer.input"), detail: shapeText([block.channelsIn, block.size, block.size]) },
    branches: [
      [conv(1, 0, block.c1)],
      [conv(1, 0, block.c2[0]), conv(3, 1, block.c2[1])],
      [conv(1, 0, block.c3[0]), conv(5, 2, block.c3[1])],
      [{ label: t("branch.maxpool", { kernel: "3×3", padding: "1" }), detail: channels(block.channelsIn) }, conv(1, 0, block.c4)],
    ],
    merge: { label: figureLabel("concat", lang), detail: `${block.c1} + ${block.c2[1]} + ${block.c3[1]} + ${block.c4} = ${out}` },
    after: [],
    output: { label: figureMessages(lang)("layer.output"), detail: shapeText([out, block.size, block.size]) },
  });
  const alt = t("branches.alt", {
    block: block_,
    count: "4",
    input: shapeText([block.channelsIn, block.size, block.size]),
    merge: "concat",
    output: shapeText([out, block.size, block.size]),
  });
  return { svg, alt };
}
