import { constraintName } from "@/lib/problems/design/constraints.messages";
import type { DesignConstraint } from "@/lib/problems/design/constraints";

/**
 * How an answer key reads on screen: shapes as C × H × W, integers with separators, matrices as
 * rows, choices as their letters and texts, a design problem's constraints one a line.
 */
export function answerText(
  answer: { kind: string; value: unknown },
  locale: string,
  options?: readonly { id: string; text: string }[] | null,
): string {
  const { kind, value } = answer;
  if (kind === "shape" && Array.isArray(value)) return value.join(" × ");
  if ((kind === "integer" || kind === "number") && typeof value === "number") return value.toLocaleString(locale);
  if (kind === "matrix" && Array.isArray(value)) return value.map((row) => (row as unknown[]).join("  ")).join("\n");
  if ((kind === "choice" || kind === "choices") && options) {
    const ids = Array.isArray(value) ? (value as string[]) : [String(value)];
    return ids.map((id) => `${id}. ${options.find((option) => option.id === id)?.text ?? ""}`.trim()).join("\n");
  }
  // A design key: its constraints, one a line ("Parameters: ≤ 20,000"); the feedback words them in full.
  if (kind === "spec" && Array.isArray(value)) return (value as DesignConstraint[]).map((constraint) => constraintLine(constraint, locale)).join("\n");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** One design constraint as a short line: its name, then what it allows. */
function constraintLine(constraint: DesignConstraint, locale: string): string {
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const list = (items: readonly (string | number)[]) => items.join(lang === "zh-CN" ? "、" : ", ");
  const limit = (() => {
    switch (constraint.kind) {
      case "input-shape":
      case "output-shape":
        return constraint.shape.join(" × ");
      case "max-params":
        return `≤ ${constraint.max.toLocaleString(locale)}`;
      case "layer-types":
        return list(constraint.allowed);
      case "kernel-sizes":
        return list(constraint.allowed.map((side) => `${side} × ${side}`));
      case "dilation":
        return String(constraint.value);
      case "min-receptive-field":
        return `≥ ${constraint.min}`;
      case "conv-count":
        return `= ${constraint.count}`;
    }
  })();
  return `${constraintName(constraint, lang)}${lang === "zh-CN" ? "：" : ": "}${limit}`;
}
