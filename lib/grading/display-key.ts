import { type Answer, type ChoiceOption, constraintRequirement, type Lang } from "../problems";
import { gradingMessages } from "./messages";

// toLocaleString builds a formatter on every call; every key and solution formats its integers.
const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `196609000` as `196{,}609{,}000`: KaTeX spaces a bare comma as punctuation. */
const groupedInteger = (value: number) => integerFormat.format(value).replace(/,/g, "{,}");

/**
 * A computed value with as many significant digits as its tolerance makes meaningful (at least
 * 3, at most 12), in LaTeX: `0.73106`, `1.96 \times 10^{8}`.
 */
export function latexNumber(value: number, tolerance = 1e-12): string {
  const digits = Math.min(12, Math.max(3, Math.ceil(-Math.log10(tolerance)) + 1));
  const rounded = Number(value.toPrecision(digits));
  if (Number.isInteger(rounded) && Math.abs(rounded) < 1e15) return groupedInteger(rounded);
  const [mantissa, exponent] = String(rounded).split("e");
  return exponent === undefined ? (mantissa as string) : `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/** The key as feedback shows it, inline KaTeX where it is maths. */
export function displayKey(key: Answer, lang: Lang, options: readonly ChoiceOption[] | undefined): string {
  switch (key.kind) {
    case "integer":
      return `$${groupedInteger(key.value)}$`;
    case "number":
      return `$${latexNumber(key.value, key.tolerance)}$`;
    case "shape":
      return `$[${key.value.join(", ")}]$`;
    case "matrix": {
      const rows = key.value.map((row) => row.map((entry) => latexNumber(entry, key.tolerance)).join(" & "));
      return `$\\begin{bmatrix}${rows.join(" \\\\ ")}\\end{bmatrix}$`;
    }
    case "choice": {
      const option = options?.find((o) => o.id === key.value);
      return option ? `${option.id} (${option.text})` : key.value;
    }
    case "choices":
      return key.value.join(", ");
    case "boolean":
      return gradingMessages(lang)(key.value ? "value.true" : "value.false");
    case "spec":
      // A design key is its constraints: any network meeting them is an answer.
      return key.value.map((constraint) => constraintRequirement(constraint, lang)).join(lang === "zh-CN" ? "；" : "; ");
  }
}
