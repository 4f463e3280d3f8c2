import { describe, expect, it } from "vitest";
import { trySeed } from "@/lib/grading/assessments";
import { MAX_SEED } from "@/lib/problems/seed";

describe("trySeed", () => {
  it("is a pure function of the attempt's seed, the position and the try", () => {
    expect(trySeed(42, 3, 1)).toBe(trySeed(42, 3, 1));
  });

  it("gives each position and each try its own variant, within the seed range", () => {
    const seeds = new Set<number>();
    for (let position = 0; position < 20; position += 1) {
      for (let tryNumber = 0; tryNumber < 20; tryNumber += 1) {
        const seed = trySeed(7, position, tryNumber);
        expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED).toBe(true);
        seeds.add(seed);
      }
    }
    expect(seeds.size).toBe(400);
  });

  it("differs between neighbouring attempt seeds at the same position", () => {
    const seeds = Array.from({ length: 100 }, (_, seed) => trySeed(seed, 0, 0));
    expect(new Set(seeds).size).toBe(100);
    // Neighbouring attempts must not get neighbouring variants (rng.ts's seeds correlate).
    const gaps = seeds.slice(1).map((seed, at) => Math.abs(seed - seeds[at]!));
    expect(gaps.filter((gap) => gap < 1000).length).toBeLessThan(3);
  });
});
