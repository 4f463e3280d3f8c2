import type { D2lKey, NndlKey } from "../sources";
import type { Difficulty, Localized } from "../types";

/**
 * A concept item: a question about a fact or an argument of the books, not a computation, so its
 * key is authored here (the template's `check` is `null`). Options are written in the order the
 * author thinks of them; the template shuffles them per seed and remaps the key.
 */

/**
 * Where the item's fact is in the books, as rows of the sources table (`lib/problems/sources.ts`):
 * the reader sees the section number of their own edition of d2l, so an item cannot cite one
 * edition's number to a reader of the other.
 */
export interface BookSection {
  d2l?: D2lKey;
  nndl?: NndlKey;
}

/** A wrong rule a learner may follow, named so grading can tell them which one. */
export interface ConceptMisconception {
  /** Kebab-case, recorded with the review. */
  id: string;
  feedback: Localized;
}

export interface ConceptOption {
  text: Localized;
  /** Set on a distractor that encodes a named misconception. */
  misconception?: ConceptMisconception;
}

/** Authored option letters, `"A"` for the first option written, before any shuffling. */
export type OptionLetter = "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H";

interface ConceptItemBase {
  /** Unique across all concept items, kebab-case. */
  id: string;
  /**
   * Authored, not derived from the kind: `easy` recalls a fact, `medium` applies or compares
   * one, `hard` reasons about why, or about an edge case.
   */
  difficulty: Difficulty;
  section: BookSection;
  question: Localized;
  /** Why the key is right, for the solution. */
  explanation: Localized;
}

export interface ChoiceItem extends ConceptItemBase {
  kind: "choice";
  options: readonly ConceptOption[];
  answer: OptionLetter;
  /**
   * How many options a variant shows (3 to 5; all of them when absent): the key and `shown − 1`
   * wrong options that the seed draws from the rest. Each wrong option must be wrong on its own,
   * so every draw is a real question with the one key.
   */
  shown?: number;
}

export interface ChoicesItem extends ConceptItemBase {
  kind: "choices";
  options: readonly ConceptOption[];
  /** Every right option (select all that apply). */
  answer: readonly OptionLetter[];
  /**
   * How many options a variant shows (3 to 5; all of them when absent): a seeded subset holding
   * at least one right and one wrong option, whose key is the right ones shown. Each option must
   * be right or wrong on its own, whatever else is shown.
   */
  shown?: number;
}

export interface BooleanItem extends ConceptItemBase {
  kind: "boolean";
  answer: boolean;
  /** The misconception that answering the opposite reveals. */
  misconception?: ConceptMisconception;
}

export type ConceptItem = ChoiceItem | ChoicesItem | BooleanItem;

/** `{ en, "zh-CN" }`, written compactly for the data files. */
export const text = (en: string, zh: string): Localized => ({ en, "zh-CN": zh });

/** An option without a misconception. */
export const option = (en: string, zh: string): ConceptOption => ({ text: text(en, zh) });
