/**
 * How a pooling layer's upstream gradient δ reaches its input, written out window by window for
 * the worked solution and the misconceptions of `grad.pool-routing` (NNDL 5.3: max pooling passes
 * each δ to the position of its window's maximum, average pooling spreads it evenly; PyTorch's
 * `max_pool2d` and `avg_pool2d` backward passes). Windows start `stride` apart on the input
 * padded by `padding` zeros; a padded position is no input cell, so it receives nothing.
 */

type Matrix = readonly (readonly number[])[];

export interface PoolGeometry {
  input: Matrix;
  kernel: number;
  stride: number;
  padding: number;
}

export interface Cell {
  row: number;
  col: number;
  value: number;
}

/** The input cells of the window behind output entry (i, j), row by row (padding left out). */
export function windowCells({ input, kernel, stride, padding }: PoolGeometry, i: number, j: number): Cell[] {
  const cells: Cell[] = [];
  for (let a = 0; a < kernel; a++) {
    for (let b = 0; b < kernel; b++) {
      const row = i * stride - padding + a;
      const col = j * stride - padding + b;
      const value = input[row]?.[col];
      if (value !== undefined) cells.push({ row, col, value });
    }
  }
  return cells;
}

/** Which cells of a window receive its δ, and each one's share of it. */
export type Rule = (cells: readonly Cell[], area: number) => { cells: readonly Cell[]; share: number };

/** PyTorch's max pooling: the first largest value, row by row. */
export const firstMax: Rule = (cells) => ({ cells: [cells.reduce((best, cell) => (cell.value > best.value ? cell : best))], share: 1 });
/** A tie sent to the last maximum (what tfjs's WebGL kernel does). */
export const lastMax: Rule = (cells) => ({ cells: [cells.reduce((best, cell) => (cell.value >= best.value ? cell : best))], share: 1 });
/** Every tied maximum receiving the whole δ. */
export const allMax: Rule = (cells) => {
  const top = Math.max(...cells.map((cell) => cell.value));
  return { cells: cells.filter((cell) => cell.value === top), share: 1 };
};
/** Average pooling with `count_include_pad` (PyTorch's default): δ divided by the whole window's area. */
export const evenShare: Rule = (cells, area) => ({ cells, share: 1 / area });
/** δ divided by the window's input cells only (`count_include_pad=False`). */
export const insideShare: Rule = (cells) => ({ cells, share: 1 / cells.length });
/** δ copied to every cell, undivided. */
export const undivided: Rule = (cells) => ({ cells, share: 1 });

/** One window's contribution: output entry (i, j), the cells it feeds and the amount each receives. */
export interface Routed {
  i: number;
  j: number;
  cells: readonly Cell[];
  amount: number;
}

export function routeWindows(p: PoolGeometry, delta: Matrix, rule: Rule): Routed[] {
  return delta.flatMap((row, i) =>
    row.map((d, j) => {
      const routed = rule(windowCells(p, i, j), p.kernel * p.kernel);
      return { i, j, cells: routed.cells, amount: d * routed.share };
    }),
  );
}

/** ∂L/∂X: each cell sums what its windows send it, or, with `overwrite`, keeps only the last window's. */
export function routeGradient(p: PoolGeometry, delta: Matrix, rule: Rule, overwrite = false): number[][] {
  const grad = p.input.map((row) => row.map(() => 0));
  for (const { cells, amount } of routeWindows(p, delta, rule)) {
    for (const { row, col } of cells) grad[row]![col] = overwrite ? amount : grad[row]![col]! + amount;
  }
  return grad;
}
