/** A deadline further off than this (homework due next week) reads as a date, not a ticking clock. */
const COUNTDOWN_WITHIN_MS = 24 * 3600_000;

/**
 * Whether an attempt's deadline shows as a countdown: a timed exam's always, any other deadline
 * (homework's due date) only within a day. Plain, so the course page (a server component) and
 * the take page share it.
 */
export function countsDown({ timed, msLeft }: { timed: boolean; msLeft: number }): boolean {
  return timed || msLeft <= COUNTDOWN_WITHIN_MS;
}
