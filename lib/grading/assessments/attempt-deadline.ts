import { closesAt } from "./answer-window";
import type { AnswerSchedule, LearnerOverride } from "./rules";

const MINUTE_MS = 60_000;

/**
 * When an attempt started at `startedAt` stops taking answers: its time limit (with the learner's
 * extra time) counted from the start, or the assessment's close for this learner, whichever comes
 * first; null when neither applies. The server's clock decides: this is computed from the stored
 * start, so a reload, another device or a wrong browser clock changes nothing.
 */
export function attemptDeadline(schedule: AnswerSchedule, override: LearnerOverride | null, startedAt: Date): Date | null {
  const close = closesAt(schedule, override);
  if (schedule.timeLimitMinutes === null) return close;
  const limitMs = (schedule.timeLimitMinutes + Math.max(0, override?.extraMinutes ?? 0)) * MINUTE_MS;
  const timeUp = new Date(startedAt.getTime() + limitMs);
  return close && close < timeUp ? close : timeUp;
}

/** Whether an attempt still takes answers at `at`: on or before its deadline. */
export function attemptIsOpen(deadline: Date | null, at: Date): boolean {
  return deadline === null || at <= deadline;
}
