/**
 * Reviews per day of the learner's (day numbers in their time zone) for the calendar heatmap: whole weeks, Sunday to Saturday as GitHub draws
 * them, the last column ending with the week of `today` (days after today are left out). Scheduled
 * reviews and practice are counted separately, so the chart can show both and say which is which.
 */
import { dayKeyOf } from "./days";

export interface HeatmapDay {
  day: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** Column, 0 for the oldest week. */
  week: number;
  reviews: number;
  practice: number;
}

export interface DayActivity {
  day: number;
  mode: string;
}

export function heatmapDays({ activity, today, weeks = 26 }: { activity: readonly DayActivity[]; today: number; weeks?: number }): HeatmapDay[] {
  // 1970-01-01 (day 0) was a Thursday.
  const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
  const first = today - weekdayOf(today) - (weeks - 1) * 7;
  const cells: HeatmapDay[] = [];
  for (let day = first; day <= today; day += 1) {
    cells.push({ day: dayKeyOf(day), weekday: weekdayOf(day), week: Math.floor((day - first) / 7), reviews: 0, practice: 0 });
  }
  for (const entry of activity) {
    const cell = cells[entry.day - first];
    if (!cell) continue;
    if (entry.mode === "practice") cell.practice += 1;
    else cell.reviews += 1;
  }
  return cells;
}

/**
 * The colour step of a day, 0 (none) … 4, from its total against the busiest day: quartiles of
 * the maximum, so one long session does not wash every other day out to the lightest shade.
 */
export function heatLevel(total: number, busiest: number): 0 | 1 | 2 | 3 | 4 {
  if (total <= 0 || busiest <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((total / busiest) * 4))) as 1 | 2 | 3 | 4;
}
