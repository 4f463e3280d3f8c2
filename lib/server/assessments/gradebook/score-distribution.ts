import { mean, median } from "../../statistics/item-maths";

/** Ten bins of ten percentage points: [0, 10), [10, 20), …, [90, 100] (the last one closed, so 100 % has a bin). */
export const HISTOGRAM_BINS = 10;

export interface ScoreDistribution {
  count: number;
  mean: number | null;
  median: number | null;
  /** The sample standard deviation (n − 1), as Moodle's quiz statistics report it; null below two scores. */
  standardDeviation: number | null;
  bins: { from: number; to: number; count: number }[];
}

/** s = √(Σ(x − x̄)² / (n − 1)). */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const centre = mean(values)!;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1));
}

/** The distribution of attempts' percentages (0 to 100). */
export function scoreDistribution(percents: readonly number[]): ScoreDistribution {
  const width = 100 / HISTOGRAM_BINS;
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, index) => ({ from: index * width, to: (index + 1) * width, count: 0 }));
  for (const percent of percents) {
    const index = Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(percent / width)));
    bins[index]!.count += 1;
  }
  return { count: percents.length, mean: mean(percents), median: median(percents), standardDeviation: sampleStandardDeviation(percents), bins };
}
