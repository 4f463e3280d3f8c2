import { MAX_ANSWER_LENGTH } from "./parse-shape";

/** Why an answer was refused before it was read at all: the same for every kind. */
export type LengthProblem = { problem: "empty" } | { problem: "too-long"; max: number };

const SUPERSCRIPTS: Record<string, string> = {
  "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+",
};

/**
 * The answer as ASCII where a Chinese or math input method typed something else: NFKC turns
 * full-width digits, letters and punctuation (`１２`, `，`, `（`, `Ａ`) and thin or no-break spaces
 * into their plain forms; the rest is mapped by hand. Superscript exponents (`10⁸`) become `^(8)`
 * first, because NFKC would make `10⁸` read `108`.
 */
export function normalizeAnswer(text: string): string {
  return text
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (run) => `^(${[...run].map((c) => SUPERSCRIPTS[c]).join("")})`)
    .normalize("NFKC")
    .replace(/[−–—]/g, "-")
    .replace(/[×·∙⋅∗]/g, "*")
    .replace(/÷/g, "/")
    .replace(/。/g, ".")
    .replace(/、/g, ",")
    .trim();
}

/** `empty` or `too-long` (over MAX_ANSWER_LENGTH characters, refused unread), or null. */
export function checkLength(text: string): LengthProblem | null {
  if (text.length > MAX_ANSWER_LENGTH) return { problem: "too-long", max: MAX_ANSWER_LENGTH };
  if (text.trim() === "") return { problem: "empty" };
  return null;
}

/** A token quoted in a message, cut short when long. */
export const quoteToken = (token: string) => (token.length > 20 ? `${token.slice(0, 20)}…` : token);
