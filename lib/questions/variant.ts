import type { Answer, Lang, Localized, Problem, VariantMisconception } from "../problems";
import type { LocalizedText } from "./schema";

/**
 * One variant of an instructor's question: the `Problem` every page and grader already knows,
 * the misconceptions to hand to `gradeAnswer({ problem, answer, misconceptions })`, and whether
 * the Chinese was asked for but the author wrote English only (the UI says so).
 */
export interface QuestionVariant {
  problem: Problem;
  misconceptions: VariantMisconception[];
  untranslated: boolean;
  /**
   * What tells this variant from another, for previews, validation reports and statistics by
   * parameter region: a custom variant's variables (derived ones included); a built-in variant's
   * check numbers by path (`spec.layers.0.stride`), as its constraints name them.
   */
  variables?: Record<string, number | boolean>;
  /** A built-in variant's catalog template and the catalog seed it was drawn from. */
  source?: { template: string; seed: number };
}

/** What a variant is asked for: the caller's template id (`question:<id>`, `question:<id>@<version>`), seed and language. */
export interface VariantRequest {
  templateId: string;
  seed: number;
  lang?: Lang;
}

/** The text in `lang`, or the English when the author wrote none in that language. */
export function textIn(text: LocalizedText, lang: Lang): { text: string; fallback: boolean } {
  const translated = lang === "zh-CN" ? text["zh-CN"] : text.en;
  return translated === undefined ? { text: text.en, fallback: true } : { text: translated, fallback: false };
}

/** Both languages, the Chinese falling back to the English. */
export function localizedOf(text: LocalizedText, fill: (text: string) => string = (t) => t): Localized {
  return { en: fill(text.en), "zh-CN": fill(text["zh-CN"] ?? text.en) };
}

/** Whether two keys are the same value (used to drop a misconception that equals the key). */
export function sameValue(a: Answer["value"], b: Answer["value"]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
