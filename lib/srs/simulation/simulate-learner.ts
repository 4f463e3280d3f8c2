import { type Card, createEmptyCard, default_w, FSRS, type FSRSState, fsrs, type Grade, Rating } from "ts-fsrs";
import type { CardHistory } from "../optimizer/review-history";
import { drawFirstRating, drawReviewRating } from "./synthetic-ratings";
import type { UniformRandom } from "./uniform-random";

const DAY_MS = 86_400_000;

/** How the scheduler under test is set up: ts-fsrs with this desired retention and these weights. */
export interface SchedulerSettings {
  desiredRetention: number;
  /** The weights the scheduler believes in; FSRS's defaults unless the learner's own were optimised. */
  parameters?: readonly number[];
  /** ts-fsrs `enable_fuzz`: spread intervals of 2.5 days and more by a few per cent. */
  fuzz: boolean;
  /** ts-fsrs `maximum_interval` in days; the app's 365. */
  maximumInterval?: number;
}

/** A synthetic learner: the memory model only the simulation knows, and the course's size for them. */
export interface SyntheticLearner {
  hiddenParameters: readonly number[];
  cardCount: number;
  newCardsPerDay: number;
}

/** What one learner's days of reviewing produced. */
export interface LearnerOutcome {
  history: CardHistory[];
  /** Reviews of cards already presented once, relearning reviews after a lapse included. */
  recallTests: number;
  recalls: number;
  /**
   * Recall tests of cards in the review state: the previous rating was not Again, so the card is
   * neither on first sight nor relearning after a lapse. What retention is measured on (see
   * `CohortOutcome.retention`).
   */
  reviewStateTests: number;
  reviewStateRecalls: number;
  /** Every review, first presentations included. */
  reviews: number;
}

interface SimulatedCard {
  schedulerCard: Card;
  memory: FSRSState;
  lastDay: number;
  dueDay: number;
  history: CardHistory;
}

/**
 * One learner reviewing for `days` days, one session a day at the same time:
 * - each day, every card due is reviewed, then up to `newCardsPerDay` new cards are presented;
 * - on a review, the true probability of recall is the FSRS forgetting curve R(t, S) of the
 *   learner's hidden memory state (S, D tracked with the hidden weights by FSRS's own update,
 *   ts-fsrs `next_state`), t the days since the card's last review; recall is drawn from it and the
 *   rating from it (`drawReviewRating`); a first presentation draws a first rating instead;
 * - the scheduler (ts-fsrs `next`, with the desired retention and the weights it believes in, FSRS's
 *   defaults unless told otherwise) sets the next due day from that rating alone, without seeing the
 *   hidden state — exactly what the app's scheduler knows.
 * Both run in whole days without short-term steps (`enable_short_term: false`): a daily simulation
 * has no minutes for the app's 1 min / 10 min learning steps.
 */
export function simulateLearner({
  learner,
  scheduler: settings,
  days,
  random,
}: {
  learner: SyntheticLearner;
  scheduler: SchedulerSettings;
  days: number;
  random: UniformRandom;
}): LearnerOutcome {
  const start = Date.UTC(2026, 0, 1);
  const scheduler = fsrs({
    w: [...(settings.parameters ?? default_w)],
    request_retention: settings.desiredRetention,
    enable_fuzz: settings.fuzz,
    enable_short_term: false,
    maximum_interval: settings.maximumInterval ?? 365,
  });
  const memoryModel = new FSRS({ w: [...learner.hiddenParameters], enable_short_term: false });
  const cards: SimulatedCard[] = [];
  const outcome: LearnerOutcome = {
    history: [],
    recallTests: 0,
    recalls: 0,
    reviewStateTests: 0,
    reviewStateRecalls: 0,
    reviews: 0,
  };

  const schedule = (card: Card, day: number, rating: Grade) => {
    const next = scheduler.next(card, new Date(start + day * DAY_MS), rating).card;
    return { card: next, dueDay: Math.round((next.due.getTime() - start) / DAY_MS) };
  };

  for (let day = 0; day < days; day++) {
    for (const card of cards) {
      if (card.dueDay > day) continue;
      const elapsed = day - card.lastDay;
      const recalled = random() < memoryModel.forgetting_curve(elapsed, card.memory.stability);
      const rating = drawReviewRating(random, recalled);
      outcome.recallTests++;
      if (recalled) outcome.recalls++;
      if (card.history.reviews.at(-1)?.rating !== Rating.Again) {
        outcome.reviewStateTests++;
        if (recalled) outcome.reviewStateRecalls++;
      }
      card.memory = memoryModel.next_state(card.memory, elapsed, rating);
      const next = schedule(card.schedulerCard, day, rating);
      card.schedulerCard = next.card;
      card.dueDay = next.dueDay;
      card.lastDay = day;
      card.history.reviews.push({ rating, deltaDays: elapsed });
    }
    const newToday = Math.min(learner.newCardsPerDay, learner.cardCount - cards.length);
    for (let index = 0; index < newToday; index++) {
      const rating = drawFirstRating(random);
      const first = schedule(createEmptyCard(new Date(start + day * DAY_MS)), day, rating);
      const card: SimulatedCard = {
        schedulerCard: first.card,
        memory: memoryModel.next_state(null, 0, rating),
        lastDay: day,
        dueDay: first.dueDay,
        history: { reviews: [{ rating, deltaDays: 0 }] },
      };
      cards.push(card);
      outcome.history.push(card.history);
    }
  }
  outcome.reviews = outcome.history.reduce((sum, card) => sum + card.reviews.length, 0);
  return outcome;
}
