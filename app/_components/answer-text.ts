/**
 * How an answer key reads on screen: shapes as C × H × W, integers with separators, matrices as
 * rows, choices as their letters and texts.
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
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
