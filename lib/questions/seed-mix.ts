import { createRng, type Rng } from "../problems";

/**
 * A generator for a question's seed, the seed first scrambled by MurmurHash3's 32-bit finaliser.
 * xoroshiro128+'s first outputs follow the low bits of small seeds (seeds 0, 1, 2, … alternate
 * their first pick between two values), so consecutive seeds, as the validation run and the
 * exports draw them, would otherwise cover only part of a variable space.
 */
export function questionRng(seed: number): Rng {
  let h = seed >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return createRng(h >>> 1);
}
