import { CLAMP_PARAMETERS, default_w, W17_W18_Ceiling } from "ts-fsrs";
import { drawStandardNormal, type UniformRandom } from "./uniform-random";

/**
 * How far a synthetic learner's memory departs from FSRS's defaults: each weight is multiplied by
 * exp(σ·z), z standard normal, then clamped to the range the optimizer itself allows (ts-fsrs
 * `CLAMP_PARAMETERS`). σ = 0.25 moves a weight by about ±28 % at one standard deviation, which is
 * the spread of the initial stabilities and growth weights across users in the FSRS benchmark;
 * the forgetting-curve decay w20 is perturbed too, so learners also forget with different shapes.
 */
export const HIDDEN_PARAMETER_SPREAD = 0.25;

/** A synthetic learner's hidden FSRS-6 weights: the defaults, perturbed (see `HIDDEN_PARAMETER_SPREAD`). */
export function drawHiddenParameters(random: UniformRandom, spread = HIDDEN_PARAMETER_SPREAD): number[] {
  const ranges = CLAMP_PARAMETERS(W17_W18_Ceiling, false);
  return default_w.map((weight, index) => {
    const perturbed = weight * Math.exp(spread * drawStandardNormal(random));
    const [low = perturbed, high = perturbed] = ranges[index] ?? [];
    return Math.min(high, Math.max(low, perturbed));
  });
}
