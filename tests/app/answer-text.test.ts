import { describe, expect, it } from "vitest";
import { answerText } from "@/app/_components/answer-text";

describe("answerText", () => {
  it("writes a shape as C × H × W", () => {
    expect(answerText({ kind: "shape", value: [16, 15, 15] }, "en")).toBe("16 × 15 × 15");
  });

  it("writes integers with the locale's separators", () => {
    expect(answerText({ kind: "integer", value: 61706 }, "en")).toBe("61,706");
  });

  it("falls back to JSON for matrices", () => {
    expect(answerText({ kind: "matrix", value: [[19, 25], [37, 43]] }, "en")).toBe("[[19,25],[37,43]]");
  });
});
