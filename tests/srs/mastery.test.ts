import { describe, expect, it } from "vitest";
import { type CardState, latestRatings, MASTERED_RECALL, newCardState, Rating, type ReviewRating, scheduleReview, skillMastery, topicMastery } from "@/lib/srs";

const start = new Date("2026-03-01T09:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(start.getTime() + days * DAY);

/**
 * A hand-made history of one skill replayed through the scheduler: [day, rating] pairs, as the
 * review flow would apply them. Returns what mastery reads of the card.
 */
function replay(templateId: string, history: readonly (readonly [number, ReviewRating])[]) {
  let card: CardState = newCardState(start);
  for (const [day, rating] of history) card = scheduleReview({ card, rating, now: at(day) }).after;
  const last = history.at(-1);
  return { templateId, stability: card.stability, lastReview: card.lastReview, lastRating: last ? last[1] : null };
}

// A skill learned and reviewed on time for half a year: its stability is months long.
const MATURE: readonly (readonly [number, ReviewRating])[] = [[0, Rating.Good], [0.01, Rating.Good], [3, Rating.Good], [10, Rating.Good], [30, Rating.Good], [80, Rating.Good]];

// FSRS-6 with ts-fsrs's default weights: DECAY = w20 = 0.1542, FACTOR = 0.9^(−1/DECAY) − 1 ≈ 0.98035.
const recallBy = (elapsedDays: number, stability: number) => (1 + (0.9 ** (-1 / 0.1542) - 1) * (elapsedDays / stability)) ** -0.1542;

describe("skillMastery: recall a week ahead", () => {
  it("is FSRS's retrievability seven days past now: 0.9 when the days since the review plus seven equal the stability", () => {
    // FSRS defines stability as the interval at which R falls to 90 % (FSRS wiki, "The Algorithm").
    const now = at(3);
    expect(skillMastery({ skill: { stability: 10, lastReview: at(0), lastRating: Rating.Good }, now })).toBeCloseTo(0.9, 6);
    // by hand: R(8, 10) = (1 + 0.98035 · 0.8)^−0.1542 ≈ 0.91459
    expect(skillMastery({ skill: { stability: 10, lastReview: at(2), lastRating: Rating.Hard }, now })).toBeCloseTo(0.914586, 5);
  });

  it("is 0 for a skill never reviewed", () => {
    expect(skillMastery({ skill: { stability: 0, lastReview: null, lastRating: null }, now: start })).toBe(0);
  });

  it("is low for a skill answered right once today, not 1 as retrievability now would be", () => {
    const skill = replay("a", [[0, Rating.Good]]);
    // A new card rated Good has S0 = w2 = 2.3065 days (ts-fsrs default_w); by hand R(7, 2.3065) ≈ 0.80831.
    expect(skill.stability).toBeCloseTo(2.3065, 4);
    expect(skillMastery({ skill, now: at(0) })).toBeCloseTo(recallBy(7, 2.3065), 4);
    expect(skillMastery({ skill, now: at(0) })).toBeLessThan(MASTERED_RECALL);
  });

  it("a failed skill is never mastered, however stable its memory was before the lapse", () => {
    const mature = replay("a", MATURE);
    expect(skillMastery({ skill: mature, now: at(80) })).toBeGreaterThan(0.98);
    const lapsed = replay("a", [...MATURE, [200, Rating.Again]]);
    // FSRS alone would still predict a lot after the lapse: R(7, S′) with S′ ≈ 5 days is ≈ 0.87.
    expect(lapsed.stability).toBeGreaterThan(4);
    expect(skillMastery({ skill: lapsed, now: at(200) })).toBe(0);
    expect(skillMastery({ skill: lapsed, now: at(230) })).toBe(0);
  });

  it("counts a lapsed skill again once it is answered right, below mastered until its memory regrows", () => {
    const relearned = replay("a", [...MATURE, [200, Rating.Again], [200.01, Rating.Good]]);
    const recall = skillMastery({ skill: relearned, now: at(200.01) });
    expect(recall).toBeGreaterThan(0.5);
    expect(recall).toBeLessThan(MASTERED_RECALL);
  });
});

describe("topicMastery", () => {
  const templates = [
    { template: "pool-1", topic: "pooling" },
    { template: "pool-2", topic: "pooling" },
    { template: "pool-3", topic: "pooling" },
    { template: "res-1", topic: "residual" },
  ];

  it("averages over all the topic's skills, not started ones counting 0", () => {
    const now = at(0);
    const mastery = topicMastery({ now, templates, skills: [{ templateId: "pool-1", stability: 7, lastReview: now, lastRating: Rating.Good }] });
    // by hand: (0.9 + 0 + 0) / 3 = 0.3; 0.9 reaches MASTERED_RECALL.
    expect(mastery[0]).toMatchObject({ topic: "pooling", started: 1, mastered: 1, total: 3 });
    expect(mastery[0]!.mastery).toBeCloseTo(0.3, 6);
    expect(mastery[1]).toEqual({ topic: "residual", mastery: 0, started: 0, mastered: 0, total: 1 });
  });

  it("one wrong answer leaves its topic well under 50 %", () => {
    const mastery = topicMastery({ now: at(0), templates, skills: [replay("res-1", [[0, Rating.Again]])] });
    expect(mastery.find((entry) => entry.topic === "residual")).toEqual({ topic: "residual", mastery: 0, started: 1, mastered: 0, total: 1 });
  });

  it("a topic learned well and then failed once is under 50 % and not mastered", () => {
    const skills = [replay("pool-1", MATURE), replay("pool-2", MATURE), replay("pool-3", [...MATURE, [81, Rating.Again]])];
    const mastery = topicMastery({ now: at(81), templates, skills })[0]!;
    // Two of three skills a week ahead at ≈ 0.99 each, the failed one 0: ≈ 66 %, and 2 mastered.
    expect(mastery).toMatchObject({ started: 3, mastered: 2, total: 3 });
    expect(mastery.mastery).toBeCloseTo((skillMastery({ skill: skills[0]!, now: at(81) }) * 2) / 3, 6);
    // Every skill failed once: the whole topic is at 0, however well it was known.
    const failedAll = topicMastery({ now: at(81), templates, skills: templates.slice(0, 3).map(({ template }) => replay(template, [...MATURE, [81, Rating.Again]])) })[0]!;
    expect(failedAll).toMatchObject({ mastery: 0, started: 3, mastered: 0 });
  });

  it("uses the learner's own decay when given their FSRS weights", () => {
    // FSRS-6's w20 is the decay; with 0.5 (FSRS-4.5's curve) FACTOR = 0.9^−2 − 1 = 19/81.
    const weights = [...Array.from({ length: 20 }, () => 1), 0.5];
    const now = at(0);
    const [entry] = topicMastery({ now, templates: templates.slice(3), parameters: weights, skills: [{ templateId: "res-1", stability: 14, lastReview: now, lastRating: Rating.Easy }] });
    // by hand: R(7, 14) = (1 + 19/81 · 0.5)^−0.5 ≈ 0.94588
    expect(entry!.mastery).toBeCloseTo((1 + (19 / 81) * 0.5) ** -0.5, 6);
  });
});

describe("latestRatings", () => {
  it("keeps each template's latest rating, in whatever order the reviews come", () => {
    const ratings = latestRatings([
      { templateId: "a", reviewedAt: at(2), rating: Rating.Again },
      { templateId: "a", reviewedAt: at(1), rating: Rating.Good },
      { templateId: "b", reviewedAt: at(1), rating: Rating.Easy },
    ]);
    expect(ratings).toEqual(new Map([["a", Rating.Again], ["b", Rating.Easy]]));
  });
});
