import { mean } from "../../statistics/item-maths";

/**
 * An assessment question's tries grouped by the value of each parameter that varies between its
 * variants (stride 1 against stride 2), with the facility of each group, so an instructor sees
 * where in the parameter space the class fails. The same reading as the course statistics
 * (lib/server/statistics/item-statistics.ts), over tries instead of reviews.
 */

/** A parameter with more values than this is not a "region" an instructor can read at a glance. */
const MAX_REGION_VALUES = 12;

export interface RegionSample {
  /** The variant's parameters, rebuilt from its seed; null when it cannot be rebuilt. */
  variables: Record<string, number | boolean | string> | null;
  score: number;
}

export interface ParameterRegion {
  variable: string;
  values: { value: string; tries: number; facility: number | null }[];
}

export function parameterRegions(samples: readonly RegionSample[]): ParameterRegion[] {
  const byVariable = new Map<string, Map<string, number[]>>();
  for (const sample of samples) {
    for (const [name, value] of Object.entries(sample.variables ?? {})) {
      const values = byVariable.get(name) ?? new Map<string, number[]>();
      const key = String(value);
      values.set(key, [...(values.get(key) ?? []), sample.score]);
      byVariable.set(name, values);
    }
  }
  return [...byVariable]
    .filter(([, values]) => values.size > 1 && values.size <= MAX_REGION_VALUES)
    .map(([variable, values]) => ({
      variable,
      values: [...values]
        .sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
        .map(([value, scores]) => ({ value, tries: scores.length, facility: mean(scores) })),
    }));
}
