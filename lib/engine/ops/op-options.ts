import { invalid, MAX_AXIS } from "./nested-array";

/**
 * The scalar fields of an op spec: sizes that take an integer or `[h, w]`, flags, numbers. Each
 * reader names the op and the field in its error, so a typo is found without reading the engine.
 */

export type Pair = [number, number];

/** An op spec as parsed JSON: its fields, not yet checked. */
export type OpFields = Record<string, unknown>;

/** Refuses fields the op does not take (`strides` for `stride` would otherwise be ignored). */
export function checkFields(op: string, spec: OpFields, allowed: readonly string[]): void {
  for (const key of Object.keys(spec)) {
    if (key !== "op" && !allowed.includes(key)) {
      throw invalid(op, `unknown field "${key}" (${op} takes ${allowed.join(", ")})`);
    }
  }
}

/** An integer from `min` to 4096 (the axis cap), or `fallback` when absent. */
export function readInt(op: string, spec: OpFields, field: string, fallback: number, min: number): number {
  const value = spec[field];
  if (value === undefined) return fallback;
  if (!isSize(value, min)) throw invalid(op, `${field} must be an integer from ${min} to ${MAX_AXIS}, got ${JSON.stringify(value)}`);
  return value;
}

/** An integer or `[h, w]` of integers from `min` to 4096 (an integer means both axes), or `fallback`. */
export function readPair(op: string, spec: OpFields, field: string, fallback: Pair | undefined, min: number): Pair {
  const value = spec[field];
  if (value === undefined) {
    if (fallback === undefined) throw invalid(op, `${field} is missing`);
    return fallback;
  }
  if (isSize(value, min)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && isSize(value[0], min) && isSize(value[1], min)) {
    return [value[0], value[1]];
  }
  throw invalid(op, `${field} must be an integer from ${min} to ${MAX_AXIS}, or [h, w] of them, got ${JSON.stringify(value)}`);
}

export function readBoolean(op: string, spec: OpFields, field: string, fallback: boolean): boolean {
  const value = spec[field];
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw invalid(op, `${field} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** A finite number in [min, max], or `fallback`. */
export function readNumber(op: string, spec: OpFields, field: string, fallback: number, min: number, max = Infinity): number {
  const value = spec[field];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`;
    throw invalid(op, `${field} must be a number ${range}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function isSize(value: unknown, min: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= MAX_AXIS;
}
