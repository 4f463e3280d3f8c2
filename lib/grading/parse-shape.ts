/** Why an answer could not be read as a shape. */
export type ShapeFormatProblem =
  | { problem: "empty" }
  | { problem: "too-long"; max: number }
  | { problem: "wrong-rank"; given: number }
  | { problem: "not-integer"; token: string };

/** Longer answers are refused unread: no shape a learner types comes close. */
export const MAX_ANSWER_LENGTH = 1000;

/** Brackets a shape may be wrapped in, full-width ones included (Chinese input methods). */
const BRACKETS: Record<string, string> = { "(": ")", "[": "]", "（": "）", "【": "】" };

/**
 * Reads a shape of `rank` whole numbers as learners type it: `16x15x15`, `16×15×15`,
 * `(16, 15, 15)`, `[16,15,15]`, `16 15 15`, `16*15*15` (and full-width `，（）`). Dimensions are
 * non-negative integers; a sign, a decimal point or a letter makes a format error, as does the
 * wrong number of dimensions.
 */
export function parseShape(
  text: string,
  rank: number,
): { ok: true; value: number[] } | { ok: false; format: ShapeFormatProblem } {
  if (text.length > MAX_ANSWER_LENGTH) return { ok: false, format: { problem: "too-long", max: MAX_ANSWER_LENGTH } };
  let inner = text.trim();
  const close = BRACKETS[inner.charAt(0)];
  if (close !== undefined && inner.endsWith(close)) inner = inner.slice(1, -1).trim();
  if (inner === "") return { ok: false, format: { problem: "empty" } };

  const tokens = inner.split(/\s*[x×X*,，]\s*|\s+/);
  const value: number[] = [];
  for (const token of tokens) {
    if (!/^\d+$/.test(token)) {
      return { ok: false, format: { problem: "not-integer", token: token.length > 20 ? `${token.slice(0, 20)}…` : token } };
    }
    value.push(Number(token));
  }
  if (value.length !== rank) return { ok: false, format: { problem: "wrong-rank", given: value.length } };
  return { ok: true, value };
}
