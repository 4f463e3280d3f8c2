import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A draw from [0, 1). Each call advances the generator, so a simulation must draw in a fixed order. */
export type UniformRandom = () => number;

/**
 * A seeded uniform generator: xoroshiro128+ (pure-rand), the generator `lib/problems/rng.ts` uses
 * for variants, so a simulation is a pure function of its seed on every platform.
 */
export function createUniformRandom(seed: number): UniformRandom {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

/** A standard normal draw (Box–Muller), for log-normal perturbations of a parameter. */
export function drawStandardNormal(random: UniformRandom): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
