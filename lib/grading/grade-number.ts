import type { Lang } from "../problems";
import { displayKey } from "./display-key";
import { gradeWith } from "./feedback";
import { formatErrorOf } from "./format-error";
import { type GradingContext, misconceptionsOfKind } from "./grading-context";
import { gradingMessages } from "./messages";
import { parseInteger, parseNumber, withinTolerance } from "./parse-number";
import type { GradeResult } from "./types";

/**
 * An integer key is right when the answer is that whole number (a non-integer is a format error),
 * a number key when it is within the key's tolerance (`withinTolerance`). No partial credit: a
 * count is right or not. A misconception matches when the answer is its wrong value (within the
 * same tolerance for a number key).
 */
export function gradeNumber(context: GradingContext<"integer" | "number">): GradeResult {
  const { key, options } = context;
  const parsed = key.kind === "integer" ? parseInteger(context.answer) : parseNumber(context.answer);
  if (!parsed.ok) return { gradable: false, formatError: formatErrorOf(parsed.format, key, options) };
  const tolerance = key.kind === "number" ? key.tolerance : 0;
  const matches = (value: number) => (key.kind === "integer" ? parsed.value === value : withinTolerance(parsed.value, value, tolerance));
  const answer = (lang: Lang) => displayKey(key, lang, options);
  if (matches(key.value)) {
    return gradeWith({ score: 1, correct: true, verdict: (lang) => gradingMessages(lang)("verdict.correct", { answer: answer(lang) }) });
  }
  const mistake = misconceptionsOfKind(context).find(({ wrong }) => matches(wrong.value))?.misconception;
  return gradeWith({
    score: 0,
    correct: false,
    mistake,
    verdict: (lang) => gradingMessages(lang)("verdict.wrong", { answer: answer(lang) }),
  });
}
