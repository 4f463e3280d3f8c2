import type { AnswerSchedule, LearnerOverride } from "./rules";

/**
 * Whether an answer given at `at` is taken, and for what share of its points: before the opening
 * nothing is taken; until the due date, full credit; in the late period, the late credit; after
 * it, nothing. A learner's override moves their due date or late period (an accommodation), never
 * the opening. Instants compare as instants: the course's time zone was applied when they were set.
 */
export type AnswerWindow =
  | { status: "not-open" }
  | { status: "on-time"; credit: 1 }
  | { status: "late"; credit: number }
  | { status: "closed" };

/** The due date and the end of the late period for one learner, their override applied. */
export function effectiveDates(schedule: AnswerSchedule, override: LearnerOverride | null): { dueAt: Date | null; lateUntil: Date | null } {
  const dueAt = override?.dueAt !== undefined ? override.dueAt : schedule.dueAt;
  const lateUntil = override?.lateUntil !== undefined ? override.lateUntil : schedule.lateUntil;
  // A due date moved past the late period's end takes the late period with it: an extension never shortens anything.
  return { dueAt, lateUntil: lateUntil && dueAt && lateUntil < dueAt ? null : lateUntil };
}

export function answerWindow(schedule: AnswerSchedule, override: LearnerOverride | null, at: Date): AnswerWindow {
  if (schedule.opensAt && at < schedule.opensAt) return { status: "not-open" };
  const { dueAt, lateUntil } = effectiveDates(schedule, override);
  if (!dueAt || at <= dueAt) return { status: "on-time", credit: 1 };
  if (lateUntil && at <= lateUntil) return { status: "late", credit: schedule.lateCredit };
  return { status: "closed" };
}

/** The last instant any answer is taken from this learner: the late period's end, else the due date; null when never closed. */
export function closesAt(schedule: AnswerSchedule, override: LearnerOverride | null): Date | null {
  const { dueAt, lateUntil } = effectiveDates(schedule, override);
  return lateUntil ?? dueAt;
}
