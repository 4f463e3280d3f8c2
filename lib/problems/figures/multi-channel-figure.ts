import { term } from "../glossary";
import type { Lang, ProblemFigure } from "../types";
import { figureMessages } from "./figure.messages";
import { type FigureRow, matrixFigure } from "./matrix-figure";
import { formatNumber } from "./svg";

/**
 * Cross-correlation with several input channels (d2l 6.4.1 zh / 7.4.1 en, figure 6.4.1): one row
 * per channel, its input with the first window, its kernel slice and that channel's result; the
 * last row sums the channels (plus the bias) into the output.
 */
export interface MultiChannelFigureInput {
  input: readonly (readonly (readonly number[])[])[];
  kernel: readonly (readonly (readonly number[])[])[];
  /** Each channel's cross-correlation with its kernel slice. */
  perChannel: readonly (readonly (readonly number[])[])[];
  bias: number;
  output: readonly (readonly number[])[];
}

export function multiChannelFigure(figure: MultiChannelFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const k = figure.kernel[0]?.length ?? 0;
  const window = (rows: number) => ({ row: 0, col: 0, rows, cols: rows, tone: "window" as const });
  const rows: FigureRow[] = figure.input.map((channel, c) => [
    { caption: t("multiChannel.input", { c: String(c + 1) }), cells: channel, highlight: window(k) },
    "\u22c6",
    { caption: t("multiChannel.kernel", { c: String(c + 1) }), cells: figure.kernel[c] ?? [], highlight: window(k) },
    "=",
    { caption: t("multiChannel.partial", { c: String(c + 1) }), cells: figure.perChannel[c] ?? [], highlight: window(1) },
  ]);
  rows.push([
    t("multiChannel.sum", { bias: figure.bias !== 0 ? "yes" : "no", value: formatNumber(figure.bias) }),
    { caption: term("output", lang), cells: figure.output, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "result" } },
  ]);
  const svg = matrixFigure(t("multiChannel.title", { channels: String(figure.input.length) }), rows);
  const alt = t("multiChannel.alt", {
    channels: String(figure.input.length),
    bias: figure.bias !== 0 ? "yes" : "no",
    value: formatNumber(figure.bias),
    first: formatNumber(figure.output[0]?.[0] ?? 0),
  });
  return { svg, alt };
}
