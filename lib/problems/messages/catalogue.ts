import { createTranslator } from "use-intl/core";
import type { Lang } from "../types";

/**
 * The shape of a message catalogue: the same nested keys as the English one, any strings.
 * `zh-CN` catalogues declare `satisfies Catalogue<typeof en>`, so a key missing in either
 * language is a type error.
 */
export type Catalogue<M> = { readonly [K in keyof M]: M[K] extends string ? string : Catalogue<M[K]> };

/**
 * ICU translators (`use-intl/core`'s `createTranslator`) for both languages of a catalogue, one per
 * language, built once. Argument names and types are checked against the English messages; a test
 * checks that both languages use the same arguments. A missing argument throws instead of
 * printing a fallback: a message with a hole is our bug.
 *
 * ICU reads `{` and `}` as argument delimiters, so LaTeX (`\frac{a}{b}`) never appears in a
 * message: it is passed in as an argument.
 */
export function createTranslators<const M extends Record<string, unknown>>(catalogues: {
  en: M;
  "zh-CN": Catalogue<M>;
}) {
  const make = (lang: Lang) =>
    createTranslator({
      locale: lang,
      // Both catalogues have the same keys (Catalogue<M>); the English literal types drive the checks.
      messages: catalogues[lang] as M,
      onError(error) {
        throw error;
      },
    });
  const translators = { en: make("en"), "zh-CN": make("zh-CN") };
  return (lang: Lang) => translators[lang];
}
