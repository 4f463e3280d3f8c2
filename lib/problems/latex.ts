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
