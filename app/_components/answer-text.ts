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
  // A design key: its constraints, one a line (`max-params: 20000`); the feedback words them.
  if (kind === "spec" && Array.isArray(value)) {
    return value.map(({ kind: constraint, ...fields }: Record<string, unknown>) => `${String(constraint)}: ${Object.values(fields).map((x) => JSON.stringify(x)).join(" ")}`).join("\n");
  }
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
