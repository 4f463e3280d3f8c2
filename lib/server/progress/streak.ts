/**
 * The learner's streak: consecutive days (the learner's, in their time zone) with at least one review, ending today, or ending
 * yesterday when today has none yet (the day is not over, so the streak is not broken).
 */
export function currentStreak({ reviewDays, today }: { reviewDays: ReadonlySet<number>; today: number }): number {
  let day = reviewDays.has(today) ? today : today - 1;
  let streak = 0;
  while (reviewDays.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}

/** The longest run of consecutive days with reviews, ever. */
export function longestStreak(reviewDays: ReadonlySet<number>): number {
  let longest = 0;
  for (const day of reviewDays) {
    if (reviewDays.has(day - 1)) continue;
    let length = 1;
    while (reviewDays.has(day + length)) length += 1;
    longest = Math.max(longest, length);
  }
  return longest;
}
