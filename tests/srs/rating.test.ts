import { describe, expect, it } from "vitest";
import { EASY_WITHIN_MS, Rating, ratingForGrade } from "@/lib/srs";

describe("ratingForGrade", () => {
  it("rates a wrong answer below half credit Again", () => {
    expect(ratingForGrade({ correct: false, score: 0, elapsedMs: 5_000 })).toBe(Rating.Again);
    expect(ratingForGrade({ correct: false, score: 1 / 3, elapsedMs: 5_000 })).toBe(Rating.Again);
  });

  it("rates a partly right answer with at least half credit Hard", () => {
    expect(ratingForGrade({ correct: false, score: 2 / 3, elapsedMs: 60_000 })).toBe(Rating.Hard);
  });

  it("rates a right answer Good, and Easy when given within 20 s", () => {
    expect(EASY_WITHIN_MS).toBe(20_000);
    expect(ratingForGrade({ correct: true, score: 1, elapsedMs: 45_000 })).toBe(Rating.Good);
    expect(ratingForGrade({ correct: true, score: 1, elapsedMs: 20_000 })).toBe(Rating.Easy);
    expect(ratingForGrade({ correct: true, score: 1, elapsedMs: 20_001 })).toBe(Rating.Good);
  });

  it("never rates Easy on a nonsensical time", () => {
    expect(ratingForGrade({ correct: true, score: 1, elapsedMs: -5 })).toBe(Rating.Good);
    expect(ratingForGrade({ correct: true, score: 1, elapsedMs: Number.NaN })).toBe(Rating.Good);
  });
});
