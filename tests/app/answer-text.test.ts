import { describe, expect, it } from "vitest";
import { answerText } from "@/app/_components/answer-text";

describe("answerText", () => {
  it("writes a shape as C × H × W", () => {
    expect(answerText({ kind: "shape", value: [16, 15, 15] }, "en")).toBe("16 × 15 × 15");
  });

  it("writes integers with the locale's separators", () => {
    expect(answerText({ kind: "integer", value: 61706 }, "en")).toBe("61,706");
  });

  it("writes a matrix one row a line", () => {
    expect(answerText({ kind: "matrix", value: [[19, 25], [37, 43]] }, "en")).toBe("19  25\n37  43");
  });

  it("writes choices as letter and text, one a line", () => {
    const options = [
      { id: "A", text: "locality" },
      { id: "B", text: "translation invariance" },
    ];
    expect(answerText({ kind: "choice", value: "B" }, "en", options)).toBe("B. translation invariance");
    expect(answerText({ kind: "choices", value: ["A", "B"] }, "en", options)).toBe("A. locality\nB. translation invariance");
  });
});
