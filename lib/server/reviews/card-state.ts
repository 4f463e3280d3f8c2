import type { CardState } from "@/lib/srs";

/** The FSRS columns of a Card row, the same names as lib/srs's CardState. */
export interface CardColumns {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export function cardStateOf(card: CardColumns): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview,
  } as CardState;
}

/** A card state as stored in a Review's JSON columns: dates as ISO strings. */
export function cardStateJson(state: CardState) {
  return {
    ...state,
    due: state.due.toISOString(),
    lastReview: state.lastReview ? state.lastReview.toISOString() : null,
  };
}
