/**
 * Reviews coming due per day of the learner's (in their time zone) for the next `days` days: day 0 is today and also holds every
 * card already overdue, because those are due today too; cards due later than the window are left
 * out. `dues` are the due dates of cards that have been reviewed at least once (a new card is a
 * skill to start, not a review).
 */
import { dayNumberIn } from "./days";

export function forecastDue({ dues, today, timeZone, days = 30 }: { dues: readonly Date[]; today: number; timeZone: string; days?: number }): number[] {
  const counts = Array.from({ length: days }, () => 0);
  for (const due of dues) {
    const offset = Math.max(0, dayNumberIn(due, timeZone) - today);
    if (offset < days) counts[offset]! += 1;
  }
  return counts;
}
