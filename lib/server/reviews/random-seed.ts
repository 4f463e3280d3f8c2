import { randomInt } from "node:crypto";
import { MAX_SEED } from "@/lib/problems";

/** A fresh variant's seed: chosen on the server, unpredictable, so a learner cannot pick an easy one. */
export function randomSeed(): number {
  return randomInt(0, MAX_SEED + 1);
}

export type SeedSource = () => number;
