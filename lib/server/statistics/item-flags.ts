/**
 * Which questions an instructor should look at, and why: the warning signs of classical item
 * analysis (Crocker & Algina, ch. 14) and the engine's own alarm.
 * - Negative discrimination: learners who do well on the rest of the course do worse on this item,
 *   the usual sign of a wrong key or a misleading wording.
 * - Facility below 20 % or above 95 %: nearly everyone fails (unclear, wrong key, not yet taught) or
 *   nearly everyone succeeds (it tells nobody apart). Judged only from `MIN_ATTEMPTS_TO_JUDGE`
 *   attempts on: two wrong answers out of two say nothing yet about a question.
 * - Key mismatch reports: a learner's browser recomputed the key and got another one.
 */
export const LOW_FACILITY = 0.2;
export const HIGH_FACILITY = 0.95;
export const MIN_ATTEMPTS_TO_JUDGE = 5;

export type ItemFlag =
  | { kind: "negative-discrimination"; value: number }
  | { kind: "low-facility"; value: number }
  | { kind: "high-facility"; value: number }
  | { kind: "key-mismatches"; count: number };

export function itemFlags({
  attempts,
  facility,
  discrimination,
  keyMismatches,
}: {
  attempts: number;
  facility: number | null;
  discrimination: number | null;
  keyMismatches: number;
}): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (keyMismatches > 0) flags.push({ kind: "key-mismatches", count: keyMismatches });
  if (discrimination !== null && discrimination < 0) flags.push({ kind: "negative-discrimination", value: discrimination });
  if (facility !== null && attempts >= MIN_ATTEMPTS_TO_JUDGE) {
    if (facility < LOW_FACILITY) flags.push({ kind: "low-facility", value: facility });
    if (facility > HIGH_FACILITY) flags.push({ kind: "high-facility", value: facility });
  }
  return flags;
}
