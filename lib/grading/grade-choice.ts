import { type ChoiceOption, type Lang, ProblemError } from "../problems";
import { displayKey } from "./display-key";
import { gradeWith } from "./feedback";
import { formatErrorOf } from "./format-error";
import { type GradingContext, misconceptionsOfKind } from "./grading-context";
import { gradingMessages } from "./messages";
import { parseChoice, parseChoices } from "./parse-choice";
import type { GradeResult } from "./types";

/** A choice question without options is the template's bug (a question error), not the learner's. */
function requireOptions<K extends "choice" | "choices">(context: GradingContext<K>): readonly ChoiceOption[] {
  if (!context.options || context.options.length === 0) {
    throw new ProblemError("invalid-variant", `${context.problem.template}, seed ${context.problem.seed}: a ${context.problem.answer.kind} problem without options`);
  }
  return context.options;
}

/**
 * Single choice, all or nothing. A misconception matches when the option chosen is its wrong
 * answer: a distractor written for that mistake.
 */
export function gradeChoice(context: GradingContext<"choice">): GradeResult {
  const { key } = context;
  const options = requireOptions(context);
  const parsed = parseChoice(context.answer, options);
  if (!parsed.ok) return { gradable: false, formatError: formatErrorOf(parsed.format, key, options) };
  const answer = (lang: Lang) => displayKey(key, lang, options);
  if (parsed.value === key.value) {
    return gradeWith({ score: 1, correct: true, verdict: (lang) => gradingMessages(lang)("verdict.correct", { answer: answer(lang) }) });
  }
  const mistake = misconceptionsOfKind(context).find(({ wrong }) => wrong.value === parsed.value)?.misconception;
  return gradeWith({ score: 0, correct: false, mistake, verdict: (lang) => gradingMessages(lang)("verdict.wrong", { answer: answer(lang) }) });
}

/**
 * Multi-select with PrairieLearn's default partial credit for `pl-checkbox`
 * (`partial-credit-method="PC"`, "net correct"; PrairieLearn's elements/pl-checkbox/pl-checkbox.py:
 * "a score of 100% * (t - f) / n, where t is the number of true options that you select, f is the
 * number of false options that you select, and n is the total number of true options. At minimum,
 * you will receive a score of 0%"): score = max(0, t − f) / n. Missing a right option costs its
 * 1/n; choosing a wrong one takes 1/n back. `correct` only for exactly the key's set.
 *
 * A misconception matches when, option by option, every choice that differs from the key is the
 * choice its wrong answer makes (choosing the distractor it names, or leaving out the option it
 * leaves out).
 */
export function gradeChoices(context: GradingContext<"choices">): GradeResult {
  const { key } = context;
  const options = requireOptions(context);
  const parsed = parseChoices(context.answer, options);
  if (!parsed.ok) return { gradable: false, formatError: formatErrorOf(parsed.format, key, options) };
  const chosen = new Set(parsed.value);
  const right = new Set(key.value);
  const t = [...chosen].filter((id) => right.has(id)).length;
  const f = chosen.size - t;
  const n = right.size;
  const answer = (lang: Lang) => displayKey(key, lang, options);
  if (t === n && f === 0) {
    return gradeWith({ score: 1, correct: true, verdict: (lang) => gradingMessages(lang)("verdict.correct", { answer: answer(lang) }) });
  }
  const mistake = misconceptionsOfKind(context).find(({ wrong }) => {
    const wrongSet = new Set(wrong.value);
    return options.every(({ id }) => chosen.has(id) === right.has(id) || chosen.has(id) === wrongSet.has(id));
  })?.misconception;
  return gradeWith({
    score: n === 0 ? 0 : Math.max(0, t - f) / n,
    correct: false,
    mistake,
    verdict: (lang) =>
      t > 0
        ? gradingMessages(lang)("verdict.partialOptions", { right: String(t), total: String(n), extra: f, answer: answer(lang) })
        : gradingMessages(lang)("verdict.wrong", { answer: answer(lang) }),
  });
}
