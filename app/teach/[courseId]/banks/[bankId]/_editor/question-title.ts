/**
 * A question's title in the page's language: the server lists the English one (its summary
 * column); the definition holds the Chinese where the author wrote it.
 */
export function questionTitle(question: { title: string; definition: unknown }, locale: string): string {
  if (locale !== "zh-CN") return question.title;
  const title = (question.definition as { title?: { "zh-CN"?: unknown } } | null)?.title?.["zh-CN"];
  return typeof title === "string" && title.trim() !== "" ? title : question.title;
}
