/**
 * A matrix as a learner types it in the sandbox: rows separated by newlines or `;`, numbers by
 * spaces or commas, brackets ignored, so `0 1 2; 3 4 5`, `[[0, 1], [2, 3]]` and one row a line all
 * read the same. Pure: the page turns the error's `reason` into a sentence in either language.
 */

export type MatrixText =
  | { ok: true; rows: number[][] }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "not-a-number"; row: number; token: string }
  | { ok: false; reason: "ragged"; row: number; expected: number; got: number };

export function parseMatrixText(text: string): MatrixText {
  const lines = text
    .replace(/\]\s*,\s*\[/g, ";")
    .replace(/[[\]]/g, "")
    .split(/[;\n]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) return { ok: false, reason: "empty" };
  const rows: number[][] = [];
  for (const [index, line] of lines.entries()) {
    const row: number[] = [];
    for (const token of line.split(/[\s,]+/).filter(Boolean)) {
      // Learners copy a minus sign from the book (U+2212) as often as they type a hyphen.
      const value = Number(token.replace(/\u2212/g, "-"));
      if (!Number.isFinite(value)) return { ok: false, reason: "not-a-number", row: index + 1, token };
      row.push(value);
    }
    const expected = rows[0]?.length ?? row.length;
    if (row.length !== expected) return { ok: false, reason: "ragged", row: index + 1, expected, got: row.length };
    rows.push(row);
  }
  return { ok: true, rows };
}

/** One row a line, numbers separated by spaces: what `parseMatrixText` reads back. */
export function matrixToText(rows: readonly (readonly number[])[]): string {
  return rows.map((row) => row.join(" ")).join("\n");
}
