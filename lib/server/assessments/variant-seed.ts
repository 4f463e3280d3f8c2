import { createHmac, randomBytes } from "node:crypto";
import { seedOfDigest, tryMessage, trySeed } from "@/lib/grading/assessments";

/** A new attempt's seed key: 128 random bits as 32 lower-case hex digits. */
export function newSeedKey(): string {
  return randomBytes(16).toString("hex");
}

/** Where a new attempt's seed key comes from: `newSeedKey`, or a fixed source in the demo and tests. */
export type SeedKeySource = () => string;

const SEED_KEY = /^[0-9a-f]{32}$/;

/**
 * The variant seed of try `tryNumber` (from 0; an exam's caller passes 0 for every try) of the
 * question at `position`. An attempt with a seed key: HMAC-SHA256(key, "position:try") cut to a
 * seed (RFC 2104; `seedOfDigest`). Without the key nobody can tell one try's seed from another's,
 * so a learner who sees the seeds of the variants they answered (their history, their export, the
 * take page's key re-check) learns nothing about the variants still to come. An attempt started
 * before seed keys keeps the old unkeyed hash of its seed (`trySeed`), so its variants never change.
 *
 * Every variant of an attempt is derived here, through `seedOfTry` (./attempt-question.ts).
 */
export function variantSeed(attempt: { seed: number; seedKey: string | null }, position: number, tryNumber: number): number {
  if (attempt.seedKey === null) return trySeed(attempt.seed, position, tryNumber);
  // A malformed key is our bug, not the learner's: refuse rather than derive from a shorter key.
  if (!SEED_KEY.test(attempt.seedKey)) throw new Error("An attempt's seed key is not 32 hex digits.");
  const digest = createHmac("sha256", Buffer.from(attempt.seedKey, "hex")).update(tryMessage(position, tryNumber), "utf8").digest();
  return seedOfDigest(digest);
}
