import type { Lang } from "../problems";
import { displayKey } from "./display-key";
import { gradeWith } from "./feedback";
import { formatErrorOf } from "./format-error";
import { type GradingContext, misconceptionsOfKind } from "./grading-context";
import { gradingMessages } from "./messages";
import { parseMatrix } from "./parse-matrix";
import { withinTolerance } from "./parse-number";
import type { GradeResult } from "./types";

/**
 * Without a tolerance entries must be exact, up to floating-point rounding of the learner's own
 * arithmetic (`0.1+0.2` for 0.3).
 */
const EXACT = 1e-12;

/**
 * Matrices earn partial credit per entry: the score is the fraction of entries equal to the key's
 * (within the key's tolerance, per entry, when it has one); `correct` only when all are. A
 * misconception matches when every wrong entry equals the entry its wrong rule gives.
 */
export function gradeMatrix(context: GradingContext<"matrix">): GradeResult {
  const { key, options } = context;
  const rows = key.value.length;
  const cols = key.value[0]?.length ?? 0;
  const parsed = parseMatrix(context.answer, rows, cols);
  if (!parsed.ok) return { gradable: false, formatError: formatErrorOf(parsed.format, key, options) };
  const given = parsed.value;
  const tolerance = key.tolerance ?? EXACT;
  const equal = (value: number, expected: number | undefined) => expected !== undefined && withinTolerance(value, expected, tolerance);
  const rightAt = (r: number, c: number) => equal(given[r]?.[c] as number, key.value[r]?.[c]);

  const total = rows * cols;
  let right = 0;
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) if (rightAt(r, c)) right += 1;
  const answer = (lang: Lang) => displayKey(key, lang, options);
  if (right === total) {
    return gradeWith({ score: 1, correct: true, verdict: (lang) => gradingMessages(lang)("verdict.correct", { answer: answer(lang) }) });
  }
  const mistake = misconceptionsOfKind(context).find(
    ({ wrong }) =>
      wrong.value.length === rows &&
      wrong.value.every((row) => row.length === cols) &&
      given.every((row, r) => row.every((value, c) => rightAt(r, c) || equal(value, wrong.value[r]?.[c]))),
  )?.misconception;
  return gradeWith({
    score: right / total,
    correct: false,
    mistake,
    verdict: (lang) =>
      right > 0
        ? gradingMessages(lang)("verdict.partialEntries", { right, total: String(total), answer: answer(lang) })
        : gradingMessages(lang)("verdict.wrong", { answer: answer(lang) }),
  });
}
