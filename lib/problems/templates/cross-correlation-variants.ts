import type { Rng } from "../rng";
import type { Difficulty, Lang } from "../types";
import { correlationStepsMessages } from "./correlation-steps.messages";
import { correlateWindow, type Pair2, slideWindows } from "./sliding-windows";

/**
 * The variants shared by `xcorr.values` and `xcorr.true-convolution`: a small integer input and
 * kernel with a stride and padding (d2l 6.2.1, 6.3).
 *
 * Difficulties: easy, d2l's 3×3 input and 2×2 kernel of small non-negative integers; medium, a
 * 4×4 input with a 2×2 or 3×3 kernel with negative entries; hard, a 3×3 kernel on a 4×4 or 5×5
 * input with padding 1 or stride 2.
 */
export interface CorrelationParams {
  difficulty: Difficulty;
  input: number[][];
  kernel: number[][];
  stride: number;
  padding: number;
}

export const CORRELATION_DIFFICULTIES = ["easy", "medium", "hard"] as const;

const matrixOf = (rng: Rng, rows: number, from: number, to: number) =>
  Array.from({ length: rows }, () => Array.from({ length: rows }, () => rng.int(from, to)));

export function generateCorrelation(rng: Rng): CorrelationParams {
  const difficulty = rng.pick(CORRELATION_DIFFICULTIES);
  if (difficulty === "easy") return { difficulty, input: matrixOf(rng, 3, 0, 9), kernel: matrixOf(rng, 2, 0, 4), stride: 1, padding: 0 };
  if (difficulty === "medium") {
    const size = rng.pick([2, 3]);
    return { difficulty, input: matrixOf(rng, 4, 0, 9), kernel: matrixOf(rng, size, -2, 3), stride: 1, padding: 0 };
  }
  const input = matrixOf(rng, rng.int(4, 5), -3, 6);
  const kernel = matrixOf(rng, 3, -2, 2);
  const [stride, padding] = rng.pick([[1, 1], [2, 0], [2, 1]] as const);
  return { difficulty, input, kernel, stride, padding };
}

/** The variant's windows, with the stride and padding as given or as a misconception changes them. */
export const correlationWindows = (p: CorrelationParams, stride = p.stride, padding = p.padding) =>
  slideWindows(p.input, [p.kernel.length, p.kernel.length], [stride, stride] as Pair2, [padding, padding] as Pair2);

/** The cross-correlation of the variant's input with `kernel` (padding as zeros). */
export const correlateWith = (p: CorrelationParams, kernel: number[][], stride = p.stride, padding = p.padding) =>
  correlationWindows(p, stride, padding).map((row) => row.map((w) => correlateWindow(w, kernel)));

/**
 * Up to this many windows are listed in the solution; beyond, the first is worked and every one is
 * folded (`:::details`, lib/server/markdown/fold-details.ts): a hard variant's 25 windows of 9
 * products each were 5,000 px of bullets on a phone, and the figure already shows them laid out.
 */
export const LISTED_WINDOWS = 4;

/**
 * `- $Y_{i,j} = x·k + … = y$` for each output entry: the sum of products, padding as 0; more than
 * `LISTED_WINDOWS` of them are summarised by the first and folded.
 */
export function correlationSteps(p: CorrelationParams, kernel: number[][], lang: Lang): string {
  const term = (x: number) => (x < 0 ? `(${x})` : String(x));
  const sums = correlationWindows(p).flatMap((row, i) =>
    row.map((window, j) => {
      const products = window.flatMap((r, a) => r.map((x, b) => `${term(x ?? 0)} \\cdot ${term(kernel[a]?.[b] ?? 0)}`));
      return `Y_{${i + 1},${j + 1}} = ${products.join(" + ")} = ${correlateWindow(window, kernel)}`;
    }),
  );
  const steps = sums.map((sum) => `- $${sum}$`);
  if (steps.length <= LISTED_WINDOWS) return steps.join("\n");
  const t = correlationStepsMessages(lang);
  // No blank line inside the fold: a walkthrough splits a solution into steps at blank lines.
  return [
    t("firstWindow"),
    "",
    // A display formula: nine products on one line scroll on a phone rather than widen the page.
    "$$",
    sums[0],
    "$$",
    "",
    t("otherWindows", { count: steps.length - 1 }),
    "",
    `:::details[${t("foldLabel", { count: String(steps.length) })}]`,
    ...steps,
    ":::",
  ].join("\n");
}
