import { describe, expect, it } from "vitest";
import { checkZones, drawQuestions, MAX_POOL_SIZE, type Zone } from "@/lib/grading/assessments";

const pool = (prefix: string, size: number) => Array.from({ length: size }, (_, at) => `${prefix}${at + 1}`);
const zones: Zone<string>[] = [
  { pool: pool("a", 5), draw: 2, shuffle: false },
  { pool: pool("b", 3), draw: 3, shuffle: true },
  { pool: pool("c", 1), draw: 1, shuffle: false },
];
// Attempt seeds are random in the server; here spread over the seed range like random ones.
const seedAt = (n: number) => (n * 2_654_435_761) % 2 ** 31;

describe("an attempt's questions", () => {
  it("draws each zone's count, zones in order, no question twice within a zone", () => {
    for (let n = 0; n < 200; n += 1) {
      const drawn = drawQuestions(zones, seedAt(n));
      expect(drawn.map((question) => question.zone)).toEqual([0, 0, 1, 1, 1, 2]);
      const first = drawn.filter((question) => question.zone === 0).map((question) => question.item);
      expect(new Set(first).size).toBe(2);
      expect(first.every((item) => zones[0]!.pool.includes(item))).toBe(true);
      expect(drawn.filter((question) => question.zone === 1).map((question) => question.item).sort()).toEqual(["b1", "b2", "b3"]);
      expect(drawn[5]!.item).toBe("c1");
    }
  });

  it("is the same for the same seed (a reload or a second tab finds the same questions)", () => {
    expect(drawQuestions(zones, 123_456)).toEqual(drawQuestions(zones, 123_456));
  });

  it("keeps the pool's order in a zone that does not shuffle, and shuffles one that does", () => {
    const orders = new Set<string>();
    for (let n = 0; n < 200; n += 1) {
      const drawn = drawQuestions(zones, seedAt(n));
      const first = drawn.filter((question) => question.zone === 0).map((question) => Number(question.item.slice(1)));
      expect(first[0]!).toBeLessThan(first[1]!);
      orders.add(drawn.filter((question) => question.zone === 1).map((question) => question.item).join());
    }
    // All 3! orders of the shuffled zone turn up.
    expect(orders.size).toBe(6);
  });

  it("gives every question of a pool the same chance: 2 of 5 is 40 % each, within 3 points over 5,000 attempts", () => {
    const counts = new Map<string, number>();
    const attempts = 5000;
    for (let n = 0; n < attempts; n += 1) {
      for (const question of drawQuestions([zones[0]!], seedAt(n))) counts.set(question.item, (counts.get(question.item) ?? 0) + 1);
    }
    for (const item of zones[0]!.pool) expect(Math.abs((counts.get(item) ?? 0) / attempts - 0.4)).toBeLessThan(0.03);
  });
});

describe("zones an attempt can be drawn from", () => {
  it("accepts a draw from 1 to the pool's size", () => {
    expect(checkZones(zones)).toEqual([]);
  });

  it.each([
    ["no zone", [], ["zones"]],
    ["an empty pool", [{ pool: [], draw: 1, shuffle: false }], ["zones.0.pool"]],
    ["a pool past the cap", [{ pool: pool("x", MAX_POOL_SIZE + 1), draw: 1, shuffle: false }], ["zones.0.pool"]],
    ["more drawn than the pool holds", [zones[0]!, { pool: pool("b", 3), draw: 4, shuffle: false }], ["zones.1.draw"]],
    ["nothing drawn", [{ pool: pool("b", 3), draw: 0, shuffle: false }], ["zones.0.draw"]],
    ["half a question", [{ pool: pool("b", 3), draw: 1.5, shuffle: false }], ["zones.0.draw"]],
  ] as const)("refuses %s, naming the field", (_, given, expected) => {
    expect(checkZones(given).map((problem) => problem.field)).toEqual(expected);
  });
});
