import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { MIN_REVIEWS_TO_OPTIMIZE, optimizeParameters } from "@/lib/srs/optimizer/optimize-parameters";
import { simulateLearner } from "@/lib/srs/simulation/simulate-learner";
import { createUniformRandom } from "@/lib/srs/simulation/uniform-random";

describe("optimising a learner's FSRS weights", () => {
  it("the app offers it from 400 reviews", () => {
    expect(MIN_REVIEWS_TO_OPTIMIZE).toBe(400);
  });

  it("on a learner who remembers far better than the defaults say, the fit lowers held-out log loss", async () => {
    // Initial stabilities about 2.5× the defaults, faster growth (w8) and a steeper curve (w20).
    const hidden = [...default_w];
    [hidden[0], hidden[1], hidden[2], hidden[3], hidden[8], hidden[20]] = [0.6, 2.5, 6, 20, 2.3, 0.5];
    const { history } = simulateLearner({
      learner: { hiddenParameters: hidden, cardCount: 150, newCardsPerDay: 10 },
      scheduler: { desiredRetention: 0.9, fuzz: false },
      days: 90,
      random: createUniformRandom(1),
    });
    const result = await optimizeParameters({ history, heldOutFraction: 0.3 });
    expect(result.trainingReviews).toBeGreaterThanOrEqual(MIN_REVIEWS_TO_OPTIMIZE);
    expect(result.evaluationReviews).toBeGreaterThan(150);
    expect(result.parameters).toHaveLength(21);
    // scored only on the 45 cards kept out of the fit
    expect(result.logLossAfter).toBeLessThan(result.logLossBefore - 0.005);
    // the fitted S0(Good) moves from the default 2.3065 d towards the hidden 6 d
    expect(result.parameters[2]).toBeGreaterThan(4);
  });
});
