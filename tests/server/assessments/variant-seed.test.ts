import { describe, expect, it } from "vitest";
import { trySeed } from "@/lib/grading/assessments";
import { MAX_SEED } from "@/lib/problems/seed";
import { seedOfTry } from "@/lib/server/assessments/attempt-question";
import { newSeedKey, variantSeed } from "@/lib/server/assessments/variant-seed";

/** The key 00 01 02 … 0f. */
const KEY = "000102030405060708090a0b0c0d0e0f";
const OTHER_KEY = "ffeeddccbbaa99887766554433221100";

describe("variantSeed", () => {
  it("is HMAC-SHA256 of \"position:try\" under the attempt's key, cut to a seed", () => {
    // By Python's hmac module: hmac.new(bytes(range(16)), b"3:1", sha256).digest()[:4] is
    // 4a d3 c1 7d, 1255391613 below 2^31; "3:2" gives b3 74 00 ce → 863240398; "0:0" bb 8f 95 77 → 999265655.
    expect(variantSeed({ seed: 42, seedKey: KEY }, 3, 1)).toBe(1255391613);
    expect(variantSeed({ seed: 42, seedKey: KEY }, 3, 2)).toBe(863240398);
    expect(variantSeed({ seed: 42, seedKey: KEY }, 0, 0)).toBe(999265655);
  });

  it("is the same for the same key, position and try, whatever the attempt's seed", () => {
    expect(variantSeed({ seed: 1, seedKey: KEY }, 5, 2)).toBe(variantSeed({ seed: 99, seedKey: KEY }, 5, 2));
  });

  it("gives another key other seeds", () => {
    // By Python's hmac module, under the key ff ee dd … 00: "3:1" → 2058006474.
    expect(variantSeed({ seed: 42, seedKey: OTHER_KEY }, 3, 1)).toBe(2058006474);
    const keys = Array.from({ length: 50 }, () => newSeedKey());
    expect(new Set(keys.map((seedKey) => variantSeed({ seed: 7, seedKey }, 0, 0))).size).toBe(50);
  });

  it("gives each position and try of a keyed attempt its own seed, within the seed range", () => {
    const seeds = new Set<number>();
    for (let position = 0; position < 20; position += 1) {
      for (let tryNumber = 0; tryNumber < 20; tryNumber += 1) {
        const seed = variantSeed({ seed: 7, seedKey: KEY }, position, tryNumber);
        expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED).toBe(true);
        seeds.add(seed);
      }
    }
    expect(seeds.size).toBe(400);
  });

  it("keeps the old unkeyed seeds for an attempt started before seed keys", () => {
    // By an independent Python reimplementation of the unkeyed hash (tests/grading/assessments/try-seed.test.ts).
    expect(variantSeed({ seed: 42, seedKey: null }, 3, 1)).toBe(1819397668);
    expect(variantSeed({ seed: 123456789, seedKey: null }, 0, 2)).toBe(trySeed(123456789, 0, 2));
  });

  it("refuses a stored key that is not 32 hex digits rather than derive from part of it", () => {
    expect(() => variantSeed({ seed: 42, seedKey: "0001zz" }, 0, 0)).toThrow();
    expect(() => variantSeed({ seed: 42, seedKey: KEY.toUpperCase() }, 0, 0)).toThrow();
  });
});

describe("newSeedKey", () => {
  it("makes 128 random bits as 32 lower-case hex digits, a new one each time", () => {
    const keys = Array.from({ length: 100 }, () => newSeedKey());
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(100);
  });
});

describe("seedOfTry", () => {
  const attempt = (kind: string) => ({ attempt: { seed: 42, seedKey: KEY, assessment: { kind } } });

  it("asks an exam's one variant on every try and homework's fresh one per try, from the key", () => {
    expect(seedOfTry(attempt("exam"), 3, 2)).toBe(variantSeed({ seed: 42, seedKey: KEY }, 3, 0));
    expect(seedOfTry(attempt("homework"), 3, 1)).toBe(1255391613);
    expect(seedOfTry(attempt("homework"), 3, 2)).toBe(863240398);
  });
});
