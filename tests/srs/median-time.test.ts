import { describe, expect, it } from "vitest";
import { median, medianAnswerMs, MIN_TIMED_ANSWERS, typicalMsForKind } from "@/lib/srs";

describe("median", () => {
  it("takes the middle of an odd count and the mean of the middle two of an even count", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("ignores non-finite samples and answers null for none", () => {
    expect(median([Number.NaN, 7, Number.POSITIVE_INFINITY])).toBe(7);
    expect(median([])).toBeNull();
  });
});

describe("medianAnswerMs", () => {
  it("uses the measured median once there are enough right answers", () => {
    expect(MIN_TIMED_ANSWERS).toBe(5);
    expect(medianAnswerMs([10_000, 20_000, 30_000, 40_000, 50_000], "matrix")).toBe(30_000);
  });

  it("falls back to the answer kind's typical time with too little history", () => {
    expect(medianAnswerMs([1_000, 2_000], "matrix")).toBe(120_000);
    expect(medianAnswerMs([], "boolean")).toBe(20_000);
    expect(typicalMsForKind("shape")).toBe(60_000);
    expect(typicalMsForKind("something-new")).toBe(60_000);
  });
});
