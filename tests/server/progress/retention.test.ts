import { describe, expect, it } from "vitest";
import { effectiveReview } from "@/lib/server/reviews/effective-review";
import { trueRetention, type RetentionReview } from "@/lib/server/progress/retention";

const now = new Date("2026-03-10T12:00:00Z");
const review = (iso: string, rating: number, stateBefore: number | null, undone = false): RetentionReview => ({
  reviewedAt: new Date(iso),
  rating,
  stateBefore,
  undone,
});

describe("true retention", () => {
  it("is the share of review-state reviews passed (rating > 1) in the last 30 days, undone and learning reviews left out", () => {
    const result = trueRetention({
      now,
      timeZone: "UTC",
      reviews: [
        review("2026-03-10T09:00:00Z", 3, 2),
        review("2026-03-09T09:00:00Z", 2, 2), // Hard passes
        review("2026-03-09T10:00:00Z", 1, 2), // Again fails
        review("2026-03-08T09:00:00Z", 4, 2),
        review("2026-03-08T10:00:00Z", 1, 2, true), // undone: not counted
        review("2026-03-08T11:00:00Z", 1, 1), // learning step: not counted
        review("2026-03-08T12:00:00Z", 3, null), // practice: not counted
        review("2026-02-08T09:00:00Z", 1, 2), // 30 days and 3 hours ago: outside
      ],
    });
    // by hand: 3 passed of 4
    expect(result).toMatchObject({ passed: 3, total: 4, rate: 0.75 });
    expect(result.perDay).toHaveLength(30);
    expect(result.perDay.at(-1)).toEqual({ day: "2026-03-10", passed: 1, total: 1, rate: 1 });
    expect(result.perDay.at(-2)).toEqual({ day: "2026-03-09", passed: 1, total: 2, rate: 0.5 });
    expect(result.perDay[0]).toEqual({ day: "2026-02-09", passed: 0, total: 0, rate: null });
  });

  it("has no rate without reviews", () => {
    expect(trueRetention({ now, timeZone: "UTC", reviews: [] }).rate).toBeNull();
  });

  it("puts each review on the learner's day: 20:00 UTC on the 9th is the 10th in Shanghai, 09:00 UTC on the 10th is the 9th in Pago Pago", () => {
    const reviews = [review("2026-03-09T20:00:00Z", 3, 2), review("2026-03-10T09:00:00Z", 1, 2)];
    const shanghai = trueRetention({ now, timeZone: "Asia/Shanghai", reviews });
    // Shanghai: 04:00 and 17:00 on the 10th, which is today there (now is 20:00 on the 10th).
    expect(shanghai.perDay.at(-1)).toEqual({ day: "2026-03-10", passed: 1, total: 2, rate: 0.5 });
    const pagoPago = trueRetention({ now, timeZone: "Pacific/Pago_Pago", reviews });
    // Pago Pago: 09:00 and 22:00 on the 9th; now is 01:00 on the 10th.
    expect(pagoPago.perDay.at(-1)).toEqual({ day: "2026-03-10", passed: 0, total: 0, rate: null });
    expect(pagoPago.perDay.at(-2)).toEqual({ day: "2026-03-09", passed: 1, total: 2, rate: 0.5 });
  });
});

describe("a review's effective rating", () => {
  it("is the latest rating amendment's, and an undo marks it undone", () => {
    const amendments = [
      { kind: "rating", rating: 4, createdAt: new Date("2026-03-10T10:00:00Z") },
      { kind: "rating", rating: 2, createdAt: new Date("2026-03-10T10:05:00Z") },
    ];
    expect(effectiveReview({ rating: 3, amendments })).toEqual({ rating: 2, undone: false });
    expect(effectiveReview({ rating: 3, amendments: [{ kind: "undo", rating: null, createdAt: new Date() }] })).toEqual({ rating: 3, undone: true });
    expect(effectiveReview({ rating: 1, amendments: [] })).toEqual({ rating: 1, undone: false });
  });
});
