import { describe, expect, it } from "vitest";
import { heatLevel, heatmapDays } from "@/lib/server/progress/heatmap";

describe("reviews-per-day heatmap", () => {
  // UTC day 20522 is Tuesday 2026-03-10 (by hand, from Thursday 1970-01-01: 20522 = 7·2931 + 5).
  const today = 20522;

  it("lays whole weeks Sunday to Saturday, the last column ending today", () => {
    const days = heatmapDays({ activity: [], today, weeks: 2 });
    expect(days[0]).toMatchObject({ day: "2026-03-01", weekday: 0, week: 0 });
    expect(days.at(-1)).toMatchObject({ day: "2026-03-10", weekday: 2, week: 1 });
    expect(days).toHaveLength(7 + 3);
  });

  it("counts scheduled reviews and practice apart, and ignores days outside the calendar", () => {
    const days = heatmapDays({
      today,
      weeks: 2,
      activity: [
        { day: today, mode: "review" },
        { day: today, mode: "review" },
        { day: today, mode: "practice" },
        { day: today - 9, mode: "review" },
        { day: today - 30, mode: "review" },
      ],
    });
    expect(days.at(-1)).toMatchObject({ reviews: 2, practice: 1 });
    expect(days[0]).toMatchObject({ day: "2026-03-01", reviews: 1 });
    expect(days.reduce((sum, day) => sum + day.reviews + day.practice, 0)).toBe(4);
  });

  it("shades a day by quarter of the busiest day", () => {
    expect(heatLevel(0, 20)).toBe(0);
    expect(heatLevel(1, 20)).toBe(1);
    expect(heatLevel(5, 20)).toBe(1);
    expect(heatLevel(6, 20)).toBe(2);
    expect(heatLevel(15, 20)).toBe(3);
    expect(heatLevel(20, 20)).toBe(4);
  });
});
