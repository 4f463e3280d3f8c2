import type { ChoiceOption } from "../problems";
import { checkLength, type LengthProblem, normalizeAnswer, quoteToken } from "./normalize-answer";

/** Why an answer could not be read as an option (or a set of options) of the question. */
export type ChoiceFormatProblem =
  | LengthProblem
  | { problem: "no-such-option"; token: string }
  /** Single choice, and the answer names several options. */
  | { problem: "several"; count: number };

/** One letter, optionally in brackets or followed by `.`, `)`, `:` or `、`: `B`, `b`, `(b)`, `B.`. */
const LETTER = /^[([]?\s*([a-z])\s*[)\].:]?$/i;
/** A letter followed by the option's text: `B. pooling`, `(B) pooling`. */
const LETTER_AND_TEXT = /^[([]?\s*([a-z])\s*[)\].:,]\s*(.+)$/is;

/** Text compared without case, spaces or end punctuation. */
const comparable = (text: string) =>
  normalizeAnswer(text)
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[.!。！]+$/u, "");

const optionByLetter = (options: readonly ChoiceOption[], letter: string) =>
  options.find((option) => option.id.toUpperCase() === letter.toUpperCase());

/** The option a piece of the answer names: its letter, its text, or its letter and text. */
function optionOf(piece: string, options: readonly ChoiceOption[]): ChoiceOption | undefined {
  const letter = LETTER.exec(piece);
  if (letter) return optionByLetter(options, letter[1] as string);
  const byText = options.find((option) => comparable(option.text) === comparable(piece));
  if (byText) return byText;
  const both = LETTER_AND_TEXT.exec(piece);
  const option = both ? optionByLetter(options, both[1] as string) : undefined;
  return option && comparable(option.text) === comparable(both?.[2] ?? "") ? option : undefined;
}

/**
 * Reads one option of a single-choice question: its letter (`B`, `b`, `(b)`, `B.`, full-width `Ｂ`),
 * its text (ignoring case and spaces), or both (`B. pooling`). The text is compared with the
 * options as the problem gives them, so in the problem's language.
 */
export function parseChoice(
  text: string,
  options: readonly ChoiceOption[],
): { ok: true; value: string } | { ok: false; format: ChoiceFormatProblem } {
  const length = checkLength(text);
  if (length) return { ok: false, format: length };
  const piece = normalizeAnswer(text);
  const option = optionOf(piece, options);
  if (option) return { ok: true, value: option.id };
  const several = parseChoices(text, options);
  if (several.ok && several.value.length > 1) return { ok: false, format: { problem: "several", count: several.value.length } };
  return { ok: false, format: { problem: "no-such-option", token: quoteToken(piece) } };
}

/**
 * Reads the options chosen in a multi-select question: letters in any order with any separator
 * (`A, C`, `AC`, `a c`, `A、C`, `A/C`, `A and C`, `A和C`, `["A","C"]`), or option texts one a
 * line or split by `;`. Repeats count once; the ids come back in the options' order.
 */
export function parseChoices(
  text: string,
  options: readonly ChoiceOption[],
): { ok: true; value: string[] } | { ok: false; format: ChoiceFormatProblem } {
  const length = checkLength(text);
  if (length) return { ok: false, format: length };
  const normalized = normalizeAnswer(text);
  const byLetters = lettersOf(normalized, options);
  if (byLetters.ok) return byLetters;
  const pieces = normalized.split(/\s*(?:\r?\n|;)\s*/).filter((piece) => piece !== "");
  const byText = pieces.map((piece) => optionOf(piece, options));
  if (pieces.length > 0 && byText.every((option) => option !== undefined)) return { ok: true, value: inOrder(byText, options) };
  return { ok: false, format: { problem: "no-such-option", token: byLetters.token } };
}

function lettersOf(
  text: string,
  options: readonly ChoiceOption[],
): { ok: true; value: string[] } | { ok: false; token: string } {
  const tokens = text
    .replace(/["'“”‘’]/g, "")
    .split(/[\s,;/&+[\]]+|\band\b|和|与|及/i)
    .filter((token) => token !== "");
  if (tokens.length === 0) return { ok: false, token: quoteToken(text) };
  const chosen: ChoiceOption[] = [];
  for (const token of tokens) {
    const letter = LETTER.exec(token);
    // `AC`: letters run together, when every one is an option's.
    const letters = letter ? [letter[1] as string] : /^[a-z]+$/i.test(token) ? [...token] : null;
    const found = letters?.map((l) => optionByLetter(options, l));
    if (!found || found.some((option) => option === undefined)) return { ok: false, token: quoteToken(token) };
    chosen.push(...(found as ChoiceOption[]));
  }
  return { ok: true, value: inOrder(chosen, options) };
}

const inOrder = (chosen: readonly (ChoiceOption | undefined)[], options: readonly ChoiceOption[]) =>
  options.filter((option) => chosen.includes(option)).map((option) => option.id);
