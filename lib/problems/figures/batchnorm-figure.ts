import { term } from "../glossary";
import type { Lang, ProblemFigure } from "../types";
import { figureMessages } from "./figure.messages";
import { matrixFigure } from "./matrix-figure";

/**
 * Batch normalization in training mode on a `[N][F]` minibatch (d2l 7.5.1 zh / 8.5.1 en): each
 * feature's mean and biased variance over the batch, γ and β, and the output
 * `γ·(x − μ)/√(σ² + ε) + β`. Figures print two decimals; the key keeps its tolerance.
 */
export interface BatchNormFigureInput {
  input: readonly (readonly number[])[];
  gamma: readonly number[];
  beta: readonly number[];
  output: readonly (readonly number[])[];
}

export function batchNormFigure(figure: BatchNormFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const n = figure.input.length;
  const columns = figure.gamma.map((_, f) => figure.input.map((row) => row[f] ?? 0));
  const mean = columns.map((column) => column.reduce((a, b) => a + b, 0) / n);
  const variance = columns.map((column, f) => column.reduce((a, x) => a + (x - (mean[f] ?? 0)) ** 2, 0) / n);
  const svg = matrixFigure(t("batchNorm.title", { op: term("batchNormalization", lang) }), [
    [
      { caption: t("batchNorm.input"), cells: figure.input },
      "\u2192",
      { caption: t("batchNorm.mean"), cells: [mean] },
      { caption: t("batchNorm.variance"), cells: [variance] },
      { caption: "\u03b3", cells: [figure.gamma] },
      { caption: "\u03b2", cells: [figure.beta] },
    ],
    [t("batchNorm.formula"), { caption: term("output", lang), cells: figure.output, highlight: { row: 0, col: 0, rows: n, cols: figure.gamma.length, tone: "result" } }],
  ]);
  return { svg, alt: t("batchNorm.alt", { n: String(n), features: String(figure.gamma.length) }) };
}
