import { MAX_SEED } from "@/lib/problems/seed";

/**
 * The seed of the variant a learner answers on try `tryNumber` (from 0) of the question at
 * `position` of an attempt. An exam asks the same variant on every try (call with try 0); homework
 * gives a fresh variant per try. Derived rather than drawn, so the variant a try answers is fixed
 * by the attempt's seed alone: two tabs see the same variant, and a regrade rebuilds it exactly.
 */
export function trySeed(attemptSeed: number, position: number, tryNumber: number): number {
  let hash = mix(attemptSeed ^ 0x9e3779b9);
  hash = mix(hash ^ Math.imul(position + 1, 0x85ebca6b));
  hash = mix(hash ^ Math.imul(tryNumber + 1, 0xc2b2ae35));
  return (hash >>> 0) % (MAX_SEED + 1);
}

// MurmurHash3's 32-bit finaliser: every input bit moves about half the output bits, so the seeds
// of neighbouring positions and tries are unrelated.
function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
