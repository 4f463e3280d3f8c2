import { describe, expect, it } from "vitest";
import { retrievability, topicMastery } from "@/lib/server/progress/mastery";

const now = new Date("2026-03-10T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("mastery per topic", () => {
  it("retrievability follows FSRS-6's forgetting curve: 0.9 when the elapsed time equals the stability", () => {
    // FSRS defines stability as the interval at which R falls to 90 % (FSRS wiki, "The Algorithm").
    expect(retrievability({ card: { templateId: "a", stability: 10, lastReview: daysAgo(10) }, now })).toBeCloseTo(0.9, 6);
    expect(retrievability({ card: { templateId: "a", stability: 10, lastReview: now }, now })).toBe(1);
    expect(retrievability({ card: { templateId: "a", stability: 0, lastReview: null }, now })).toBe(0);
  });

  it("averages the started cards of each topic, 0 for a topic with none started", () => {
    const templates = [
      { template: "a1", topic: "pooling" },
      { template: "a2", topic: "pooling" },
      { template: "a3", topic: "pooling" },
      { template: "b1", topic: "residual" },
    ];
    const mastery = topicMastery({
      now,
      templates,
      cards: [
        { templateId: "a1", stability: 4, lastReview: daysAgo(4) }, // R = 0.9
        { templateId: "a2", stability: 5, lastReview: now }, // R = 1
        { templateId: "a3", stability: 0, lastReview: null }, // issued, never answered: not started
      ],
    });
    expect(mastery).toHaveLength(2);
    expect(mastery[0]).toMatchObject({ topic: "pooling", started: 2, total: 3 });
    expect(mastery[0]!.mastery).toBeCloseTo(0.95, 6); // by hand: (0.9 + 1) / 2
    expect(mastery[1]).toEqual({ topic: "residual", mastery: 0, started: 0, total: 1 });
  });
});
