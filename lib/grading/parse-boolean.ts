import { checkLength, type LengthProblem, normalizeAnswer, quoteToken } from "./normalize-answer";

export type BooleanFormatProblem = LengthProblem | { problem: "not-boolean"; token: string };

/**
 * The words read as true or false, after lower-casing and dropping end punctuation. `1` and `0`
 * are deliberately refused: in a course full of numeric answers, a digit in a true/false box
 * more likely means the question was misread than that the learner meant true, so the format
 * error (which costs nothing) asks again.
 */
const WORDS: Record<string, boolean> = {
  true: true, t: true, yes: true, y: true, right: true, correct: true,
  false: false, f: false, no: false, n: false, wrong: false, incorrect: false,
  对: true, 是: true, 正确: true, 对的: true, 是的: true, 真: true, "√": true, "✓": true, "✔": true,
  错: false, 否: false, 错误: false, 错的: false, 不对: false, 不是: false, 不正确: false, 假: false,
  "×": false, "✗": false, "✘": false, x: false,
};

/**
 * Reads true or false: `true`/`false`, `yes`/`no`, `t`/`f`, `y`/`n`, `right`/`wrong`,
 * `correct`/`incorrect` (any case), 对/错, 是/否, 正确/错误, 对的/错的, 是的/不是, 不对, 不正确,
 * 真/假, and the ticks √ ✓ ✔ against the crosses × ✗ ✘ x.
 */
export function parseBoolean(text: string): { ok: true; value: boolean } | { ok: false; format: BooleanFormatProblem } {
  const length = checkLength(text);
  if (length) return { ok: false, format: length };
  // × before normalizeAnswer, which turns it into the multiplication sign `*`.
  const word = (text.trim() === "×" ? "×" : normalizeAnswer(text)).toLowerCase().replace(/[.!。！]+$/u, "").trim();
  const value = WORDS[word];
  if (value === undefined) return { ok: false, format: { problem: "not-boolean", token: quoteToken(text.trim()) } };
  return { ok: true, value };
}
