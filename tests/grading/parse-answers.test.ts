import { describe, expect, it } from "vitest";
import { parseBoolean, parseChoice, parseChoices, parseInteger, parseMatrix, parseNumber } from "@/lib/grading";

describe("parseNumber and parseInteger", () => {
  it.each([
    "196609000", "196,609,000", "196 609 000", "196\u2009609\u2009000", "196\u00a0609\u00a0000", "１９６，６０９，０００",
    "1.96e8", "1.96×10^8", "1.96*10^8", "1.96×10⁸", "3*256*256*1000 + 1000",
  ])("reads %j as 196,609,000", (text) => {
    // by hand: 3·256·256·1000 + 1000 = 196,608,000 + 1,000 = 196,609,000; 1.96·10^8 = 196,000,000
    const expected = text.startsWith("1.96") ? 196_000_000 : 196_609_000;
    expect(parseInteger(text)).toEqual({ ok: true, value: expected });
  });

  it("evaluates expressions: (32+2*1-3)/1+1 = 32, 2^10 = 1024, sqrt(16) = 4 (by hand)", () => {
    expect(parseNumber("(32+2*1-3)/1+1")).toEqual({ ok: true, value: 32 });
    expect(parseNumber("2^10")).toEqual({ ok: true, value: 1024 });
    expect(parseNumber("sqrt(16)")).toEqual({ ok: true, value: 4 });
    expect(parseNumber("0。5")).toEqual({ ok: true, value: 0.5 });
  });

  it.each([["pi", "pi"], ["x+1", "x"], ["exp(1)", "exp"], ["a=1", "a"], ["[1,2]", "["], ["3!", "!"], ["1,5", ","]])(
    "refuses %j, naming %j",
    (text, token) => {
      expect(parseNumber(text)).toEqual({ ok: false, format: { problem: "not-allowed", token } });
    },
  );

  it("calls an infinite value, an empty answer and an over-long one format errors", () => {
    expect(parseNumber("1/0")).toEqual({ ok: false, format: { problem: "not-finite" } });
    expect(parseNumber("  ")).toEqual({ ok: false, format: { problem: "empty" } });
    expect(parseNumber("1".repeat(1001))).toEqual({ ok: false, format: { problem: "too-long", max: 1000 } });
  });

  it("asks for a whole number when an integer key gets 29/2 + 1 = 15.5", () => {
    expect(parseInteger("29/2+1")).toEqual({ ok: false, format: { problem: "not-whole", value: 15.5 } });
  });
});

describe("parseMatrix", () => {
  it.each(["[[1,2],[3,4]]", "1 2; 3 4", "1,2\n3,4", "1\t2\n3\t4", "[[1. 2.]\n [3. 4.]]", "1 & 2 \\\\ 3 & 4", "１，２；３，４"])(
    "reads %j as [[1, 2], [3, 4]]",
    (text) => {
      expect(parseMatrix(text, 2, 2)).toEqual({ ok: true, value: [[1, 2], [3, 4]] });
    },
  );

  it("reads entries written as expressions without spaces", () => {
    expect(parseMatrix("-1/2 2^3; 0 0", 2, 2)).toEqual({ ok: true, value: [[-0.5, 8], [0, 0]] });
  });

  it("names the dimensions given, ragged rows and a bad entry", () => {
    expect(parseMatrix("1 2 3; 4 5 6", 2, 2)).toEqual({ ok: false, format: { problem: "wrong-dimensions", rows: 2, cols: 3 } });
    expect(parseMatrix("1 2; 3", 2, 2)).toEqual({ ok: false, format: { problem: "ragged", lengths: [2, 1] } });
    expect(parseMatrix("1 a; 3 4", 2, 2)).toEqual({ ok: false, format: { problem: "not-number", token: "a" } });
    expect(parseMatrix("[[]]", 2, 2)).toEqual({ ok: false, format: { problem: "empty" } });
  });
});

const options = [
  { id: "A", text: "Pooling" },
  { id: "B", text: "Max pooling layer" },
  { id: "C", text: "卷积层" },
  { id: "D", text: "Dropout" },
];

describe("parseChoice", () => {
  it.each(["B", "b", "(b)", "B.", "Ｂ", "（Ｂ）", "max pooling LAYER", "B. Max pooling layer"])("reads %j as B", (text) => {
    expect(parseChoice(text, options)).toEqual({ ok: true, value: "B" });
  });

  it("matches an option's text in its own language", () => {
    expect(parseChoice("卷积层", options)).toEqual({ ok: true, value: "C" });
  });

  it("refuses a letter that is no option, and several letters", () => {
    expect(parseChoice("E", options)).toEqual({ ok: false, format: { problem: "no-such-option", token: "E" } });
    expect(parseChoice("A, C", options)).toEqual({ ok: false, format: { problem: "several", count: 2 } });
  });
});

describe("parseChoices", () => {
  it.each(["A, C", "AC", "a c", "A、C", "C A", "A;C", '["A","C"]', "A and C", "A和C", "A, C, A", "Pooling\n卷积层"])(
    "reads %j as A and C",
    (text) => {
      expect(parseChoices(text, options)).toEqual({ ok: true, value: ["A", "C"] });
    },
  );

  it("refuses a letter that is no option", () => {
    expect(parseChoices("A,E", options)).toEqual({ ok: false, format: { problem: "no-such-option", token: "E" } });
  });
});

describe("parseBoolean", () => {
  it.each(["true", "True", "T", "yes", "y", "对", "是", "正确", "√", "✓", "对。"])("reads %j as true", (text) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value: true });
  });
  it.each(["false", "F", "No", "n", "错", "否", "错误", "×", "不对"])("reads %j as false", (text) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value: false });
  });
  it.each(["1", "0", "maybe"])("refuses %j, digits included", (text) => {
    expect(parseBoolean(text)).toEqual({ ok: false, format: { problem: "not-boolean", token: text } });
  });
});
