import { LANGS, type Lang, type Localized, type Problem, requireTemplate, type VariantMisconception } from "../problems";
import { gradingMessages } from "./messages";
import { parseShape, type ShapeFormatProblem } from "./parse-shape";
import type { GradeResult } from "./types";

/** The same message in both languages. */
function localized(message: (lang: Lang) => string): Localized {
  return Object.fromEntries(LANGS.map((lang) => [lang, message(lang)])) as Localized;
}

const inlineShape = (shape: readonly number[]) => `$[${shape.join(", ")}]$`;

/**
 * Grades what a learner typed against a problem's key (recomputed from the seed by the caller,
 * never taken from the client).
 *
 * Shapes earn partial credit: the score is the fraction of dimensions equal to the key's, position
 * by position (`[16, 15, 14]` for `[16, 15, 15]` scores 2/3), because each dimension is its own
 * computation; `correct` only when all are. A wrong answer is matched against the template's
 * misconceptions, in their declared order: one matches when every wrong dimension equals the
 * dimension that wrong rule gives (so a rule applied to one axis only still counts).
 */
export function gradeAnswer({ problem, answer }: { problem: Problem; answer: string }): GradeResult {
  const key = problem.answer;
  if (key.kind !== "shape") {
    throw new Error(`grading answers of kind "${key.kind}" is not implemented yet (template ${problem.template})`);
  }
  const parsed = parseShape(answer, key.value.length);
  if (!parsed.ok) return { gradable: false, formatError: formatErrorOf(parsed.format, key.value.length) };

  const given = parsed.value;
  const right = given.filter((size, axis) => size === key.value[axis]).length;
  const total = key.value.length;
  const expected = inlineShape(key.value);
  if (right === total) {
    return {
      gradable: true,
      score: 1,
      correct: true,
      feedback: localized((lang) => gradingMessages(lang)("verdict.correct", { answer: expected })),
    };
  }

  const mistake = requireTemplate(problem.template)
    .misconceptions(problem.seed)
    .find((misconception) => explains(misconception, key.value, given));
  const verdict = (lang: Lang) =>
    right > 0
      ? gradingMessages(lang)("verdict.partial", { right, total: String(total), answer: expected })
      : gradingMessages(lang)("verdict.wrong", { answer: expected });
  return {
    gradable: true,
    score: right / total,
    correct: false,
    // Two whole paragraphs, the verdict and then the explanation of the mistake.
    feedback: localized((lang) => (mistake ? `${verdict(lang)}\n\n${mistake.feedback[lang]}` : verdict(lang))),
    ...(mistake ? { mistake: mistake.id } : {}),
  };
}

/** Every dimension that differs from the key is the one this wrong rule gives. */
function explains(misconception: VariantMisconception, key: readonly number[], given: readonly number[]): boolean {
  const wrong = misconception.wrongAnswer;
  if (wrong.kind !== "shape" || wrong.value.length !== key.length) return false;
  return given.every((size, axis) => size === key[axis] || size === wrong.value[axis]);
}

function formatErrorOf(format: ShapeFormatProblem, rank: number): Localized {
  const example = `\`[${"abcdefgh".slice(0, rank).split("").join(", ")}]\``;
  return localized((lang) => {
    const t = gradingMessages(lang);
    const expected = t("format.expectedShape", { rank, example });
    switch (format.problem) {
      case "empty":
        return t("format.empty", { expected });
      case "too-long":
        return t("format.tooLong", { max: String(format.max), expected });
      case "wrong-rank":
        return t("format.wrongRank", { rank, given: format.given, expected });
      case "not-integer":
        return t("format.notInteger", { token: format.token, expected });
    }
  });
}
