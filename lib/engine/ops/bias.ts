import { invalid } from "./nested-array";

/**
 * An op's `bias`: the number added to every output value, or one number per output channel
 * (`[O]`, as PyTorch stores it). Absent means none. In an architecture spec `bias` is a flag
 * (`true`/`false`); in an op it is the value, so a flag here is a mistake worth naming.
 */
export function readBias(op: string, value: unknown, channels: number): Float32Array | null {
  if (value === undefined) return null;
  if (typeof value === "number" && Number.isFinite(value) && Number.isFinite(Math.fround(value))) {
    return new Float32Array(channels).fill(value);
  }
  if (Array.isArray(value) && value.length === channels && value.every((item) => typeof item === "number" && Number.isFinite(Math.fround(item)))) {
    return Float32Array.from(value as number[]);
  }
  throw invalid(op, `bias must be a finite number or an array of ${channels} (one per output channel), got ${JSON.stringify(value)}`);
}
