import { describe, expect, it } from "vitest";
import { currentStreak, longestStreak } from "@/lib/server/progress/streak";

describe("streaks", () => {
  it("counts consecutive days ending today", () => {
    expect(currentStreak({ reviewDays: new Set([7, 8, 9, 10]), today: 10 })).toBe(4);
  });

  it("still counts a streak ending yesterday, because today is not over", () => {
    expect(currentStreak({ reviewDays: new Set([5, 7, 8, 9]), today: 10 })).toBe(3);
  });

  it("is 0 when neither today nor yesterday has a review", () => {
    expect(currentStreak({ reviewDays: new Set([7, 8]), today: 10 })).toBe(0);
    expect(currentStreak({ reviewDays: new Set(), today: 10 })).toBe(0);
  });

  it("finds the longest run anywhere in the history", () => {
    expect(longestStreak(new Set([1, 2, 3, 5, 6, 10, 11, 12, 13]))).toBe(4);
    expect(longestStreak(new Set())).toBe(0);
  });
});
