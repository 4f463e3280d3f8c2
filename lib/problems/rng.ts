import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * The random choices a template makes, drawn from a generator seeded with the problem's seed, so
 * that a variant is a pure function of its seed. Each call advances the generator: a template
 * must draw in the same order every time.
 */
export interface Rng {
  /** An integer from `from` to `to`, both included. */
  int(from: number, to: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** xoroshiro128+ (pure-rand): fast, and the same sequence on every platform for a given seed. */
export function createRng(seed: number): Rng {
  const generator = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(generator, from, to);
  return {
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}
