import { CONCEPT_GROUPS, type ConceptGroup, conceptItems } from "../concepts";
import type { ChoiceItem, ChoicesItem } from "../concepts";
import { ProblemError } from "../errors";
import type { Rng } from "../rng";
import type { Misconception, ProblemTemplate } from "../template";
import type { Answer, ChoiceOption, Difficulty, Lang } from "../types";
import { conceptSourceLine, DIFFICULTIES, leastCommonMultiple, misconceptionsOf } from "./concept-shared";
import { conceptMessages } from "./concepts.messages";
import { createTrueFalseTemplate } from "./concepts-true-false";

/**
 * `concepts.<group>-choice` and `-multi-select`: one concept item of a topic group
 * (`lib/problems/concepts/`), of that answer kind, picked by the seed (the `-true-false` templates
 * are `concepts-true-false.ts`). The key is the book's, not the engine's: `check` is `null` and
 * `conceptKey` gives it. Choice options are shuffled by the seed and the key remapped, so a
 * learner cannot learn "the answer is A" and the key always points at the same option text; a
 * choice item with more wrong options than it shows (`shown`) shows a seeded subset of them.
 * Each template offers three difficulties: the seed picks the difficulty first, then an item
 * authored at that difficulty, so the three are equally frequent whatever the item counts.
 */
export interface ConceptParams {
  difficulty: Difficulty;
  itemId: string;
  /** `order[i]` is the authored index of the option shown at position `i` (letter `A` + i); empty for a true/false variant. */
  order: number[];
  /**
   * A true/false variant drawn from a choice or multi-select item: the authored index of the option
   * it claims is a right answer (`lib/problems/concepts/statements.ts`).
   */
  option?: number;
}

/** The answer kinds whose items show options; true/false variants are `concepts-true-false.ts`'s. */
type OptionKind = "choice" | "choices";
type OptionItem = ChoiceItem | ChoicesItem;

const LETTERS = ["A", "B", "C", "D", "E"] as const;
const AUTHORED_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;
const AUTHORED_INDEX: Record<string, number> = Object.fromEntries(AUTHORED_LETTERS.map((letter, index) => [letter, index]));

/** The template id's suffix for each kind. */
const KIND_SUFFIX: Record<OptionKind, string> = { choice: "choice", choices: "multi-select" };

