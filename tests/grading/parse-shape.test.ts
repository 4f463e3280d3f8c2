import { describe, expect, it } from "vitest";
import { parseShape } from "@/lib/grading";

describe("parseShape", () => {
  it.each([
    "16x15x15",
    "16×15×15",
    "16X15X15",
    "(16, 15, 15)",
    "[16,15,15]",
    "16 15 15",
    "16*15*15",
    "  16 x 15 x 15  ",
    "（16，15，15）",
  ])("reads %j as [16, 15, 15]", (text) => {
    expect(parseShape(text, 3)).toEqual({ ok: true, value: [16, 15, 15] });
  });

  it("calls an empty answer empty", () => {
    expect(parseShape("   ", 3)).toEqual({ ok: false, format: { problem: "empty" } });
    expect(parseShape("[]", 3)).toEqual({ ok: false, format: { problem: "empty" } });
  });

  it("counts the dimensions given when the rank is wrong", () => {
    expect(parseShape("16x15", 3)).toEqual({ ok: false, format: { problem: "wrong-rank", given: 2 } });
  });

  it.each([
    ["16x15.5x15", "15.5"],
    ["-16x15x15", "-16"],
    ["16xhx15", "h"],
    ["16,,15", ""],
  ])("refuses %j for its non-integer %j", (text, token) => {
    expect(parseShape(text, 3)).toEqual({ ok: false, format: { problem: "not-integer", token } });
  });

  it("refuses answers over 1,000 characters unread", () => {
    expect(parseShape("1".repeat(1001), 1)).toEqual({ ok: false, format: { problem: "too-long", max: 1000 } });
    expect(parseShape("1".repeat(1000), 1).ok).toBe(true);
  });
});
