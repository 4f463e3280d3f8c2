/**
 * CSV as RFC 4180 writes it (fields with a quote, comma or line break are quoted, quotes doubled,
 * CRLF between records), with two guards for spreadsheets:
 * - a UTF-8 byte-order mark first, without which Excel reads UTF-8 as the local code page and
 *   garbles Chinese;
 * - a text cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so
 *   a spreadsheet shows it instead of running it as a formula (OWASP, "CSV Injection"). Numbers are
 *   written as numbers, so a negative score stays a number.
 */
export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export const BYTE_ORDER_MARK = "\uFEFF";

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))];
  return `${BYTE_ORDER_MARK}${lines.join("\r\n")}\r\n`;
}
