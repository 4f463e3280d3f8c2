import { drawHiddenParameters, HIDDEN_PARAMETER_SPREAD } from "./hidden-parameters";
import { type LearnerOutcome, type SchedulerSettings, simulateLearner, type SyntheticLearner } from "./simulate-learner";
import { createUniformRandom } from "./uniform-random";

/** The cohort of issue 6's acceptance: 50 learners, 90 days, 40–60 skills each, 10 new a day. */
export const COHORT_DEFAULTS = {
  learners: 50,
  days: 90,
  minCards: 40,
  maxCards: 60,
  newCardsPerDay: 10,
} as const;

export interface CohortOptions {
  seed: number;
  scheduler: SchedulerSettings;
  learners?: number;
  days?: number;
  minCards?: number;
  maxCards?: number;
  newCardsPerDay?: number;
  /** See `HIDDEN_PARAMETER_SPREAD`; 0 makes every learner remember exactly as FSRS's defaults say. */
  parameterSpread?: number;
  /** Weights the scheduler uses for learner `index`, in place of `scheduler.parameters` (optimised ones). */
  parametersFor?: (index: number) => readonly number[] | undefined;
}

export interface CohortOutcome {
  learners: SyntheticLearner[];
  outcomes: LearnerOutcome[];
  /**
   * Measured retention: successful recalls ÷ reviews of cards in the review state, pooled over the
   * cohort. A card is in the review state from its second review on, except for the review right
   * after an Again (a failed first sight or a lapse), which is relearning:
   * - a first presentation tests nothing: there is no memory yet to recall;
   * - after an Again, FSRS's new stability is mostly under a day (S0(Again) = w0 = 0.212 d; the
   *   post-lapse stability), so with whole-day intervals the next review cannot wait until recall
   *   has fallen only to the desired retention: it comes a day later at recall well below it. The
   *   app handles that stretch with its short-term relearning steps, and Anki's "true retention"
   *   likewise counts review-state reviews only.
   * The desired retention is a promise about recall at a review the scheduler timed for it, which
   * is what this counts. `allRecallRetention` counts the relearning reviews too.
   */
  retention: number;
  /** Successful recalls ÷ every review after a card's first presentation, relearning included. */
  allRecallRetention: number;
  /** The lowest and highest review-state retention of a single learner. */
  learnerRetentionRange: [number, number];
  /** All reviews (first presentations included) per learner per day. */
  reviewsPerLearnerPerDay: number;
}

/**
 * The synthetic learners of a cohort, a pure function of the seed: each learner's hidden weights
 * and number of cards. The same seed gives the same learners whatever the scheduler, so two
 * schedulers are compared on the same people.
 */
export function drawCohort(options: Omit<CohortOptions, "scheduler" | "parametersFor">): SyntheticLearner[] {
  const random = createUniformRandom(options.seed);
  const minCards = options.minCards ?? COHORT_DEFAULTS.minCards;
  const maxCards = options.maxCards ?? COHORT_DEFAULTS.maxCards;
  return Array.from({ length: options.learners ?? COHORT_DEFAULTS.learners }, () => ({
    hiddenParameters: drawHiddenParameters(random, options.parameterSpread ?? HIDDEN_PARAMETER_SPREAD),
    cardCount: minCards + Math.floor(random() * (maxCards - minCards + 1)),
    newCardsPerDay: options.newCardsPerDay ?? COHORT_DEFAULTS.newCardsPerDay,
  }));
}

/** Each learner's own review draws, independent of the others' and of the cohort's size. */
function learnerSeed(seed: number, index: number): number {
  return (seed * 7919 + (index + 1) * 104_729) % 2_147_483_647;
}

/** A cohort reviewing under one scheduler (see `simulateLearner`), with its measured retention. */
export function simulateCohort(options: CohortOptions): CohortOutcome {
  const days = options.days ?? COHORT_DEFAULTS.days;
  const learners = drawCohort(options);
  const outcomes = learners.map((learner, index) =>
    simulateLearner({
      learner,
      scheduler: { ...options.scheduler, parameters: options.parametersFor?.(index) ?? options.scheduler.parameters },
      days,
      random: createUniformRandom(learnerSeed(options.seed, index)),
    }),
  );
  const sum = (pick: (outcome: LearnerOutcome) => number) => outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  const perLearner = outcomes.map((outcome) => outcome.reviewStateRecalls / Math.max(1, outcome.reviewStateTests));
  return {
    learners,
    outcomes,
    retention: sum((outcome) => outcome.reviewStateRecalls) / Math.max(1, sum((outcome) => outcome.reviewStateTests)),
    allRecallRetention: sum((outcome) => outcome.recalls) / Math.max(1, sum((outcome) => outcome.recallTests)),
    learnerRetentionRange: [Math.min(...perLearner), Math.max(...perLearner)],
    reviewsPerLearnerPerDay: sum((outcome) => outcome.reviews) / (learners.length * days),
  };
}
