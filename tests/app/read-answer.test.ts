import { describe, expect, it } from "vitest";
import { readAnswer } from "@/app/_components/study/read-answer";
import * as grading from "@/lib/grading";

const options = [
  { id: "A", text: "Translation invariance and locality", html: "<p>Translation invariance and locality</p>" },
  { id: "B", text: "Rotation invariance and sparsity", html: "<p>Rotation invariance and sparsity</p>" },
  { id: "C", text: "Depth", html: "<p>Depth</p>" },
];

describe("readAnswer, the live preview of how an answer is read", () => {
  it("reads a shape in any of its accepted forms as C × H × W", () => {
    for (const typed of ["16x15x15", "(16, 15, 15)", "[16,15,15]", "16 15 15", "16×15×15"]) {
      expect(readAnswer(grading, "shape", typed, null, "en")).toEqual({ kind: "text", text: "16 × 15 × 15" });
    }
    expect(readAnswer(grading, "shape", "16x15.5", null, "en")).toBeNull();
  });

  it("reads integers with separators and arithmetic, written back with the locale's grouping", () => {
    expect(readAnswer(grading, "integer", "196 609 000", null, "en")).toEqual({ kind: "text", text: "196,609,000" });
    expect(readAnswer(grading, "integer", "3*256*256*1000 + 1000", null, "en")).toEqual({ kind: "text", text: "196,609,000" });
    expect(readAnswer(grading, "integer", "twelve", null, "en")).toBeNull();
  });

  it("reads a matrix of the rows typed, from lines, semicolons or JSON", () => {
    const rows = [[19, 25], [37, 43]];
    expect(readAnswer(grading, "matrix", "19 25\n37 43", null, "en")).toEqual({ kind: "matrix", rows });
    expect(readAnswer(grading, "matrix", "19, 25; 37, 43", null, "en")).toEqual({ kind: "matrix", rows });
    expect(readAnswer(grading, "matrix", "[[19, 25], [37, 43]]", null, "en")).toEqual({ kind: "matrix", rows });
    expect(readAnswer(grading, "matrix", "19 25\n37", null, "en")).toBeNull();
  });

  it("reads choices by letter or text, and nothing from an empty field", () => {
    expect(readAnswer(grading, "choice", "b", options, "en")).toEqual({ kind: "text", text: "B" });
    expect(readAnswer(grading, "choices", "C, a", options, "en")).toEqual({ kind: "text", text: "A, C" });
    expect(readAnswer(grading, "shape", "  ", null, "en")).toBeNull();
  });
});
