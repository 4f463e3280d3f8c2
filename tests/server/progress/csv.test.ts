import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/server/progress/csv";

describe("CSV export cells", () => {
  it("quotes a cell with a comma, a quote or a line break and doubles its quotes (RFC 4180, 2.6–2.7)", () => {
    expect(csvCell("16, 15, 15")).toBe('"16, 15, 15"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("16x15x15")).toBe("16x15x15");
  });

  it("guards text starting with = + - @ against formula injection with an apostrophe (OWASP CSV injection)", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-3")).toBe("'-3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
  });

  it("writes numbers and booleans as themselves, so a negative number stays a number, and null as empty", () => {
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
  });

  it("starts with a UTF-8 byte-order mark and ends every record with CRLF, keeping Chinese as is", () => {
    const csv = toCsv(["answer", "score"], [["卷积核", 1]]);
    expect(csv).toBe("\uFEFFanswer,score\r\n卷积核,1\r\n");
  });
});
