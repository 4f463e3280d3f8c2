import { term } from "../glossary";
import type { Lang } from "../types";
import { figureLabel } from "./figure-labels";
import { figureMessages } from "./figure.messages";
import { formatNumber } from "./svg";
import { type FigureRow, matrixFigure, padCells } from "./matrix-figure";
import type { ProblemFigure } from "../types";

/**
 * A 2-D cross-correlation drawn as d2l's figure 6.2.1 (zh) / 7.2.1 (en): the (padded) input with
 * the first window shaded, `⋆` the kernel, `=` the output with the entry that window gives. For a
 * true convolution (d2l 6.2.5) the kernel drawn is the flipped one actually slid over the input.
 */
export interface CorrelationFigureInput {
  input: readonly (readonly number[])[];
  /** The kernel as slid over the input (already flipped for a true convolution). */
  kernel: readonly (readonly number[])[];
  output: readonly (readonly number[])[];
  padding: number;
  stride: number;
  flipped: boolean;
  /** The output entry whose window is shaded (0-based); the first one unless a later one says more. */
  at?: readonly [number, number];
}

export function correlationFigure(figure: CorrelationFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const kRows = figure.kernel.length;
  const kCols = figure.kernel[0]?.length ?? 0;
  const [i, j] = figure.at ?? [0, 0];
  const op = figure.flipped ? term("convolution", lang) : term("crossCorrelation", lang);
  const row: FigureRow = [
    {
      caption: figure.padding > 0 ? figureLabel("paddedInput", lang) : term("input", lang),
      cells: padCells(figure.input, figure.padding),
      highlight: { row: i * figure.stride, col: j * figure.stride, rows: kRows, cols: kCols, tone: "window" },
    },
    "\u22c6",
    { caption: figure.flipped ? figureLabel("flippedKernel", lang) : term("kernel", lang), cells: figure.kernel, highlight: { row: 0, col: 0, rows: kRows, cols: kCols, tone: "window" } },
    "=",
    { caption: term("output", lang), cells: figure.output, highlight: { row: i, col: j, rows: 1, cols: 1, tone: "result" } },
  ];
  const svg = matrixFigure(t("correlation.title", { op }), [row]);
  const alt = t("correlation.alt", {
    inRows: String(figure.input.length),
    inCols: String(figure.input[0]?.length ?? 0),
    padded: figure.padding > 0 ? "yes" : "no",
    kRows: String(kRows),
    kCols: String(kCols),
    flipped: figure.flipped ? "yes" : "no",
    outRows: String(figure.output.length),
    outCols: String(figure.output[0]?.length ?? 0),
    i: String(i + 1),
    j: String(j + 1),
    value: formatNumber(figure.output[i]?.[j] ?? 0),
  });
  return { svg, alt };
}
