/**
 * A card the learner keeps forgetting (Anki's "leech"): at 8 lapses, reviewing it again and again
 * has stopped working, so before its next review the learner is walked through the skill step by
 * step. Each further lapse while a leech earns another walkthrough.
 */
export const LEECH_LAPSES = 8;

export function isLeech(card: { lapses: number }): boolean {
  return card.lapses >= LEECH_LAPSES;
}

/** Whether the learner should see the walkthrough before this card's next review. */
export function needsWalkthrough(card: { lapses: number; walkthroughAtLapses: number }): boolean {
  return isLeech(card) && card.walkthroughAtLapses < card.lapses;
}
