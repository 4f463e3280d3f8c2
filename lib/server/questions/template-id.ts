/** A course question's template id, as its cards, variants and reviews carry it. */
export const QUESTION_PREFIX = "question:";

export function questionTemplateId(questionId: string): string {
  return `${QUESTION_PREFIX}${questionId}`;
}

/** The question id of a `question:<id>` template id, or null for a built-in template. */
export function questionIdOf(templateId: string): string | null {
  return templateId.startsWith(QUESTION_PREFIX) ? templateId.slice(QUESTION_PREFIX.length) : null;
}
