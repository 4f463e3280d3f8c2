import type { Lang } from "../types";
import { convGradientStepsMessages } from "./conv-gradient-steps.messages";

/**
 * A convolution layer's gradients written out as sums of products, for the worked solutions and
 * the misconceptions of the gradient templates. Each sum follows the forward pass of a PyTorch
 * `Conv2d` (cross-correlation): output entry (i, j) uses the input entry X[s·i + a − p][s·j + b − p]
 * with weight W[a][b], so by the chain rule with δ = ∂L/∂Y (NNDL 5.3, eq. for ∂L/∂W and the error
 * term δ of the layer below):
 * - ∂L/∂W[a][b] = Σ_{i,j} δ[i][j]·X[s·i + a − p][s·j + b − p] (padding entries are 0);
 * - ∂L/∂X[m][n] = Σ_{i,j} δ[i][j]·W[m + p − s·i][n + p − s·j], over the windows that cover (m, n).
 */

type Matrix = readonly (readonly number[])[];

/** One product of a sum: a δ entry times the input or kernel entry it met; `null` where the input is padding. */
export interface Product {
  delta: number;
  factor: number | null;
}

export interface Geometry {
  stride: number;
  padding: number;
}

const at = (matrix: Matrix, r: number, c: number): number | null => (r >= 0 && c >= 0 && r < matrix.length && c < (matrix[0]?.length ?? 0) ? (matrix[r]?.[c] ?? null) : null);

/** The products of ∂L/∂W[a][b], one per δ entry, for a `kernelSize`² kernel. */
export function kernelGradientProducts(input: Matrix, delta: Matrix, kernelSize: number, { stride, padding }: Geometry): Product[][][] {
  return Array.from({ length: kernelSize }, (_, a) =>
    Array.from({ length: kernelSize }, (_, b) =>
      delta.flatMap((row, i) => row.map((d, j) => ({ delta: d, factor: at(input, stride * i + a - padding, stride * j + b - padding) }))),
    ),
  );
}

/** The products of ∂L/∂X[m][n] for an input of `rows` × `cols`: one per window that covers (m, n). */
export function inputGradientProducts(kernel: Matrix, delta: Matrix, rows: number, cols: number, { stride, padding }: Geometry): Product[][][] {
  return Array.from({ length: rows }, (_, m) =>
    Array.from({ length: cols }, (_, n) =>
      delta.flatMap((row, i) =>
        row.flatMap((d, j) => {
          const w = at(kernel, m + padding - stride * i, n + padding - stride * j);
          return w === null ? [] : [{ delta: d, factor: w }];
        }),
      ),
    ),
  );
}

export const sumOf = (products: readonly Product[]): number => products.reduce((sum, { delta, factor }) => sum + delta * (factor ?? 0), 0);

export const sumsOf = (grid: readonly (readonly Product[][])[]): number[][] => grid.map((row) => row.map(sumOf));

/** The kernel rotated by 180° (NNDL's rot180). */
export const rotate180 = (matrix: Matrix): number[][] => [...matrix].reverse().map((row) => [...row].reverse());

/** The matrix minus η times the gradient: one step of gradient descent (or ascent, for a negative η). */
export const stepKernel = (kernel: Matrix, gradient: Matrix, rate: number): number[][] =>
  kernel.map((row, a) => row.map((w, b) => roundStep(w - rate * (gradient[a]?.[b] ?? 0))));

/** Rates are hundredths and gradients integers: six decimals remove the binary representation's noise. */
const roundStep = (x: number) => Math.round(x * 1e6) / 1e6;

const term = (x: number) => (x < 0 ? `(${x})` : String(x));

/** `δ·x + δ·x + … = sum`, padding shown as 0; an entry no window reaches is `0`. */
export function productsTex(products: readonly Product[]): string {
  if (products.length === 0) return "0";
  const terms = products.map(({ delta, factor }) => `${term(delta)} \\cdot ${term(factor ?? 0)}`);
  return `${terms.join(" + ")} = ${sumOf(products)}`;
}

/** Up to this many entries are listed; beyond, the first is worked and all are folded (as `correlationSteps`). */
const LISTED = 4;

/**
 * `- $\frac{∂L}{∂W_{1,1}} = δ·x + … = g$` for each entry of the gradient named `name` (`W` or `X`);
 * more than four are summarised by the first and folded into a details block.
 */
export function gradientSteps(name: "W" | "X", grid: readonly (readonly Product[][])[], lang: Lang): string {
  const sums = grid.flatMap((row, r) => row.map((products, c) => `\\frac{\\partial L}{\\partial ${name}_{${r + 1},${c + 1}}} = ${productsTex(products)}`));
  const steps = sums.map((sum) => `- $${sum}$`);
  if (steps.length <= LISTED) return steps.join("\n");
  const t = convGradientStepsMessages(lang);
  // No blank line inside the fold: a walkthrough splits a solution into steps at blank lines.
  return [t("firstEntry"), "", "$$", sums[0], "$$", "", t("otherEntries", { count: steps.length - 1 }), "", `:::details[${t("foldLabel", { count: String(steps.length) })}]`, ...steps, ":::"].join("\n");
}
