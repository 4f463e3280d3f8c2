import { type FSRS, fsrs, generatorParameters } from "ts-fsrs";
import { type CardState, fromFsrsCard, toFsrsCard } from "./card-state";
import type { ReviewRating } from "./rating";

/** The range of desired retention a learner may choose (the 0.70 … 0.97). */
export const MIN_DESIRED_RETENTION = 0.7;
export const MAX_DESIRED_RETENTION = 0.97;

/** How a learner's reviews are scheduled. */
export interface SchedulerSettings {
  /** The recall probability at which a card comes due. */
  desiredRetention: number;
  /** The learner's optimised FSRS weights; empty for ts-fsrs's defaults. */
  parameters: readonly number[];
  /**
   * Spread intervals a little so that skills learned together do not all come due together. The
   * app turns it on, tests turn it off. ts-fsrs seeds the fuzz from the review time, the
   * repetition count and the memory state, so a schedule still replays exactly from the history.
   */
  fuzz: boolean;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = { desiredRetention: 0.9, parameters: [], fuzz: false };

/**
 * FSRS-6 (ts-fsrs) with
 * - `maximum_interval` 365 days: a course's material comes back at least once a year;
 * - short-term learning steps 1 min, 10 min (relearning 10 min), ts-fsrs's defaults: a new or
 *   lapsed template comes back within the session with a fresh variant.
 */
function createScheduler(settings: SchedulerSettings): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: 365,
      enable_fuzz: settings.fuzz,
      enable_short_term: true,
      learning_steps: ["1m", "10m"],
      relearning_steps: ["10m"],
      ...(settings.parameters.length > 0 ? { w: [...settings.parameters] } : {}),
    }),
  );
}

// A few learners' settings at a time: building a scheduler precomputes its parameters.
const schedulers = new Map<string, FSRS>();
const MAX_CACHED_SCHEDULERS = 256;

function schedulerFor(settings: SchedulerSettings): FSRS {
  const key = `${settings.desiredRetention}|${settings.fuzz}|${settings.parameters.join(",")}`;
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    if (schedulers.size >= MAX_CACHED_SCHEDULERS) schedulers.clear();
    scheduler = createScheduler(settings);
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/**
 * The card's state before and after a review rated `rating` at `now` (ts-fsrs `next`). Pure: the
 * time is an argument, the input card is not modified.
 */
export function scheduleReview({
  card,
  rating,
  now,
  settings = DEFAULT_SCHEDULER_SETTINGS,
}: {
  card: CardState;
  rating: ReviewRating;
  now: Date;
  settings?: SchedulerSettings;
}): { before: CardState; after: CardState } {
  const before = fromFsrsCard(toFsrsCard(card));
  const after = fromFsrsCard(schedulerFor(settings).next(toFsrsCard(card), now, rating).card);
  return { before, after };
}

/** The probability that the learner recalls the card at `now` under `settings` (0 for a new card). */
export function retrievability(card: CardState, now: Date, settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS): number {
  if (card.state === 0 || !card.lastReview) return 0;
  return schedulerFor(settings).get_retrievability(toFsrsCard(card), now, false);
}
