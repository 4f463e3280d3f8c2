import type { CardState } from "@/lib/srs";

/** The FSRS columns of a Card row (which has the same names as lib/srs's CardState). */
export function cardStateOf(card: Omit<CardState, "state"> & { state: number }): CardState {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = card;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state: state as CardState["state"], lastReview };
}

/** A card state as stored in a Review's JSON columns: dates as ISO strings. */
export function cardStateJson(state: CardState) {
  return {
    ...state,
    due: state.due.toISOString(),
    lastReview: state.lastReview ? state.lastReview.toISOString() : null,
  };
}

/** A card state read back from a Review's JSON column. */
export function cardStateFromJson(json: unknown): CardState {
  const state = json as Omit<CardState, "due" | "lastReview"> & { due: string; lastReview: string | null };
  return { ...state, due: new Date(state.due), lastReview: state.lastReview ? new Date(state.lastReview) : null };
}
