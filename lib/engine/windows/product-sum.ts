import type { OutputWindow, WindowOp } from "./op-windows";

/**
 * One output cell's computation written out, as the books write it: `0·0 + 1·1 + 3·2 + 4·3 = 19`
 * (d2l 6.2.1), `max(0, 1, 3, 4) = 4` and `(0 + 1 + 3 + 4) / 4 = 2` (d2l 6.5.1). Mathematical
 * notation, the same in every language. `result` is the value to show after `=` (the engine's).
 */
export function productSumText(op: WindowOp, window: OutputWindow, result: number = window.value): string {
  const value = formatNumber(result);
  if (op === "maxpool2d") {
    // Padding (−∞) never wins a max, so it is left out of the list.
    const values = window.terms.filter((term) => !term.padded).map((term) => formatNumber(term.x));
    return `max(${values.join(", ")}) = ${value}`;
  }
  if (op === "avgpool2d") {
    const values = window.terms.map((term) => formatNumber(term.x));
    return `(${values.join(" + ")}) / ${window.terms.length} = ${value}`;
  }
  if (window.terms.length === 0) return `0 = ${value}`;
  const products = window.terms.map((term) => `${factor(term.x)}·${factor(term.k ?? 0)}`);
  return `${products.join(" + ")} = ${value}`;
}

/** At most four decimals, a true minus sign (U+2212), no trailing zeros. */
export function formatNumber(value: number): string {
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  const rounded = Math.round(value * 1e4) / 1e4;
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return text.replace("-", "−");
}

function factor(value: number): string {
  const text = formatNumber(value);
  return value < 0 ? `(${text})` : text;
}
