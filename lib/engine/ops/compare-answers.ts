import type { NestedArray } from "./nested-array";
import type { GradientAnswer, OpAnswer } from "./op-plan";

/**
 * How far one answer to an op is from another: the largest `|a − b| / max(|b|, 1)` over every
 * value (output and running statistics, or the gradients): a relative error, which turns into an absolute one for
 * values under 1, where a relative error means nothing (a sum that cancels to 1e-7 on one backend
 * and 0 on another is not a disagreement). Infinity when the shapes or fields differ.
 */
export function answerDistance(actual: OpAnswer | GradientAnswer, expected: OpAnswer | GradientAnswer): number {
  const fields = ["output", "running_mean", "running_var", "grad_input", "grad_kernel", "grad_bias"] as const;
  let worst = 0;
  for (const field of fields) {
    const a = (actual as Partial<Record<(typeof fields)[number], NestedArray>>)[field];
    const b = (expected as Partial<Record<(typeof fields)[number], NestedArray>>)[field];
    if (a === undefined && b === undefined) continue;
    if (a === undefined || b === undefined) return Infinity;
    worst = Math.max(worst, arrayDistance(a, b));
  }
  return worst;
}

function arrayDistance(a: NestedArray, b: NestedArray): number {
  if (typeof a === "number" || typeof b === "number") {
    if (typeof a !== "number" || typeof b !== "number") return Infinity;
    return Math.abs(a - b) / Math.max(Math.abs(b), 1);
  }
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, arrayDistance(a[i]!, b[i]!));
  return worst;
}
