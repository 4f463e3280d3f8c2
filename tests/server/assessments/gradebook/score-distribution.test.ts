import { describe, expect, it } from "vitest";
import { sampleStandardDeviation, scoreDistribution } from "@/lib/server/assessments/gradebook/score-distribution";

describe("an assessment's score distribution", () => {
  it("bins percentages by ten points, with 100 % in the last bin and each bin's left edge inside it", () => {
    const { bins } = scoreDistribution([0, 9.99, 10, 55, 89.99, 90, 100]);
    // [0, 10): 0 and 9.99; [10, 20): 10; [50, 60): 55; [80, 90): 89.99; [90, 100]: 90 and 100.
    expect(bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 1, 2]);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 2 });
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 2 });
  });

  it("reports the mean, the median and the sample standard deviation, worked by hand", () => {
    // 20, 40, 60, 100: mean 220/4 = 55; median (40 + 60)/2 = 50;
    // s = √((35² + 15² + 5² + 45²)/3) = √(3500/3) ≈ 34.1565.
    const distribution = scoreDistribution([100, 20, 60, 40]);
    expect(distribution).toMatchObject({ count: 4, mean: 55, median: 50 });
    expect(distribution.standardDeviation).toBeCloseTo(34.1565, 4);
  });

  it("has no spread below two scores, and no centre without any", () => {
    expect(sampleStandardDeviation([70])).toBeNull();
    expect(scoreDistribution([])).toMatchObject({ count: 0, mean: null, median: null, standardDeviation: null });
    expect(scoreDistribution([]).bins.every((bin) => bin.count === 0)).toBe(true);
  });
});
