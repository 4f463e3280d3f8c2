import type { ChoiceOptionView } from "./answer-input";

export type Grading = typeof import("@/lib/grading");

/** What a typed answer reads as, or null when it does not read (yet). */
export type Reading = { kind: "text"; text: string } | { kind: "matrix"; rows: number[][] };

const SHAPE_TOKENS = /\s*[x×X*,，]\s*|\s+/;

/**
 * How the grader will read `text` for an answer of `kind`, without knowing the key's size: a
 * shape of as many dimensions as were typed, a matrix of the rows typed.
 */
export function readAnswer(grading: Grading, kind: string, text: string, options: ChoiceOptionView[] | null, locale: string): Reading | null {
  if (!text.trim()) return null;
  switch (kind) {
    case "shape": {
      const inner = text.trim().replace(/^[([（]|[)\]）]$/g, "").trim();
      const rank = inner.split(SHAPE_TOKENS).filter(Boolean).length;
      const shape = grading.parseShape(text, rank);
      return shape.ok ? { kind: "text", text: shape.value.join(" × ") } : null;
    }
    case "integer":
    case "number": {
      const number = kind === "integer" ? grading.parseInteger(text) : grading.parseNumber(text);
      return number.ok ? { kind: "text", text: number.value.toLocaleString(locale, { maximumFractionDigits: 6 }) } : null;
    }
    case "matrix": {
      const trimmed = text.trim();
      let rowTexts: string[];
      if (trimmed.startsWith("[[")) {
        try {
          const parsed = JSON.parse(trimmed) as unknown[][];
          rowTexts = parsed.map((row) => row.join(" "));
        } catch {
          return null;
        }
      } else {
        rowTexts = trimmed.split(/\s*(?:\r?\n|;)\s*/).filter(Boolean);
      }
      const cols = rowTexts[0]?.split(/[\s,]+/).filter(Boolean).length ?? 0;
      const matrix = grading.parseMatrix(text, rowTexts.length, cols);
      return matrix.ok ? { kind: "matrix", rows: matrix.value } : null;
    }
    case "choice": {
      if (!options) return null;
      const choice = grading.parseChoice(text, options);
      return choice.ok ? { kind: "text", text: choice.value } : null;
    }
    case "choices": {
      if (!options) return null;
      const choices = grading.parseChoices(text, options);
      return choices.ok ? { kind: "text", text: choices.value.join(", ") } : null;
    }
    default:
      return null;
  }
}
