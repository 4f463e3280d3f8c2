import { describe, expect, it } from "vitest";
import { seedOfDigest, tryMessage, trySeed } from "@/lib/grading/assessments";
import { MAX_SEED } from "@/lib/problems/seed";

describe("trySeed", () => {
  it("gives attempts without a seed key the seeds they always had", () => {
    // By an independent Python reimplementation of the unkeyed hash (MurmurHash3's finaliser,
    // three rounds, mod 2^31), as it stood before seed keys (migration 20261207014101).
    expect(trySeed(42, 3, 1)).toBe(1819397668);
    expect(trySeed(0, 0, 0)).toBe(1380512277);
    expect(trySeed(2147483647, 9, 4)).toBe(1293472399);
    expect(trySeed(123456789, 0, 2)).toBe(964351124);
  });

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

describe("tryMessage", () => {
  it("names a try by its position and try number, both from 0", () => {
    expect(tryMessage(3, 1)).toBe("3:1");
    expect(tryMessage(12, 0)).toBe("12:0");
  });
});

describe("seedOfDigest", () => {
  it("reads the first four bytes big-endian and keeps their low 31 bits", () => {
    // By hand: 0x4ad3c17d = 1255391613 (below 2^31, kept); 0xb37400ce − 2^31 = 0x337400ce = 863240398.
    expect(seedOfDigest(Uint8Array.from([0x4a, 0xd3, 0xc1, 0x7d, 0xff]))).toBe(1255391613);
    expect(seedOfDigest(Uint8Array.from([0xb3, 0x74, 0x00, 0xce]))).toBe(863240398);
    expect(seedOfDigest(Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).toBe(MAX_SEED);
    expect(seedOfDigest(Uint8Array.from([0x80, 0, 0, 0]))).toBe(0);
  });

  it("reads a digest that is a view into a larger buffer from the view's start", () => {
    const buffer = Uint8Array.from([9, 9, 0x4a, 0xd3, 0xc1, 0x7d]);
    expect(seedOfDigest(buffer.subarray(2))).toBe(1255391613);
  });

  it("refuses a digest shorter than four bytes", () => {
    expect(() => seedOfDigest(Uint8Array.from([1, 2, 3]))).toThrow(RangeError);
  });
});
