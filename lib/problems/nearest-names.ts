import { distance } from "fastest-levenshtein";

/**
 * The names closest to a mistyped one, best first, at most `limit`, from the first of these that
 * finds any: names that contain it whole (`output-size` → `conv.output-size`, …); names within a
 * few edits of it (a third of its length, at least 2: `conv.outptu-size` → `conv.output-size`);
 * names that contain its last dotted part (`pool.max-values` → `pooling.max-values`). Each ranked
 * by edit distance. Nothing when no name is close, so the caller can list them all instead.
 */
export function nearestNames(typed: string, names: readonly string[], limit = 3): string[] {
  const query = typed.trim().toLowerCase();
  if (query === "") return [];
  const tail = query.slice(query.lastIndexOf(".") + 1);
  const within = Math.max(2, Math.floor(query.length / 3));
  const ranked = names
    .map((name) => ({ name, lower: name.toLowerCase(), edits: distance(query, name.toLowerCase()) }))
    .sort((a, b) => a.edits - b.edits || a.name.localeCompare(b.name));
  const tiers = [
    ranked.filter(({ lower }) => lower.includes(query)),
    ranked.filter(({ edits }) => edits <= within),
    tail.length >= 4 ? ranked.filter(({ lower }) => lower.includes(tail)) : [],
  ];
  return (tiers.find((tier) => tier.length > 0) ?? []).slice(0, limit).map(({ name }) => name);
}
