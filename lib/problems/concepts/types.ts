import type { Difficulty, Localized } from "../types";

/**
 * A concept item: a question about a fact or an argument of the books, not a computation, so its
 * key is authored here (the template's `check` is `null`). Options are written in the order the
 * author thinks of them; the template shuffles them per seed and remaps the key.
 */

/** Where the item's fact is in the books: d2l 2nd edition (zh and en numbering differ) and NNDL. */
export interface BookSection {
  /** 《动手学深度学习》第二版, e.g. `"6.1"`. */
  d2lZh?: string;
  /** *Dive into Deep Learning* (d2l.ai), e.g. `"7.1"`. */
  d2lEn?: string;
  /** 《神经网络与深度学习》(邱锡鹏), e.g. `"5.2.1"`. */
  nndl?: string;
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
export type OptionLetter = "A" | "B" | "C" | "D" | "E";

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
}

export interface ChoicesItem extends ConceptItemBase {
  kind: "choices";
  options: readonly ConceptOption[];
  /** Every right option (select all that apply). */
  answer: readonly OptionLetter[];
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
