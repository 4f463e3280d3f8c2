import { term } from "../glossary";
import type { Lang, ProblemFigure } from "../types";
import { figureMessages } from "./figure.messages";
import { type FigureRow, matrixFigure } from "./matrix-figure";

/**
 * A transposed convolution as d2l draws it (13.10.1 zh / 14.10.1 en, figure 13.10.1): each input
 * entry scales the kernel, the copies land `stride` apart and are summed; padding then crops
 * rows and columns from the border. The first entry and its copy are shaded.
 */
export interface TransposedFigureInput {
  input: readonly (readonly number[])[];
  kernel: readonly (readonly number[])[];
  stride: number;
  padding: number;
  /** The summed copies before cropping. */
  full: readonly (readonly number[])[];
  output: readonly (readonly number[])[];
}

export function transposedFigure(figure: TransposedFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const kh = figure.kernel.length;
  const kw = figure.kernel[0]?.length ?? 0;
  const row: FigureRow = [
    { caption: term("input", lang), cells: figure.input, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "window" } },
    "\u00d7",
    { caption: term("kernel", lang), cells: figure.kernel, highlight: { row: 0, col: 0, rows: kh, cols: kw, tone: "window" } },
    "\u2192",
    {
      caption: t("transposed.sum"),
      cells: figure.full,
      highlight: figure.padding > 0 ? { row: figure.padding, col: figure.padding, rows: figure.output.length, cols: figure.output[0]?.length ?? 0, tone: "result" } : { row: 0, col: 0, rows: kh, cols: kw, tone: "window" },
    },
  ];
  const rows: FigureRow[] = [row];
  if (figure.padding > 0) rows.push([t("transposed.crop", { padding: String(figure.padding) }), { caption: term("output", lang), cells: figure.output }]);
  const svg = matrixFigure(t("transposed.title", { op: term("transposedConvolution", lang), stride: String(figure.stride) }), rows);
  const alt = t("transposed.alt", {
    stride: String(figure.stride),
    fullRows: String(figure.full.length),
    fullCols: String(figure.full[0]?.length ?? 0),
    padded: figure.padding > 0 ? "yes" : "no",
    padding: String(figure.padding),
    outRows: String(figure.output.length),
    outCols: String(figure.output[0]?.length ?? 0),
  });
  return { svg, alt };
}
