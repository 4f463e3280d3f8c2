import { term } from "../glossary";
import type { Lang, ProblemFigure } from "../types";
import { figureLabel } from "./figure-labels";
import { figureMessages } from "./figure.messages";
import { formatNumber } from "./svg";
import { matrixFigure, padCells } from "./matrix-figure";

/**
 * Max or average pooling drawn as d2l's figure 6.5.1 (zh) / 7.5.1 (en): the (padded) input with
 * the first pooling window shaded, the operation, the output with the entry that window gives.
 * Max pooling's padding shows −∞ (PyTorch pads with it), average pooling's shows 0.
 */
export interface PoolingFigureInput {
  pool: "max" | "avg";
  input: readonly (readonly number[])[];
  kernel: number;
  padding: number;
  output: readonly (readonly number[])[];
}

export function poolingFigure(figure: PoolingFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const op = figure.pool === "max" ? term("maxPooling", lang) : term("averagePooling", lang);
  const svg = matrixFigure(t("pooling.title", { op, k: String(figure.kernel) }), [
    [
      {
        caption: figure.padding > 0 ? figureLabel("paddedInput", lang) : term("input", lang),
        cells: padCells(figure.input, figure.padding),
        highlight: { row: 0, col: 0, rows: figure.kernel, cols: figure.kernel, tone: "window" },
        paddingText: figure.pool === "max" ? "\u2212\u221e" : "0",
      },
      figureLabel(figure.pool === "max" ? "max" : "mean", lang),
      { caption: term("output", lang), cells: figure.output, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "result" } },
    ],
  ]);
  const alt = t("pooling.alt", {
    inRows: String(figure.input.length),
    inCols: String(figure.input[0]?.length ?? 0),
    padded: figure.padding > 0 ? "yes" : "no",
    k: String(figure.kernel),
    outRows: String(figure.output.length),
    outCols: String(figure.output[0]?.length ?? 0),
    first: formatNumber(figure.output[0]?.[0] ?? 0),
    op,
  });
  return { svg, alt };
}
