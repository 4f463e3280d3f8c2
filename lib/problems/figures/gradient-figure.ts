import type { Lang, ProblemFigure } from "../types";
import { gradientFigureMessages } from "./gradient-figure.messages";
import { type GridPanel, matrixFigure, padCells } from "./matrix-figure";
import { formatNumber } from "./svg";

/**
 * The gradient problems drawn as the cross-correlations NNDL 5.3 writes them: ∂L/∂W as the input
 * correlated with δ, ∂L/∂X as δ (padded with zeros, and with zeros between its entries at a
 * stride) correlated with the kernel rotated by 180°, a pooling layer's routing from δ to the
 * input, and W − η·∂L/∂W. Each shades the window behind the gradient's top-left entry.
 */

type Matrix = readonly (readonly number[])[];

/** δ with `stride − 1` zeros between neighbouring entries: where each entry's window starts. */
export function spreadDelta(delta: Matrix, stride: number): number[][] {
  const rows = (delta.length - 1) * stride + 1;
  const cols = ((delta[0]?.length ?? 1) - 1) * stride + 1;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (r % stride === 0 && c % stride === 0 ? (delta[r / stride]?.[c / stride] ?? 0) : 0)),
  );
}

const size = (matrix: readonly (readonly unknown[])[]) => ({ rows: String(matrix.length), cols: String(matrix[0]?.length ?? 0) });

export interface KernelGradientFigure {
  input: Matrix;
  delta: Matrix;
  stride: number;
  padding: number;
  gradient: Matrix;
}

export function kernelGradientFigure(figure: KernelGradientFigure, lang: Lang): ProblemFigure {
  const t = gradientFigureMessages(lang);
  const spread = spreadDelta(figure.delta, figure.stride);
  const svg = matrixFigure(t("kernelTitle"), [
    [
      {
        caption: t(figure.padding > 0 ? "paddedInput" : "input"),
        cells: padCells(figure.input, figure.padding),
        highlight: { row: 0, col: 0, rows: spread.length, cols: spread[0]?.length ?? 0, tone: "window" },
      },
      "\u22c6",
      { caption: figure.stride > 1 ? t("deltaSpread", { stride: String(figure.stride) }) : t("delta"), cells: spread },
      "=",
      { caption: t("gradKernel"), cells: figure.gradient, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "result" } },
    ],
  ]);
  const input = size(figure.input);
  const delta = size(figure.delta);
  const kernel = size(figure.gradient);
  const alt = t("kernelAlt", {
    inRows: input.rows,
    inCols: input.cols,
    padded: figure.padding > 0 ? "yes" : "no",
    dRows: delta.rows,
    dCols: delta.cols,
    spread: figure.stride > 1 ? "yes" : "no",
    stride: String(figure.stride),
    kRows: kernel.rows,
    kCols: kernel.cols,
    value: formatNumber(figure.gradient[0]?.[0] ?? 0),
  });
  return { svg, alt };
}

export interface InputGradientFigure {
  kernel: Matrix;
  delta: Matrix;
  stride: number;
  padding: number;
  gradient: Matrix;
}

/**
 * δ spread by the stride and padded with k − 1 − p zeros: NNDL's wide convolution (k − 1 zeros)
 * with the p outer rows and columns that belong to the forward pass's padding already dropped.
 */
export function inputGradientFigure(figure: InputGradientFigure, lang: Lang): ProblemFigure {
  const t = gradientFigureMessages(lang);
  const k = figure.kernel.length;
  const rotated = [...figure.kernel].reverse().map((row) => [...row].reverse());
  const wide = padCells(spreadDelta(figure.delta, figure.stride), k - 1 - figure.padding);
  const svg = matrixFigure(t("inputTitle"), [
    [
      { caption: t("deltaWide", { stride: String(figure.stride) }), cells: wide, highlight: { row: 0, col: 0, rows: k, cols: k, tone: "window" } },
      "\u22c6",
      { caption: t("rotated"), cells: rotated },
      "=",
      { caption: t("gradInput"), cells: figure.gradient, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "result" } },
    ],
  ]);
  const out = size(figure.gradient);
  const alt = t("inputAlt", {
    spread: figure.stride > 1 ? "yes" : "no",
    kRows: String(k),
    kCols: String(k),
    outRows: out.rows,
    outCols: out.cols,
    value: formatNumber(figure.gradient[0]?.[0] ?? 0),
  });
  return { svg, alt };
}

export interface PoolGradientFigure {
  pool: "max" | "avg";
  input: Matrix;
  delta: Matrix;
  kernel: number;
  padding: number;
  gradient: Matrix;
  /** Max pooling: the input cell the first window's δ goes to (row, column). */
  firstMax?: readonly [number, number];
}

export function poolGradientFigure(figure: PoolGradientFigure, lang: Lang): ProblemFigure {
  const t = gradientFigureMessages(lang);
  const inside = figure.kernel - figure.padding;
  const target: GridPanel["highlight"] =
    figure.pool === "max" && figure.firstMax
      ? { row: figure.firstMax[0], col: figure.firstMax[1], rows: 1, cols: 1, tone: "result" }
      : { row: 0, col: 0, rows: inside, cols: inside, tone: "result" };
  const svg = matrixFigure(t("poolTitle", { pool: figure.pool }), [
    [
      {
        caption: t(figure.padding > 0 ? "paddedInput" : "input"),
        cells: padCells(figure.input, figure.padding),
        highlight: { row: 0, col: 0, rows: figure.kernel, cols: figure.kernel, tone: "window" },
      },
      { caption: t("delta"), cells: figure.delta, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "window" } },
      "\u2192",
      { caption: t("gradInput"), cells: figure.gradient, highlight: target },
    ],
  ]);
  const input = size(figure.input);
  const alt = t("poolAlt", {
    inRows: input.rows,
    inCols: input.cols,
    padded: figure.padding > 0 ? "yes" : "no",
    k: String(figure.kernel),
    pool: figure.pool,
    area: String(figure.kernel * figure.kernel),
    value: formatNumber(figure.gradient[0]?.[0] ?? 0),
  });
  return { svg, alt };
}

export interface DescentFigure {
  kernel: Matrix;
  gradient: Matrix;
  rate: number;
  updated: Matrix;
}

export function descentFigure(figure: DescentFigure, lang: Lang): ProblemFigure {
  const t = gradientFigureMessages(lang);
  const rate = String(figure.rate);
  const svg = matrixFigure(t("stepTitle", { rate }), [
    [
      { caption: t("kernel"), cells: figure.kernel, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "window" } },
      `\u2212 ${rate} \u00d7`,
      { caption: t("gradKernel"), cells: figure.gradient, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "window" } },
      "=",
      { caption: t("updated"), cells: figure.updated, highlight: { row: 0, col: 0, rows: 1, cols: 1, tone: "result" } },
    ],
  ]);
  const kernel = size(figure.kernel);
  const alt = t("stepAlt", { kRows: kernel.rows, kCols: kernel.cols, rate, value: formatNumber(figure.updated[0]?.[0] ?? 0) });
  return { svg, alt };
}
