import { type Lang, LANGS, type Localized, type VariantMisconception } from "../problems";
import type { GradeResult } from "./types";

/** The same message in both languages. */
export function localized(message: (lang: Lang) => string): Localized {
  return Object.fromEntries(LANGS.map((lang) => [lang, message(lang)])) as Localized;
}

/**
 * A grade: the verdict, then (when a misconception explains the answer) its explanation as a
 * second paragraph. `mistake` is only looked for when the answer is not correct.
 */
export function gradeWith({
  score,
  correct,
  verdict,
  mistake,
}: {
  score: number;
  correct: boolean;
  verdict: (lang: Lang) => string;
  mistake?: VariantMisconception | undefined;
}): GradeResult {
  return {
    gradable: true,
    score,
    correct,
    feedback: localized((lang) => (mistake ? `${verdict(lang)}\n\n${mistake.feedback[lang]}` : verdict(lang))),
    ...(mistake ? { mistake: mistake.id } : {}),
  };
}
