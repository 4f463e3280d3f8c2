/** How an answer key reads on screen: shapes as C × H × W, integers with separators. */
export function answerText(answer: { kind: string; value: unknown }, locale: string): string {
  const { kind, value } = answer;
  if (kind === "shape" && Array.isArray(value)) return value.join(" × ");
  if ((kind === "integer" || kind === "number") && typeof value === "number") return value.toLocaleString(locale);
  if (kind === "boolean" && typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
