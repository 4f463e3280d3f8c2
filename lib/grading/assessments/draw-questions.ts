import { createRng } from "@/lib/problems/rng";
import type { RuleProblem } from "./check-rules";

/**
 * An attempt's questions, drawn from the assessment's zones (issue 14): zones keep their order,
 * each draws `draw` different questions from its pool, and the drawn questions keep the pool's
 * order unless the zone shuffles them. The draw is a pure function of the attempt's seed, so the
 * server stores the seed once and a reload, a second tab or a regrade finds the same questions.
 */
export interface Zone<Item> {
  pool: readonly Item[];
  /** How many of the pool each attempt gets. */
  draw: number;
  shuffle: boolean;
}

export interface DrawnQuestion<Item> {
  /** Index of the zone it came from. */
  zone: number;
  item: Item;
}

// A pool past this is a whole catalogue, not a zone: the form says so rather than the attempt.
export const MAX_POOL_SIZE = 500;
export const MAX_ZONES = 50;

/** Every problem with the zones, named by field (`zones.2.draw`); empty when attempts can be drawn. */
export function checkZones(zones: readonly Zone<unknown>[]): RuleProblem[] {
  if (zones.length === 0 || zones.length > MAX_ZONES) return [{ field: "zones", message: `an assessment has from 1 to ${MAX_ZONES} zones`, reason: "rules.zonesCount", params: { max: MAX_ZONES } }];
  const problems: RuleProblem[] = [];
  zones.forEach((zone, at) => {
    if (zone.pool.length === 0 || zone.pool.length > MAX_POOL_SIZE) problems.push({ field: `zones.${at}.pool`, message: `zone ${at + 1} needs from 1 to ${MAX_POOL_SIZE} questions to draw from`, reason: "rules.poolSize", params: { zone: at + 1, max: MAX_POOL_SIZE } });
    else if (!Number.isInteger(zone.draw) || zone.draw < 1 || zone.draw > zone.pool.length) {
      problems.push({ field: `zones.${at}.draw`, message: `zone ${at + 1} can draw from 1 to ${zone.pool.length} of its ${zone.pool.length} questions`, reason: "rules.drawCount", params: { zone: at + 1, size: zone.pool.length } });
    }
  });
  return problems;
}

/** The questions of an attempt with this seed (zones already checked with `checkZones`). */
export function drawQuestions<Item>(zones: readonly Zone<Item>[], seed: number): DrawnQuestion<Item>[] {
  const rng = createRng(seed);
  const drawn: DrawnQuestion<Item>[] = [];
  zones.forEach((zone, index) => {
    // A partial Fisher-Yates over the pool's positions: the first `draw` are a uniform sample.
    const positions = zone.pool.map((_, at) => at);
    for (let at = 0; at < zone.draw; at += 1) {
      const pick = rng.int(at, positions.length - 1);
      [positions[at], positions[pick]] = [positions[pick]!, positions[at]!];
    }
    const chosen = positions.slice(0, zone.draw);
    if (!zone.shuffle) chosen.sort((a, b) => a - b);
    for (const at of chosen) drawn.push({ zone: index, item: zone.pool[at]! });
  });
  return drawn;
}
