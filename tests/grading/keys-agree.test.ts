import { describe, expect, it } from "vitest";
import { keysAgree } from "@/lib/grading";

describe("keysAgree", () => {
  it("lets float32 rounding through, relative to the size of the number", () => {
    expect(keysAgree(19, 19.000_01)).toBe(true);
    expect(keysAgree(196_609_000, 196_609_000 * (1 + 5e-5))).toBe(true);
    expect(keysAgree(19, 19.01)).toBe(false);
  });

  it("is absolute below 1, so a true zero and float noise agree", () => {
    expect(keysAgree(0, 3e-5)).toBe(true);
    expect(keysAgree(0, 3e-3)).toBe(false);
  });

  it("compares matrices entry by entry, and different dimensions never agree", () => {
    expect(keysAgree([[19, 25], [37, 43]], [[19, 25.000_001], [37, 43]])).toBe(true);
    expect(keysAgree([[19, 25], [37, 43]], [[19, 25], [37, 44]])).toBe(false);
    expect(keysAgree([[19, 25]], [[19, 25], [37, 43]])).toBe(false);
    expect(keysAgree([16, 15, 15], [16, 15])).toBe(false);
  });

  it("compares letters and booleans exactly, and never a number with a string", () => {
    expect(keysAgree("B", "B")).toBe(true);
    expect(keysAgree(["A", "C"], ["A", "C"])).toBe(true);
    expect(keysAgree(true, false)).toBe(false);
    expect(keysAgree(19, "19")).toBe(false);
    expect(keysAgree(Number.NaN, Number.NaN)).toBe(false);
  });
});
