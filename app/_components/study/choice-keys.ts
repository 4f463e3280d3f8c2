/**
 * Which option of a multiple-choice problem a key press picks, before the answer is checked: a
 * letter picks the option of that letter (the labels the learner sees, "A." … "E."), either
 * case; a digit 1–9 picks the option at that position. Digits stay free for ratings afterwards:
 * the ratings' keys 1–4 only listen once the answer is checked (./use-study-keys.ts).
 * Null for any other key, or for a letter or position no option has.
 */
export function optionForKey(key: string, optionIds: readonly string[]): string | null {
  if (/^[1-9]$/.test(key)) return optionIds[Number(key) - 1] ?? null;
  if (/^[a-z]$/i.test(key)) return optionIds.find((id) => id.toUpperCase() === key.toUpperCase()) ?? null;
  return null;
}

/**
 * The answer text after picking `id`: a single choice becomes that option; a multiple choice
 * toggles it, keeping the options in their order ("A, C"), as the check boxes write it.
 */
export function answerAfterPick({ answer, id, optionIds, multiple }: { answer: string; id: string; optionIds: readonly string[]; multiple: boolean }): string {
  if (!multiple) return id;
  const chosen = new Set(answer.split(/[\s,]+/).filter(Boolean));
  if (chosen.has(id)) chosen.delete(id);
  else chosen.add(id);
  return optionIds.filter((option) => chosen.has(option)).join(", ");
}
