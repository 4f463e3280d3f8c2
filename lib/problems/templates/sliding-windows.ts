/**
 * The windows a 2-D cross-correlation or pooling layer slides over a small input, for worked
 * solutions and misconceptions: each template re-derives its key from these by hand, so the
 * windows follow d2l 6.2–6.5's picture (top-left first, `stride` apart, `padding` added on every
 * side) and PyTorch's floor rule for the last window.
 */

/** A window's entries, `null` where it covers padding. */
export type Window = (number | null)[][];

/** Per axis `[height, width]`. */
export type Pair2 = readonly [number, number];

/** The windows, row-major in output order: `windows[i][j]` produces output entry `(i, j)`. */
export function slideWindows(input: readonly (readonly number[])[], kernel: Pair2, stride: Pair2, padding: Pair2): Window[][] {
  const height = input.length;
  const width = input[0]?.length ?? 0;
  // PyTorch: a window is used only when it lies inside the padded input (floor of the division).
  const rows = Math.floor((height + 2 * padding[0] - kernel[0]) / stride[0]) + 1;
  const cols = Math.floor((width + 2 * padding[1] - kernel[1]) / stride[1]) + 1;
  const at = (r: number, c: number) => (r >= 0 && r < height && c >= 0 && c < width ? (input[r]?.[c] ?? null) : null);
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) =>
      Array.from({ length: kernel[0] }, (_, a) =>
        Array.from({ length: kernel[1] }, (_, b) => at(i * stride[0] - padding[0] + a, j * stride[1] - padding[1] + b)),
      ),
    ),
  );
}

/** The window's input values, padding left out, row by row. */
export const windowValues = (window: Window): number[] => window.flat().filter((x): x is number => x !== null);

/** `Σ window ⊙ kernel`, padding counting as zero: one entry of a cross-correlation (d2l 6.2.1). */
export function correlateWindow(window: Window, kernel: readonly (readonly number[])[]): number {
  let sum = 0;
  window.forEach((row, a) => row.forEach((x, b) => (sum += (x ?? 0) * (kernel[a]?.[b] ?? 0))));
  return sum;
}

/** The kernel rotated by 180°, which turns a cross-correlation into a true convolution (d2l 6.2.4). */
export const flipKernel = (kernel: readonly (readonly number[])[]): number[][] => [...kernel].reverse().map((row) => [...row].reverse());

/** Whether two matrices have the same dimensions and agree entry by entry within `tolerance` (absolute). */
export function matricesAgree(a: readonly (readonly number[])[], b: readonly (readonly number[])[], tolerance = 0): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => row.length === b[i]?.length && row.every((x, j) => Math.abs(x - (b[i]?.[j] ?? NaN)) <= tolerance))
  );
}
