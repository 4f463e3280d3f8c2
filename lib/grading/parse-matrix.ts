import { checkLength, type LengthProblem, normalizeAnswer, quoteToken } from "./normalize-answer";
import { parseNumber } from "./parse-number";

/** Why an answer could not be read as a matrix of the expected size. */
export type MatrixFormatProblem =
  | LengthProblem
  | { problem: "not-number"; token: string }
  | { problem: "ragged"; lengths: number[] }
  | { problem: "wrong-dimensions"; rows: number; cols: number };

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a `rows × cols` matrix as learners type it: JSON (`[[1,2],[3,4]]`), rows split by `;` or
 * new lines with entries split by commas, spaces or tabs (`1 2; 3 4`, `1,2\n3,4`), NumPy's printout
 * (`[[1. 2.]\n [3. 4.]]`) and LaTeX's `1 & 2 \\ 3 & 4`. An entry is a number or an expression
 * without spaces or commas (`-1/2`, `2^3`); commas separate entries, so no digit grouping here.
 * The wrong number of rows or columns is a format error naming both sizes.
 */
export function parseMatrix(
  text: string,
  rows: number,
  cols: number,
): { ok: true; value: number[][] } | { ok: false; format: MatrixFormatProblem } {
  const length = checkLength(text);
  if (length) return { ok: false, format: length };
  const flat = normalizeAnswer(text)
    .replace(/\\\\/g, ";")
    .replace(/&/g, ",")
    .replace(/\]\s*[,;]?\s*\[/g, ";")
    .replace(/[[\]]/g, "");
  const lines = flat
    .split(/\s*(?:;|\r?\n)\s*/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length === 0) return { ok: false, format: { problem: "empty" } };

  const value: number[][] = [];
  for (const line of lines) {
    const row: number[] = [];
    for (const token of line.split(/[\s,]+/).filter((entry) => entry !== "")) {
      const entry = readEntry(token);
      if (entry === null) return { ok: false, format: { problem: "not-number", token: quoteToken(token) } };
      row.push(entry);
    }
    value.push(row);
  }
  const lengths = value.map((row) => row.length);
  if (lengths.some((n) => n !== lengths[0])) return { ok: false, format: { problem: "ragged", lengths } };
  if (value.length !== rows || lengths[0] !== cols) {
    return { ok: false, format: { problem: "wrong-dimensions", rows: value.length, cols: lengths[0] ?? 0 } };
  }
  return { ok: true, value };
}

function readEntry(token: string): number | null {
  if (PLAIN_NUMBER.test(token)) return Number(token) === 0 ? 0 : Number(token);
  const parsed = parseNumber(token);
  return parsed.ok ? parsed.value : null;
}