/** A uniformly random permutation of `0 … n−1` (Fisher–Yates), drawn from the seeded generator. */
function shuffledIndices(rng: Rng, n: number): number[] {
  const order = Array.from({ length: n }, (_, index) => index);
  for (let index = n - 1; index > 0; index -= 1) {
    const other = rng.int(0, index);
    [order[index], order[other]] = [order[other] as number, order[index] as number];
  }
  return order;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** The `rank`-th `k`-subset of `0 … n−1` in lexicographic order, ascending. */
function combinationAt(rank: number, n: number, k: number): number[] {
  const chosen: number[] = [];
  let rest = rank;
  for (let next = 0; chosen.length < k; next += 1) {
    const withNext = binomial(n - next - 1, k - chosen.length - 1);
    if (rest < withNext) chosen.push(next);
    else rest -= withNext;
  }
  return chosen;
}

/**
 * The sets of options (authored indices, ascending) that a variant of an item with `shown` may
 * show: every `shown`-subset that is a real question with the item's key: for a choice item, those
 * holding the key; for a multi-select item, those holding at least one right and one wrong option
 * (the key is then the right ones shown). One set, all the options, for an item without `shown`.
 */
function optionSetsOf(item: OptionItem): number[][] {
  const all = item.options.map((_, index) => index);
  if (item.shown === undefined) return [all];
  const right = new Set((item.kind === "choice" ? [item.answer] : item.answer).map((letter) => AUTHORED_INDEX[letter] as number));
  const subsets = Array.from({ length: binomial(all.length, item.shown) }, (_, rank) => combinationAt(rank, all.length, item.shown as number));
  return subsets.filter((set) => set.some((index) => right.has(index)) && set.some((index) => !right.has(index)));
}

/** The letter shown for the option authored with `letter`, under `order`; null when the variant does not show it. */
function shownLetterOrNull(order: readonly number[], authoredLetter: string): string | null {
  return LETTERS[order.indexOf(AUTHORED_INDEX[authoredLetter] ?? -1)] ?? null;
}

/** The letter shown for the option authored with `letter`, under `order`. */
function shownLetter(order: readonly number[], authoredLetter: string): string {
  const letter = shownLetterOrNull(order, authoredLetter);
  if (letter === null) throw new ProblemError("invalid-variant", `concept option ${authoredLetter} is not among the options`);
  return letter;
}

/** A multi-select variant's key: the letters of the right options it shows. */
function shownKeys(item: ChoicesItem, order: readonly number[]): string[] {
  return item.answer.map((right) => shownLetterOrNull(order, right)).filter((letter) => letter !== null);
}

/** The options of `set` in a seeded order: `order[i]` is the authored index shown at position `i`. */
function shownOrder(rng: Rng, set: readonly number[]): number[] {
  return shuffledIndices(rng, set.length).map((at) => set[at] as number);
}

function createConceptTemplate(group: ConceptGroup, kind: OptionKind): ProblemTemplate<ConceptParams> {
  const id = `concepts.${group}-${KIND_SUFFIX[kind]}`;
  const items = conceptItems[group].filter((item): item is OptionItem => item.kind === kind);
  const byId = new Map(items.map((item) => [item.id, item]));
  const itemsOf = (difficulty: Difficulty): OptionItem[] => {
    const authored = items.filter((item) => item.difficulty === difficulty);
    if (authored.length === 0) throw new ProblemError("invalid-variant", `${id}: no ${difficulty} item`);
    return authored;
  };
  const itemSpan = DIFFICULTIES.map((difficulty) => itemsOf(difficulty).length).reduce(leastCommonMultiple, 1);
  const setsOf = new Map(items.map((item) => [item.id, optionSetsOf(item)]));
  const drawSpan = DIFFICULTIES.length * itemSpan * items.map((item) => optionSetsOf(item).length).reduce(leastCommonMultiple, 1);
  const itemOf = (p: ConceptParams): OptionItem => {
    const item = byId.get(p.itemId);
    if (!item) throw new ProblemError("invalid-variant", `${id}: no concept item ${JSON.stringify(p.itemId)}`);
    return item;
  };
  const shownOptions = (p: ConceptParams, lang: Lang): ChoiceOption[] => {
    const item = itemOf(p);
    return p.order.map((authored, position) => ({
      id: LETTERS[position] as string,
      text: item.options[authored]?.text[lang] ?? "",
    }));
  };
  const titleArgs = { group: group === "modern-architectures" ? "modern" : group, kind };

  const misconceptions: Misconception<ConceptParams>[] = misconceptionsOf(items).map((misconception) => ({
    id: misconception.id,
    wrongAnswer(p: ConceptParams): Answer["value"] | null {
      const item = itemOf(p);
      const authored = item.options.findIndex((option) => option.misconception?.id === misconception.id);
      if (authored < 0) return null;
      // A variant that leaves the distractor out offers no way to hold the belief.
      const letter = shownLetterOrNull(p.order, AUTHORED_LETTERS[authored] as string);
      if (letter === null) return null;
      // A multi-select learner holding the belief picks the distractor beside the right options.
      return item.kind === "choice" ? letter : [...shownKeys(item, p.order), letter].sort();
    },
    feedback: (_p: ConceptParams, lang: Lang) => misconception.feedback[lang],
  }));

  return {
    id,
    topic: "concepts",
    answerKind: kind,
    difficulties: DIFFICULTIES,
    title: (lang) => conceptMessages(lang)("title", titleArgs),

    generate(rng) {
      // One draw picks all three: its residue mod 3 is the difficulty, the rest the item of that
      // difficulty and then the set of options it shows. The span is a multiple of every count, so
      // each is uniform; successive draws would be correlated for nearby seeds (xoroshiro128+'s
      // first outputs), leaving items and option sets unreached.
      const draw = rng.int(0, drawSpan - 1);
      const difficulty = DIFFICULTIES[draw % DIFFICULTIES.length] as Difficulty;
      const candidates = itemsOf(difficulty);
      const rest = Math.floor(draw / DIFFICULTIES.length);
      const item = candidates[rest % candidates.length] as OptionItem;
      const sets = setsOf.get(item.id) as number[][];
      const set = sets[Math.floor(rest / candidates.length) % sets.length] as number[];
      return { difficulty, itemId: item.id, order: shownOrder(rng, set) };
    },

    // The item's authored difficulty, so a params object naming another one cannot mislabel it.
    difficultyOf: (p) => itemOf(p).difficulty,

    check: () => null,

    conceptKey(p) {
      const item = itemOf(p);
      if (item.kind === "choice") return { kind: "choice", value: shownLetter(p.order, item.answer) };
      return { kind: "choices", value: shownKeys(item, p.order).sort() };
    },

    options: shownOptions,

    render(p, key, lang) {
      const t = conceptMessages(lang);
      const item = itemOf(p);
      const prompt = t(`prompt.${item.kind}`, { question: item.question[lang] });
      const explanation = item.explanation[lang];
      const source = conceptSourceLine(item.section, lang);
      const options = shownOptions(p, lang);
      const textOf = (letter: string) => options.find((option) => option.id === letter)?.text ?? "";
      if (key.kind === "choice") {
        const option = t("solution.option", { id: key.value, text: textOf(key.value) });
        return { prompt, solution: t("solution.choice", { option, explanation, source }) };
      }
      if (key.kind === "choices") {
        const listed = key.value.map((letter) => t("solution.listedOption", { id: letter, text: textOf(letter) }));
        return { prompt, solution: t("solution.choices", { options: listed.join("\n"), explanation, source }) };
      }
      throw new ProblemError("invalid-variant", `${id}: a concept key of kind ${key.kind}`);
    },

    misconceptions,
  };
}

/** Every concept template: each topic group in each answer kind, in the course's order. */
export const conceptTemplates: ProblemTemplate<ConceptParams>[] = CONCEPT_GROUPS.flatMap((group) => [
  createConceptTemplate(group, "choice"),
  createConceptTemplate(group, "choices"),
  createTrueFalseTemplate(group),
]);
