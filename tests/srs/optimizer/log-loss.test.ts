import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { historyLogLoss } from "@/lib/srs/optimizer/log-loss";
import { countReviews, toFsrsItems } from "@/lib/srs/optimizer/review-history";

// By hand, FSRS-6 defaults: S0(Good) = w2 = 2.3065 d, decay w20 = 0.1542,
// FACTOR = 0.9^(−1/0.1542) − 1 = 0.980346; R(3 d) = (1 + 0.980346 · 3 / 2.3065)^(−0.1542) = 0.880948.
describe("log loss of a history under FSRS weights", () => {
  it("a recall 3 days after a Good first review costs −ln R(3) = 0.126757", () => {
    const history = [{ reviews: [{ rating: 3 as const, deltaDays: 0 }, { rating: 3 as const, deltaDays: 3 }] }];
    expect(historyLogLoss(history, default_w)).toBeCloseTo(0.126757, 5);
  });

  it("a lapse at the same moment costs −ln(1 − R(3)) = 2.128195, and losses average over reviews", () => {
    const lapse = { reviews: [{ rating: 3 as const, deltaDays: 0 }, { rating: 1 as const, deltaDays: 3 }] };
    const recall = { reviews: [{ rating: 3 as const, deltaDays: 0 }, { rating: 4 as const, deltaDays: 3 }] };
    expect(historyLogLoss([lapse], default_w)).toBeCloseTo(2.128195, 5);
    expect(historyLogLoss([lapse, recall], default_w)).toBeCloseTo((2.128195 + 0.126757) / 2, 5);
  });

  it("a history without a second review has nothing to predict", () => {
    expect(() => historyLogLoss([{ reviews: [{ rating: 3, deltaDays: 0 }] }], default_w)).toThrow(/nothing to predict/);
  });
});

describe("review history for the FSRS optimizer", () => {
  it("one item per review after the first, each with the card's reviews so far, the first at delta 0", () => {
    const history = [
      { reviews: [{ rating: 3 as const, deltaDays: 2 }, { rating: 1 as const, deltaDays: 4 }, { rating: 3 as const, deltaDays: 1 }] },
      { reviews: [{ rating: 4 as const, deltaDays: 0 }] },
    ];
    expect(countReviews(history)).toBe(4);
    const items = toFsrsItems(history);
    expect(items.map((item) => item.reviews.map((review) => [review.rating, review.deltaT]))).toEqual([
      [[3, 0], [1, 4]],
      [[3, 0], [1, 4], [3, 1]],
    ]);
  });
});
