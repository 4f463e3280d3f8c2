import { learnerDay } from "@/lib/srs/days";

/** The card fields today's counts read. */
export interface QueueCard {
  templateId: string;
  due: Date;
  reps: number;
  createdAt: Date;
}

/** What the review page says about the learner's day. */
export interface QueueToday {
  /** Graded reviews made today (undone ones left out). */
  reviewed: number;
  /** Skills started today, whatever queue they were started in: what the daily limit counts. */
  newStarted: number;
  /** Reviews still due by the end of today: cards answered before, due today or overdue. */
  dueLeft: number;
  /** New skills still to come today: started and not yet answered, plus those the daily limit still allows. */
  newLeft: number;
}

/**
 * The learner's day in the review queue, counted in their time zone: a day rolls over at their
 * midnight (issue 12). Pure: the caller reads the cards and review times (one query, the learner
 * snapshot) and passes the clock.
 */
export function queueToday({
  cards,
  templateIds,
  dailyNewLimit,
  reviewTimes,
  now,
  timeZone,
}: {
  /** Every card of the learner, those of skills no longer in the queue included. */
  cards: readonly QueueCard[];
  /** The skills of the queue. */
  templateIds: readonly string[];
  dailyNewLimit: number;
  /** When the learner's graded reviews were made; any older than today are ignored. */
  reviewTimes: readonly Date[];
  now: Date;
  timeZone: string;
}): QueueToday {
  // Today as an interval of instants, found once: comparing each card and review to it costs no
  // zone look-up (this runs on every review.next).
  const { start, end } = learnerDay(now, timeZone);
  const isToday = (instant: Date) => instant >= start && instant < end;
  const inQueue = new Set(templateIds);
  const queued = cards.filter((card) => inQueue.has(card.templateId));
  const newStarted = cards.filter((card) => isToday(card.createdAt)).length;
  const unstarted = inQueue.size - queued.length;
  const startedUnanswered = queued.filter((card) => card.reps === 0).length;
  return {
    reviewed: reviewTimes.filter(isToday).length,
    newStarted,
    dueLeft: queued.filter((card) => card.reps > 0 && card.due < end).length,
    newLeft: startedUnanswered + Math.min(unstarted, Math.max(0, dailyNewLimit - newStarted)),
  };
}
