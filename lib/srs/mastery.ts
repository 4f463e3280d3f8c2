/**
 * Mastery: how much of a topic the learner is predicted to still know a week from now.
 *
 * Retrievability "now" is 1 right after any review, failed or not, so it says nothing a teacher can
 * act on. Instead, for each skill of the topic:
 * - recall a week ahead = R(t + 7 days, S), FSRS's forgetting curve
 *   R(t, S) = (1 + FACTOR · t / S)^(−DECAY), FACTOR = 0.9^(−1/DECAY) − 1 (ts-fsrs
 *   `forgetting_curve`, FSRS-6; so R(S, S) = 0.9), t the days since the skill's last review and S
 *   its stability;
 * - 0 for a skill never reviewed;
 * - 0 for a skill whose latest review was failed (rated Again): FSRS keeps much of a mature
 *   memory's stability after a lapse (a 230-day card lapsed still predicts 87 % a week ahead), a
 *   forecast that assumes the relearning steps that follow; until the learner answers the skill
 *   right again, a teacher should treat it as not known.
 * A topic's mastery is the mean over all its skills, started or not, so a topic with one skill
 * learned of five is at most 20 %. A skill is "mastered" when its recall a week ahead is at least
 * 90 %, which FSRS reads as a stability of at least a week beyond the time already elapsed.
 */
import { default_w, forgetting_curve } from "ts-fsrs";
import { Rating } from "./rating";

export const MASTERY_HORIZON_DAYS = 7;
export const MASTERED_RECALL = 0.9;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What mastery needs of a learner's card: its memory and the rating of its latest review. */
export interface SkillMemory {
  templateId: string;
  stability: number;
  lastReview: Date | null;
  /** The (effective) rating of the latest review that moved the card; null if none. */
  lastRating: number | null;
}

export interface TopicMastery {
  topic: string;
  /** Mean recall a week ahead over the topic's skills, 0 … 1. */
  mastery: number;
  /** Skills reviewed at least once. */
  started: number;
  /** Skills whose recall a week ahead is at least `MASTERED_RECALL`. */
  mastered: number;
  total: number;
}

/**
 * The predicted recall of one skill `MASTERY_HORIZON_DAYS` after `now` (0 when never reviewed or
 * when its latest review failed). `parameters` are the learner's FSRS weights (their decay, w20,
 * shapes the curve); ts-fsrs's defaults otherwise.
 */
export function skillMastery({ skill, now, parameters = default_w }: { skill: Omit<SkillMemory, "templateId">; now: Date; parameters?: readonly number[] }): number {
  if (!skill.lastReview || skill.stability <= 0 || skill.lastRating === null || skill.lastRating === Rating.Again) return 0;
  const elapsedDays = Math.max(0, (now.getTime() - skill.lastReview.getTime()) / DAY_MS);
  return forgetting_curve(parameters, elapsedDays + MASTERY_HORIZON_DAYS, skill.stability);
}

/** Mastery per topic, in the order topics first appear in `templates`; a skill not in `skills` counts 0. */
export function topicMastery({
  skills,
  templates,
  now,
  parameters,
}: {
  skills: readonly SkillMemory[];
  templates: readonly { template: string; topic: string }[];
  now: Date;
  parameters?: readonly number[];
}): TopicMastery[] {
  const memoryOf = new Map(skills.map((skill) => [skill.templateId, skill]));
  const topics = new Map<string, { sum: number; started: number; mastered: number; total: number }>();
  for (const { template, topic } of templates) {
    const entry = topics.get(topic) ?? { sum: 0, started: 0, mastered: 0, total: 0 };
    entry.total += 1;
    const memory = memoryOf.get(template);
    if (memory?.lastReview) {
      entry.started += 1;
      const recall = skillMastery({ skill: memory, now, ...(parameters ? { parameters } : {}) });
      entry.sum += recall;
      if (recall >= MASTERED_RECALL) entry.mastered += 1;
    }
    topics.set(topic, entry);
  }
  return [...topics].map(([topic, { sum, started, mastered, total }]) => ({ topic, mastery: sum / total, started, mastered, total }));
}

/**
 * The rating of each template's latest review, from reviews in any order (on a tie in time, the
 * later one listed). The caller passes only the reviews that moved the card: not practice, not
 * undone ones, each with its effective (possibly changed) rating.
 */
export function latestRatings(reviews: Iterable<{ templateId: string; reviewedAt: Date; rating: number }>): Map<string, number> {
  const latest = new Map<string, { at: number; rating: number }>();
  for (const review of reviews) {
    const at = review.reviewedAt.getTime();
    const seen = latest.get(review.templateId);
    if (!seen || at >= seen.at) latest.set(review.templateId, { at, rating: review.rating });
  }
  return new Map([...latest].map(([templateId, { rating }]) => [templateId, rating]));
}
