import type { Lang } from "../problems";
import { displayKey } from "./display-key";
import { gradeWith } from "./feedback";
import { formatErrorOf } from "./format-error";
import { type GradingContext, misconceptionsOfKind } from "./grading-context";
import { gradingMessages } from "./messages";
import { parseBoolean } from "./parse-boolean";
import type { GradeResult } from "./types";

/** True or false, all or nothing; a misconception matches when its wrong value is the one given. */
export function gradeBoolean(context: GradingContext<"boolean">): GradeResult {
  const { key, options } = context;
  const parsed = parseBoolean(context.answer);
  if (!parsed.ok) return { gradable: false, formatError: formatErrorOf(parsed.format, key, options) };
  const answer = (lang: Lang) => displayKey(key, lang, options);
  if (parsed.value === key.value) {
    return gradeWith({ score: 1, correct: true, verdict: (lang) => gradingMessages(lang)("verdict.correct", { answer: answer(lang) }) });
  }
  const mistake = misconceptionsOfKind(context).find(({ wrong }) => wrong.value === parsed.value)?.misconception;
  return gradeWith({ score: 0, correct: false, mistake, verdict: (lang) => gradingMessages(lang)("verdict.wrong", { answer: answer(lang) }) });
}
