/** Spaced repetition with FSRS (ts-fsrs): card states, suggested ratings, scheduling. No clock reads. */
export { type CardState, newCardState, State } from "./card-state";
export { isLeech, LEECH_LAPSES, needsWalkthrough } from "./leech";
export { median, medianAnswerMs, MIN_TIMED_ANSWERS, typicalMsForKind } from "./median-time";
export { FAST_WITHIN_MEDIAN, HARD_FROM_SCORE, isReviewRating, Rating, type ReviewRating, SLOW_FROM_MEDIAN, suggestRating } from "./rating";
export {
  DEFAULT_SCHEDULER_SETTINGS,
  MAX_DESIRED_RETENTION,
  MIN_DESIRED_RETENTION,
  retrievability,
  scheduleReview,
  type SchedulerSettings,
} from "./schedule-review";
export { latestRatings, MASTERED_RECALL, MASTERY_HORIZON_DAYS, type SkillMemory, skillMastery, type TopicMastery, topicMastery } from "./mastery";
// Also imported as "@/lib/srs/days" by pages, so a browser bundle gets the day rules without ts-fsrs.
export { DAY_MS, dayKeyOf, dayNumberIn, DEFAULT_TIME_ZONE, learnerDay, listTimeZones, normalizeTimeZone, startOfDayIn, timeZoneOrDefault, weekdayOf } from "./days";
