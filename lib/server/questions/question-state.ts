/**
 * Where a question stands for its authors: never published ("draft"), published as its latest
 * version ("published"), or published with a newer draft being edited ("published-with-draft").
 */
export type QuestionState = "draft" | "published" | "published-with-draft";

export function questionState(question: { publishedVersion: number | null; latestVersion: number }): QuestionState {
  if (question.publishedVersion === null) return "draft";
  return question.publishedVersion === question.latestVersion ? "published" : "published-with-draft";
}
