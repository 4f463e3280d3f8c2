import { MAX_SEED } from "@/lib/problems/seed";

/**
 * The seed of the variant a learner answers on try `tryNumber` (from 0) of the question at
 * `position` of an attempt started before attempts had a seed key (migration
 * 20261207014101_attempt_seed_key). An exam asks the same variant on every try (call with try 0);
 * homework gives a fresh variant per try. Derived rather than drawn, so the variant a try answers
 * is fixed by the attempt's seed alone: two tabs see the same variant, and a regrade rebuilds it
 * exactly.
 *
 * Unkeyed, so whoever learns one of these seeds can search the 2^31 attempt seeds for the one that
 * gives it and compute every other variant of the attempt: attempts started since carry a secret
 * key and derive their seeds by HMAC (lib/server/assessments/variant-seed.ts, ending in
 * `seedOfDigest`). This stays, unchanged, only so older attempts keep the variants they were shown.
 */
export function trySeed(attemptSeed: number, position: number, tryNumber: number): number {
  let hash = mix(attemptSeed ^ 0x9e3779b9);
  hash = mix(hash ^ Math.imul(position + 1, 0x85ebca6b));
  hash = mix(hash ^ Math.imul(tryNumber + 1, 0xc2b2ae35));
  return (hash >>> 0) % (MAX_SEED + 1);
}

/** The message a keyed attempt authenticates for a try's variant: `"<position>:<try>"`, both from 0. */
export function tryMessage(position: number, tryNumber: number): string {
  return `${position}:${tryNumber}`;
}

/**
 * A variant seed (0 … MAX_SEED) from a MAC digest: its first four bytes, big-endian, reduced to
 * 31 bits. 2^32 is twice 2^31 = MAX_SEED + 1, so every seed is equally likely.
 */
export function seedOfDigest(digest: Uint8Array): number {
  if (digest.length < 4) throw new RangeError(`a digest of ${digest.length} bytes is too short for a seed`);
  const word = new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0, false);
  return word % (MAX_SEED + 1);
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
