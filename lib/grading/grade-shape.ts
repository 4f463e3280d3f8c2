import { displayKey } from "./display-key";
import { gradeWith } from "./feedback";
import { formatErrorOf } from "./format-error";
import { type GradingContext, misconceptionsOfKind } from "./grading-context";
import { gradingMessages } from "./messages";
import { parseShape } from "./parse-shape";
import type { GradeResult } from "./types";

/**
 * Shapes earn partial credit: the score is the fraction of dimensions equal to the key's, position
 * by position (`[16, 15, 14]` for `[16, 15, 15]` scores 2/3), because each dimension is its own
 * computation; `correct` only when all are. A misconception matches when every wrong dimension
 * equals the dimension that wrong rule gives (so a rule applied to one axis only still counts).
 */
export function gradeShape(context: GradingContext<"shape">): GradeResult {
  const { key, options } = context;
  const parsed = parseShape(context.answer, key.value.length);
  if (!parsed.ok) return { gradable: false, formatError: formatErrorOf(parsed.format, key, options) };
  const given = parsed.value;
  const right = given.filter((size, axis) => size === key.value[axis]).length;
  const total = key.value.length;
  const answer = (lang: "en" | "zh-CN") => displayKey(key, lang, options);
  if (right === total) {
    return gradeWith({ score: 1, correct: true, verdict: (lang) => gradingMessages(lang)("verdict.correct", { answer: answer(lang) }) });
  }
  const mistake = misconceptionsOfKind(context).find(
    ({ wrong }) =>
      wrong.value.length === total && given.every((size, axis) => size === key.value[axis] || size === wrong.value[axis]),
  )?.misconception;
  return gradeWith({
    score: right / total,
    correct: false,
    mistake,
    verdict: (lang) =>
      right > 0
        ? gradingMessages(lang)("verdict.partial", { right, total: String(total), answer: answer(lang) })
        : gradingMessages(lang)("verdict.wrong", { answer: answer(lang) }),
  });
}
