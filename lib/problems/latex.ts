/**
 * Numbers and shapes as inline KaTeX, so prompts and solutions show them as maths. Only numbers
 * and symbols: no words, which belong in the message catalogue.
 */

/** `$16$` */
export function inlineNumber(value: number): string {
  return `$${value}$`;
}

/** `$[16, 15, 15]$` */
export function inlineShape(shape: readonly number[]): string {
  return `$[${shape.join(", ")}]$`;
}

/** `$5 \times 3$`, a kernel size given as height × width. */
export function inlineSize(height: number, width: number): string {
  return `$${height} \\times ${width}$`;
}

/** `$2$` when both axes agree and `square`, otherwise `$(2, 1)$` (height, width). */
export function inlinePair(height: number, width: number, square: boolean): string {
  return square && height === width ? `$${height}$` : `$(${height}, ${width})$`;
}

/**
 * A displayed formula on lines of its own: remark-math typesets `$$…$$` as a display block only
 * when the fences stand alone on their lines; written inline they render as inline maths.
 */
export function displayMath(tex: string): string {
  return `$$\n${tex}\n$$`;
}

/** `\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`, a matrix's TeX (no `$`), rows top to bottom. */
export function texMatrix(rows: readonly (readonly (number | string)[])[]): string {
  return `\\begin{bmatrix} ${rows.map((row) => row.join(" & ")).join(" \\\\ ")} \\end{bmatrix}`;
}

/** A matrix displayed on lines of its own, optionally named: `$$\nY = \begin{bmatrix}…\end{bmatrix}\n$$`. */
export function displayMatrix(rows: readonly (readonly (number | string)[])[], name?: string): string {
  return displayMath(`${name ? `${name} = ` : ""}${texMatrix(rows)}`);
}

/** `$\begin{bmatrix} 0 & 1 \\ 2 & 3 \end{bmatrix}$`, a matrix given as rows. */
export function inlineBmatrix(rows: readonly (readonly number[])[]): string {
  return `$${texMatrix(rows)}$`;
}

/** `$196{,}609{,}000$`: a count with thousands separators (`{,}` keeps KaTeX from spacing the comma). */
export function inlineCount(value: number): string {
  return `$${value.toLocaleString("en-US").replace(/,/g, "{,}")}$`;
}
