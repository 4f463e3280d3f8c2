import { IntlMessageFormat } from "intl-messageformat";
import { _createCache, _createIntlFormatters, createTranslator } from "use-intl/core";
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
      _formatters: formattersFor(),
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

/**
 * use-intl's formatters with its compiled-message cache replaced by one keyed by the message
 * alone. use-intl keys that cache by its arguments written out as JSON (the message, and the
 * default date and time formats it merges in on every call), which a problem's dozens of
 * messages paid on every variant built: about 2 % of the review cycle's CPU under load (issue
 * 11's profile). These translators never pass formats, a time zone or inline formats, so the
 * message and the translator's locale are all that tell two compiled messages apart.
 */
function formattersFor() {
  const formatters = _createIntlFormatters(_createCache());
  const compiled = new Map<string, IntlMessageFormat>();
  const getMessageFormat = (...[message, locale, formats, options]: ConstructorParameters<typeof IntlMessageFormat>): IntlMessageFormat => {
    if (typeof message !== "string") return new IntlMessageFormat(message, locale, formats, options);
    let format = compiled.get(message);
    if (!format) {
      format = new IntlMessageFormat(message, locale, formats, options);
      compiled.set(message, format);
    }
    return format;
  };
  return { ...formatters, getMessageFormat };
}
