/**
 * How long a skill usually takes, for the "fast" and "slow" of the rating rule. Until a template
 * has `MIN_TIMED_ANSWERS` right answers on record, the typical time of its answer kind stands in:
 * a choice is read and clicked, a shape is worked out axis by axis, a matrix entry by entry.
 */
export const MIN_TIMED_ANSWERS = 5;

const TYPICAL_MS_BY_KIND: Record<string, number> = {
  boolean: 20_000,
  choice: 30_000,
  choices: 45_000,
  integer: 60_000,
  number: 60_000,
  shape: 60_000,
  matrix: 120_000,
  // A network designed layer by layer against several constraints.
  spec: 240_000,
};

const FALLBACK_MS = 60_000;

/** The typical time of an answer kind when a template has too little history. */
export function typicalMsForKind(answerKind: string): number {
  return TYPICAL_MS_BY_KIND[answerKind] ?? FALLBACK_MS;
}

/** The median of `samples` (the mean of the middle two for an even count); `null` when empty. */
export function median(samples: readonly number[]): number | null {
  const finite = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? (finite[middle] as number) : ((finite[middle - 1] as number) + (finite[middle] as number)) / 2;
}

/** A template's median time from the times of its right answers, or its kind's typical time. */
export function medianAnswerMs(samples: readonly number[], answerKind: string): number {
  const measured = samples.length >= MIN_TIMED_ANSWERS ? median(samples) : null;
  return measured ?? typicalMsForKind(answerKind);
}
