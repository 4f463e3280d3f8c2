import { describe, expect, it } from "vitest";
import { matrixToText, parseMatrixText } from "@/lib/engine/windows";

describe("parseMatrixText", () => {
  it("reads rows by newline or semicolon, numbers by spaces or commas, brackets ignored", () => {
    const expected = { ok: true, rows: [[0, 1, 2], [3, 4, 5]] };
    expect(parseMatrixText("0 1 2\n3 4 5")).toEqual(expected);
    expect(parseMatrixText("0, 1, 2; 3, 4, 5")).toEqual(expected);
    expect(parseMatrixText("[[0, 1, 2], [3, 4, 5]]")).toEqual(expected);
    expect(parseMatrixText("  0 1 2 \n\n 3 4 5 \n")).toEqual(expected);
  });

  it("reads the book's minus sign and decimals", () => {
    expect(parseMatrixText("1 \u22121; 0.5 -2e1")).toEqual({ ok: true, rows: [[1, -1], [0.5, -20]] });
  });

  it("names the row of a ragged matrix or a word that is not a number", () => {
    expect(parseMatrixText("1 2; 3")).toEqual({ ok: false, reason: "ragged", row: 2, expected: 2, got: 1 });
    expect(parseMatrixText("1 2; 3 x")).toEqual({ ok: false, reason: "not-a-number", row: 2, token: "x" });
    expect(parseMatrixText(" ;\n ")).toEqual({ ok: false, reason: "empty" });
  });

  it("writes a matrix back one row a line", () => {
    expect(matrixToText([[0, 1], [2, 3]])).toBe("0 1\n2 3");
    expect(parseMatrixText(matrixToText([[0, -1.5], [2, 3]]))).toEqual({ ok: true, rows: [[0, -1.5], [2, 3]] });
  });
});
