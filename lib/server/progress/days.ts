/**
 * Calendar days for the progress page. Stride's days are UTC days, the time zone the app formats
 * dates in (lib/i18n/request.ts), so the server, the page and the exports agree on which day a
 * review belongs to whatever the learner's clock says.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole UTC days since 1970-01-01: consecutive days differ by exactly 1. */
export function utcDayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** `YYYY-MM-DD` of a UTC day number. */
export function dayKeyOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
