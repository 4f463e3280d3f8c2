import { describe, expect, it } from "vitest";
import { FAST_WITHIN_MEDIAN, isReviewRating, Rating, SLOW_FROM_MEDIAN, suggestRating } from "@/lib/srs";

const MEDIAN = 60_000;
const right = (elapsedMs: number, medianMs = MEDIAN) => suggestRating({ correct: true, score: 1, elapsedMs, medianMs });

describe("suggestRating", () => {
  it("suggests Again for a wrong answer below half credit", () => {
    expect(suggestRating({ correct: false, score: 0, elapsedMs: 5_000, medianMs: MEDIAN })).toBe(Rating.Again);
    expect(suggestRating({ correct: false, score: 1 / 3, elapsedMs: 5_000, medianMs: MEDIAN })).toBe(Rating.Again);
  });

  it("suggests Hard for a partly right answer with at least half credit, however fast", () => {
    expect(suggestRating({ correct: false, score: 0.5, elapsedMs: 1_000, medianMs: MEDIAN })).toBe(Rating.Hard);
    expect(suggestRating({ correct: false, score: 2 / 3, elapsedMs: 60_000, medianMs: MEDIAN })).toBe(Rating.Hard);
  });

  it("suggests Good for a right answer in about the usual time", () => {
    expect(right(MEDIAN)).toBe(Rating.Good);
    expect(right(FAST_WITHIN_MEDIAN * MEDIAN + 1)).toBe(Rating.Good);
    expect(right(SLOW_FROM_MEDIAN * MEDIAN - 1)).toBe(Rating.Good);
  });

  it("suggests Easy for a right answer within 60 % of the median, Hard from twice the median", () => {
    expect(FAST_WITHIN_MEDIAN).toBe(0.6);
    expect(SLOW_FROM_MEDIAN).toBe(2);
    expect(right(36_000)).toBe(Rating.Easy);
    expect(right(36_001)).toBe(Rating.Good);
    expect(right(119_999)).toBe(Rating.Good);
    expect(right(120_000)).toBe(Rating.Hard);
  });

  it("measures fast against the skill's own median, not one bar for all", () => {
    // 25 s is slow for a true/false item (median 10 s) and fast for a matrix (median 100 s).
    expect(right(25_000, 10_000)).toBe(Rating.Hard);
    expect(right(25_000, 100_000)).toBe(Rating.Easy);
  });

  it("never calls a nonsensical time fast or slow", () => {
    expect(right(-5)).toBe(Rating.Good);
    expect(right(Number.NaN)).toBe(Rating.Good);
    expect(right(1_000, 0)).toBe(Rating.Good);
    expect(right(1_000, Number.NaN)).toBe(Rating.Good);
  });
});

describe("isReviewRating", () => {
  it("accepts exactly 1 … 4", () => {
    expect([1, 2, 3, 4].every(isReviewRating)).toBe(true);
    expect([0, 5, 2.5, "3", null].some(isReviewRating)).toBe(false);
  });
});
