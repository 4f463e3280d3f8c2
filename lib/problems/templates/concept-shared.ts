import type { BookSection, ConceptItem, ConceptMisconception } from "../concepts";
import { ProblemError } from "../errors";
import { cite } from "../sources";
import type { Difficulty, Lang } from "../types";
import { conceptMessages } from "./concepts.messages";

/**
 * What the option templates (`concepts.ts`) and the true/false templates (`concepts-true-false.ts`)
 * share: the difficulties they offer, the arithmetic of their one-draw pick, the misconceptions
 * their items name, and the source line that ends every solution.
 */
export const DIFFICULTIES: readonly Difficulty[] = ["easy", "medium", "hard"];

/**
 * Both pick difficulty, item and option from one draw whose span is a multiple of every count, so
 * each pick is uniform: successive draws would be correlated for nearby seeds (xoroshiro128+'s
 * first outputs), leaving some unreached.
 */
export function leastCommonMultiple(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

/** "Source: …" in the reader's edition of d2l (`lib/problems/sources.ts`), and NNDL's section. */
export function conceptSourceLine(section: BookSection, lang: Lang): string {
  const t = conceptMessages(lang);
  const { d2l, nndl } = section;
  if (d2l && nndl) return t("solution.sourceBoth", { d2l: cite(d2l, lang), nndl: cite(nndl, lang) });
  if (d2l) return t("solution.sourceD2l", { d2l: cite(d2l, lang) });
  if (nndl) return t("solution.sourceNndl", { nndl: cite(nndl, lang) });
  throw new ProblemError("invalid-variant", "a concept item needs a d2l or an NNDL section");
}

/** Every misconception that the items carry, by id, first occurrence first. */
export function misconceptionsOf(items: readonly ConceptItem[]): ConceptMisconception[] {
  const byId = new Map<string, ConceptMisconception>();
  for (const item of items) {
    const carried = item.kind === "boolean" ? [item.misconception] : item.options.map((option) => option.misconception);
    for (const misconception of carried) if (misconception && !byId.has(misconception.id)) byId.set(misconception.id, misconception);
  }
  return [...byId.values()];
}
