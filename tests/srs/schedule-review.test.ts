import { describe, expect, it } from "vitest";
import { type CardState, DEFAULT_SCHEDULER_SETTINGS, newCardState, Rating, retrievability, scheduleReview, State } from "@/lib/srs";

// FSRS-6 default weights, as ts-fsrs 5 documents them (`default_w`): w0 … w20.
// Init formulas (ts-fsrs doc comments): S0(G) = w[G−1]; D0(G) = w4 − e^((G−1)·w5) + 1, clamped to [1, 10].
const now = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe("newCardState", () => {
  it("is a new card due now, never reviewed", () => {
    expect(newCardState(now)).toEqual({
      due: now,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: State.New,
      lastReview: null,
    });
  });
});

describe("scheduleReview of a new card", () => {
  it("brings it back after the 1 min learning step on Again", () => {
    const { before, after } = scheduleReview({ card: newCardState(now), rating: Rating.Again, now });
    expect(before).toEqual(newCardState(now));
    // S0(1) = w0 = 0.212; D0(1) = w4 − e^0 + 1 = 6.4133
    expect(after).toMatchObject({ state: State.Learning, due: minutes(1), stability: 0.212, difficulty: 6.4133, reps: 1 });
    expect(after.lastReview).toEqual(now);
  });

  it("waits 6 min on Hard, the mean of the 1 and 10 min steps rounded", () => {
    // ts-fsrs BasicLearningStepsStrategy: round((1 + 10) / 2) = 6; S0(2) = w1 = 1.2931;
    // D0(2) = 6.4133 − e^0.8334 + 1 = 6.4133 − 2.30112929 + 1 = 5.11217071 (by hand, bc -l)
    const { after } = scheduleReview({ card: newCardState(now), rating: Rating.Hard, now });
    expect(after).toMatchObject({ state: State.Learning, due: minutes(6), stability: 1.2931 });
    expect(after.difficulty).toBeCloseTo(5.11217071, 6);
  });

  it("moves to the 10 min step on Good", () => {
    // S0(3) = w2 = 2.3065; D0(3) = 6.4133 − e^1.6668 + 1 = 6.4133 − 5.29519603 + 1 = 2.11810397 (bc -l)
    const { after } = scheduleReview({ card: newCardState(now), rating: Rating.Good, now });
    expect(after).toMatchObject({ state: State.Learning, due: minutes(10), stability: 2.3065, learningSteps: 1 });
    expect(after.difficulty).toBeCloseTo(2.11810397, 6);
  });

  it("graduates to review in round(S0(4)) = 8 days on Easy", () => {
    // S0(4) = w3 = 8.2956; at retention 0.9 the interval is the stability, rounded: 8 days.
    // D0(4) = 6.4133 − e^2.5002 + 1 = −4.77 (bc -l), clamped to 1
    const { after } = scheduleReview({ card: newCardState(now), rating: Rating.Easy, now });
    expect(after).toMatchObject({ state: State.Review, due: days(8), scheduledDays: 8, stability: 8.2956, difficulty: 1 });
  });
});

describe("scheduleReview of a card in review", () => {
  const lastReview = days(-10);
  const card: CardState = {
    due: now,
    stability: 10,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 10,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: State.Review,
    lastReview,
  };

  it("grows the stability by FSRS's recall formula on Good, reviewed when R has fallen to 0.9", () => {
    // After t = S = 10 days, R = 0.9 (the forgetting curve is fitted so). FSRS-6 recall stability:
    // S' = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1))
    //    = 10·(1 + e^1.8722·6·10^(−0.1666)·(e^0.0796 − 1)) = 32.0267 (by hand, bc -l): due in 32 days.
    // D' = w7·D0(4) + (1 − w7)·D (no change for Good) = 0.001·(−4.7716) + 0.999·5 = 4.99022837
    const { before, after } = scheduleReview({ card, rating: Rating.Good, now });
    expect(before).toEqual(card);
    expect(after.state).toBe(State.Review);
    expect(after.stability).toBeCloseTo(32.0267, 3);
    expect(after.difficulty).toBeCloseTo(4.99022837, 6);
    expect(after.scheduledDays).toBe(32);
    expect(after.due).toEqual(days(32));
    expect(after.reps).toBe(4);
  });

  it("counts a lapse on Again and relearns after the 10 min step", () => {
    const { after } = scheduleReview({ card, rating: Rating.Again, now });
    expect(after).toMatchObject({ state: State.Relearning, lapses: 1, due: minutes(10) });
  });

  it("leaves the card it was given untouched", () => {
    const copy = structuredClone(card);
    scheduleReview({ card, rating: Rating.Easy, now });
    expect(card).toEqual(copy);
  });

  it("schedules by the learner's desired retention: I = S·(r^(1/−w20) − 1)/(0.9^(1/−w20) − 1)", () => {
    // The stability after Good does not depend on r (32.0267 as above); the interval does. With
    // w20 = 0.1542 (FSRS-6 default): r = 0.8 → 32.0267·3.3160 = 106.2 days; r = 0.95 → 12.9 days.
    const at = (desiredRetention: number) =>
      scheduleReview({ card, rating: Rating.Good, now, settings: { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention } }).after;
    expect(at(0.8).scheduledDays).toBe(106);
    expect(at(0.95).scheduledDays).toBe(13);
    expect(at(0.8).stability).toBeCloseTo(32.0267, 3);
  });

  it("uses the learner's own parameters when it has them", () => {
    // Raising w8 (the growth of stability on recall) from 1.8722 to 2.5 gives a longer interval.
    const own = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 2.5, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
    const mine = scheduleReview({ card, rating: Rating.Good, now, settings: { ...DEFAULT_SCHEDULER_SETTINGS, parameters: own } }).after;
    expect(mine.scheduledDays).toBeGreaterThan(32);
  });

  it("fuzzes the interval only when asked, and the same review fuzzes the same way", () => {
    const fuzzed = (n: number) =>
      scheduleReview({ card, rating: Rating.Good, now, settings: { ...DEFAULT_SCHEDULER_SETTINGS, fuzz: true } }).after.scheduledDays + n;
    expect(fuzzed(0)).toBe(fuzzed(0));
    // ts-fsrs's fuzz range (its FUZZ_RANGES): ±(1 + 0.15·(7 − 2.5) + 0.1·(20 − 7) + 0.05·(32 − 20))
    // = ±3.575 days around 32, rounded to whole days: 28 … 36.
    expect(Math.abs(fuzzed(0) - 32)).toBeLessThanOrEqual(4);
  });
});

describe("retrievability", () => {
  it("is 0.9 when the elapsed time equals the stability (FSRS's definition of S), 0 for a new card", () => {
    const card: CardState = { ...newCardState(now), state: State.Review, stability: 10, difficulty: 5, reps: 3, lastReview: days(-10) };
    expect(retrievability(card, now)).toBeCloseTo(0.9, 6);
    expect(retrievability(newCardState(now), now)).toBe(0);
  });
});
