import type { Answer, ChoiceOption, Lang, Localized } from "../problems";
import { INTEGER_EXAMPLES, matrixAsJson, matrixAsRows, matrixExample, NUMBER_EXAMPLES, SPEC_EXAMPLE, SPEC_LAYER_EXAMPLE } from "./answer-examples";
import { localized } from "./feedback";
import { gradingMessages } from "./messages";
import type { BooleanFormatProblem } from "./parse-boolean";
import type { ChoiceFormatProblem } from "./parse-choice";
import type { MatrixFormatProblem } from "./parse-matrix";
import type { NumberFormatProblem } from "./parse-number";
import type { ShapeFormatProblem } from "./parse-shape";
import type { SpecFormatProblem } from "./parse-spec";

/** Every reason an answer could not be read, whatever its kind. */
export type FormatProblem =
  | ShapeFormatProblem
  | NumberFormatProblem
  | MatrixFormatProblem
  | ChoiceFormatProblem
  | BooleanFormatProblem
  | SpecFormatProblem;

const code = (text: string) => `\`${text}\``;
const INTEGER_EXAMPLE_LIST = Object.values(INTEGER_EXAMPLES).map(code).join(", ");
const NUMBER_EXAMPLE_LIST = Object.values(NUMBER_EXAMPLES).map(code).join(", ");

/** The sentence saying what a right-looking answer of this key's kind is. */
function expectedSentence(key: Answer, options: readonly ChoiceOption[] | undefined, lang: Lang): string {
  const t = gradingMessages(lang);
  const letters = (options ?? []).map((option) => option.id).join(", ");
  switch (key.kind) {
    case "shape": {
      const rank = key.value.length;
      return t("format.expectedShape", { rank, example: `\`[${"abcdefgh".slice(0, rank).split("").join(", ")}]\`` });
    }
    case "integer":
      return t("format.expectedInteger", { examples: INTEGER_EXAMPLE_LIST });
    case "number":
      return t("format.expectedNumber", { examples: NUMBER_EXAMPLE_LIST });
    case "matrix": {
      const rows = key.value.length;
      const cols = key.value[0]?.length ?? 0;
      const example = matrixExample(rows, cols);
      return t("format.expectedMatrix", { rows, cols, example: code(matrixAsRows(example)), json: code(matrixAsJson(example)) });
    }
    case "choice":
      return t("format.expectedChoice", { letters });
    case "choices":
      return t("format.expectedChoices", { example: (options?.length ?? 0) >= 3 ? "`A, C`" : "`A, B`", letters });
    case "boolean":
      return t("format.expectedBoolean");
    case "spec":
      return t("format.expectedSpec", { example: code(SPEC_EXAMPLE) });
  }
}

/** The format error for a learner, in both languages: what was wrong, then what is expected. */
export function formatErrorOf(
  format: FormatProblem,
  key: Answer,
  options: readonly ChoiceOption[] | undefined,
): Localized {
  return localized((lang) => {
    const t = gradingMessages(lang);
    const expected = expectedSentence(key, options, lang);
    switch (format.problem) {
      case "empty":
        return t("format.empty", { expected });
      case "too-long":
        return t("format.tooLong", { max: String(format.max), expected });
      case "wrong-rank":
        return t("format.wrongRank", { rank: key.kind === "shape" ? key.value.length : 0, given: format.given, expected });
      case "not-integer":
        return t("format.notInteger", { token: format.token, expected });
      case "not-whole":
        return t("format.notWhole", { value: String(Number(format.value.toPrecision(12))), expected });
      case "not-allowed":
        return t("format.notAllowed", { token: format.token, expected });
      case "unreadable":
        return t("format.unreadable", { token: format.token, expected });
      case "not-finite":
        return t("format.notFinite", { expected });
      case "not-number":
        return t("format.entryNotNumber", { token: format.token, expected });
      case "ragged":
        return t("format.ragged", { lengths: format.lengths.join(", "), expected });
      case "wrong-dimensions": {
        const rows = key.kind === "matrix" ? key.value.length : 0;
        const cols = key.kind === "matrix" ? (key.value[0]?.length ?? 0) : 0;
        return t("format.wrongDimensions", {
          rows: String(rows),
          cols: String(cols),
          givenRows: String(format.rows),
          givenCols: String(format.cols),
          expected,
        });
      }
      case "no-such-option":
        return t("format.noSuchOption", { token: format.token, expected });
      case "several":
        return t("format.severalOptions", { count: String(format.count), expected });
      case "not-boolean":
        return t("format.notBoolean", { token: format.token, expected });
      case "nul-byte":
        return t("format.nulByte", { expected });
      case "not-json":
        return t("format.notJson", { position: format.position === null ? "none" : String(format.position), expected });
      case "not-spec":
        return t("format.notSpec", { expected });
      case "no-layers":
        return t("format.noLayers", { expected });
      case "too-deep":
        return t("format.tooDeep", { max: String(format.max), expected });
      case "too-many-layers":
        return t("format.tooManyLayers", { max: String(format.max), given: String(format.given), expected });
      case "layer-not-object":
        return t("format.layerNotObject", { path: code(format.path), example: code(SPEC_LAYER_EXAMPLE), expected });
      case "layer-no-type":
        return t("format.layerNoType", { path: code(format.path), expected });
      case "engine-refused":
        return t("format.engineRefused", { message: format.message });
    }
  });
}
