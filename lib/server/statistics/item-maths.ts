/**
 * The classical test theory numbers of an item (a question), as plain functions of numbers so they
 * can be checked by hand. Facility is the mean score (Crocker & Algina, "Introduction to Classical
 * and Modern Test Theory", ch. 14: item difficulty p); discrimination is the corrected item–total
 * correlation, Pearson's r between the item score and the rest score (the same learners' score on
 * the other items), so the item does not correlate with itself.
 */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The middle value, or the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Pearson's r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² · Σ(y−ȳ)²); null when undefined: fewer than two pairs,
 * or either variable constant (a zero denominator).
 */
export function pearson(pairs: readonly (readonly [number, number])[]): number | null {
  if (pairs.length < 2) return null;
  const mx = mean(pairs.map(([x]) => x))!;
  const my = mean(pairs.map(([, y]) => y))!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Discrimination of one item from each learner's mean score per item: the pairs (the learner's
 * mean on this item, the mean of their item means on the other items) over the learners who
 * answered this item and at least one other.
 */
export function discrimination(itemId: string, learnerItemMeans: ReadonlyMap<string, ReadonlyMap<string, number>>): number | null {
  const pairs: [number, number][] = [];
  for (const items of learnerItemMeans.values()) {
    const own = items.get(itemId);
    if (own === undefined) continue;
    const rest = [...items].filter(([id]) => id !== itemId).map(([, score]) => score);
    if (rest.length === 0) continue;
    pairs.push([own, mean(rest)!]);
  }
  return pearson(pairs);
}

/**
 * A wrong answer as it is counted: trimmed, lower case, runs of spaces as one, and no spaces next
 * to the separators people type around numbers (`16 x 15` and `16x15` are one answer).
 */
export function normalizeAnswer(answer: string): string {
  return answer
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*([×,;()[\]*+])\s*/g, "$1")
    // "x" is a separator only between numbers: "max pooling" keeps its space.
    .replace(/(\d)\s*x\s*(?=\d)/g, "$1x");
}

/** The most frequent values, most frequent first, ties in text order. */
export function mostCommon(values: readonly string[], limit: number): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, limit);
}
