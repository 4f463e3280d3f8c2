/** Sums and products of decimal points (0.7 × 7) carry binary noise; a score is kept to a millionth. */
export function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
