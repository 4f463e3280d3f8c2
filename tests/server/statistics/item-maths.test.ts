import { describe, expect, it } from "vitest";
import { discrimination, mean, median, mostCommon, normalizeAnswer, pearson } from "@/lib/server/statistics/item-maths";

describe("item statistics maths", () => {
  it("takes the middle value, or the mean of the two middle values of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    // sorted 1 2 3 4: (2 + 3) / 2
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(mean([])).toBeNull();
    expect(mean([1, 0, 0.5])).toBe(0.5);
  });

  it("computes Pearson's r by its definition and is null when a variable is constant", () => {
    expect(pearson([[1, 2], [2, 4], [3, 6]])).toBeCloseTo(1, 12);
    expect(pearson([[1, 3], [2, 2], [3, 1]])).toBeCloseTo(-1, 12);
    // By hand: x̄ = 0.5, ȳ = 0.6; Σdxdy = 0.5·0.2 + (−0.5)(−0.2) = 0.2; Σdx² = 1; Σdy² = 0.04 + 0.04 = 0.08;
    // r = 0.2 / √0.08 = 1/√2.
    expect(pearson([[1, 0.8], [0, 0.4], [1, 0.6], [0, 0.6]])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(pearson([[1, 0.5], [1, 0.7]])).toBeNull();
    expect(pearson([[1, 0.5]])).toBeNull();
  });

  it("correlates an item with the rest score, leaving out learners who answered nothing else", () => {
    const means = new Map([
      ["a", new Map([["q1", 1], ["q2", 0.6], ["q3", 1]])],
      ["b", new Map([["q1", 0], ["q2", 0.4]])],
      ["c", new Map([["q1", 1], ["q2", 0.6]])],
      ["d", new Map([["q1", 0], ["q3", 0.8]])],
      ["e", new Map([["q1", 1]])],
    ]);
    // q1 against the rest: a (1, (0.6+1)/2 = 0.8), b (0, 0.4), c (1, 0.6), d (0, 0.8); e has no rest.
    // x̄ = 0.5, ȳ = 0.65; Σdxdy = 0.5·0.15 + (−0.5)(−0.25) + 0.5·(−0.05) + (−0.5)(0.15) = 0.1;
    // Σdx² = 1; Σdy² = 0.0225 + 0.0625 + 0.0025 + 0.0225 = 0.11; r = 0.1/√0.11 ≈ 0.30151.
    expect(discrimination("q1", means)).toBeCloseTo(0.1 / Math.sqrt(0.11), 12);
    expect(discrimination("q9", means)).toBeNull();
  });

  it("counts 16 x 15 and 16x15 as one wrong answer", () => {
    expect(normalizeAnswer("  16 X 15 ")).toBe("16x15");
    expect(normalizeAnswer("(16, 15,  15)")).toBe("(16,15,15)");
    expect(normalizeAnswer("Max  Pooling")).toBe("max pooling");
  });

  it("lists the most common values first, ties in text order", () => {
    expect(mostCommon(["b", "a", "b", "c", "a", "d"], 3)).toEqual([
      { value: "a", count: 2 },
      { value: "b", count: 2 },
      { value: "c", count: 1 },
    ]);
  });
});
