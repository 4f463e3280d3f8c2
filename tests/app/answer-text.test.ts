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

  it("writes a design key's constraints one a line, by name, in the reader's language", () => {
    const value = [
      { kind: "input-shape", shape: [3, 32, 32] },
      { kind: "output-shape", shape: [64, 8, 8] },
      { kind: "max-params", max: 20000 },
      { kind: "layer-types", allowed: ["conv2d", "maxpool2d"] },
      { kind: "kernel-sizes", allowed: [3] },
      { kind: "dilation", value: 2 },
      { kind: "min-receptive-field", min: 11 },
      { kind: "conv-count", count: 3 },
    ];
    expect(answerText({ kind: "spec", value }, "en").split("\n")).toEqual([
      "Input shape: 3 × 32 × 32",
      "Output shape: 64 × 8 × 8",
      "Parameters: ≤ 20,000",
      "Layer types: conv2d, maxpool2d",
      "Kernel size: 3 × 3",
      "Dilation: 2",
      "Receptive field: ≥ 11",
      "Convolutional layers: = 3",
    ]);
    expect(answerText({ kind: "spec", value: value.slice(2, 4) }, "zh-CN").split("\n")).toEqual(["参数量：≤ 20,000", "层的类型：conv2d、maxpool2d"]);
  });
});
