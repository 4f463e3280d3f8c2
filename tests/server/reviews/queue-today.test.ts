import { describe, expect, it } from "vitest";
import { type QueueCard, queueToday } from "@/lib/server/reviews/queue-today";

const at = (iso: string) => new Date(iso);
const card = (templateId: string, fields: Partial<QueueCard> = {}): QueueCard => ({
  templateId,
  due: at("2026-03-01T00:00:00Z"),
  reps: 3,
  createdAt: at("2026-02-01T00:00:00Z"),
  ...fields,
});

describe("the learner's day in the review queue", () => {
  // 2026-03-08 07:30 in Shanghai is 2026-03-07 23:30 UTC: still the 7th in UTC, already the 8th there.
  const now = at("2026-03-07T23:30:00Z");

  it("counts reviews made since the learner's midnight, not since UTC midnight", () => {
    const reviewTimes = ["09:00", "10:30", "15:59", "16:00", "23:00"].map((time) => at(`2026-03-07T${time}:00Z`));
    const common = { cards: [], templateIds: [], dailyNewLimit: 0, reviewTimes, now };
    // Shanghai (UTC+8): the 8th began at 16:00 UTC on the 7th.
    expect(queueToday({ ...common, timeZone: "Asia/Shanghai" }).reviewed).toBe(2);
    // UTC: the 7th began at 00:00.
    expect(queueToday({ ...common, timeZone: "UTC" }).reviewed).toBe(5);
    // Kiritimati (UTC+14): the 8th began at 10:00 UTC on the 7th; Pago Pago (UTC−11): the 7th began at 11:00 UTC on the 7th.
    expect(queueToday({ ...common, timeZone: "Pacific/Kiritimati" }).reviewed).toBe(4);
    expect(queueToday({ ...common, timeZone: "Pacific/Pago_Pago" }).reviewed).toBe(3);
  });

  it("counts the daily new limit in the learner's day, so a skill started at 07:00 in Shanghai is today's there", () => {
    const cards = [card("a", { createdAt: at("2026-03-07T23:00:00Z"), reps: 0 }), card("b", { createdAt: at("2026-03-07T10:00:00Z") })];
    const common = { cards, templateIds: ["a", "b", "c", "d", "e"], dailyNewLimit: 2, reviewTimes: [], now };
    const shanghai = queueToday({ ...common, timeZone: "Asia/Shanghai" });
    expect(shanghai.newStarted).toBe(1);
    // "a" started and not answered, plus one more the limit allows (of three unstarted).
    expect(shanghai.newLeft).toBe(2);
    const utc = queueToday({ ...common, timeZone: "UTC" });
    expect(utc.newStarted).toBe(2);
    expect(utc.newLeft).toBe(1);
  });

  it("counts as due what was answered before and falls due by the learner's midnight, overdue included", () => {
    const cards = [
      card("overdue", { due: at("2026-03-01T00:00:00Z") }),
      // 23:59 on the 8th in Shanghai: due today there, tomorrow in UTC terms (the 8th, while UTC's today is the 7th).
      card("tonight", { due: at("2026-03-08T15:59:00Z") }),
      card("tomorrow", { due: at("2026-03-08T16:00:00Z") }),
      card("fresh", { due: at("2026-03-07T23:00:00Z"), reps: 0, createdAt: at("2026-03-07T23:00:00Z") }),
      card("left-course", { due: at("2026-03-01T00:00:00Z") }),
    ];
    const templateIds = ["overdue", "tonight", "tomorrow", "fresh"];
    const shanghai = queueToday({ cards, templateIds, dailyNewLimit: 10, reviewTimes: [], now, timeZone: "Asia/Shanghai" });
    expect(shanghai.dueLeft).toBe(2);
    // The started, unanswered skill is new, not due; nothing is left unstarted.
    expect(shanghai.newLeft).toBe(1);
    expect(queueToday({ cards, templateIds, dailyNewLimit: 10, reviewTimes: [], now, timeZone: "UTC" }).dueLeft).toBe(1);
  });

  it("offers no new skills past the limit, and never more than remain unstarted", () => {
    const started = Array.from({ length: 3 }, (_, index) => card(`s${index}`, { createdAt: at("2026-03-07T20:00:00Z") }));
    const base = { cards: started, reviewTimes: [], now, timeZone: "Asia/Shanghai" };
    expect(queueToday({ ...base, templateIds: ["s0", "s1", "s2", "u0", "u1"], dailyNewLimit: 3 }).newLeft).toBe(0);
    expect(queueToday({ ...base, templateIds: ["s0", "s1", "s2", "u0", "u1"], dailyNewLimit: 2 }).newLeft).toBe(0);
    expect(queueToday({ ...base, templateIds: ["s0", "s1", "s2", "u0", "u1"], dailyNewLimit: 10 }).newLeft).toBe(2);
  });
});
