import { EngineError } from "../errors";

/**
 * Nested JSON arrays of numbers (`[[0, 1], [2, 3]]`) ⇄ flat float32 values with a shape.
 *
 * Ops read their arrays here, so every op refuses the same things with the same words: a ragged
 * array, an empty axis, a rank the op does not take, a value that is not a finite number (or
 * overflows float32, the precision tfjs computes in), an axis over 4096 or more than 16M values.
 */

/** A number, or an array of them, nested to any depth: what an op reads and answers. */
export type NestedArray = number | NestedArray[];

/** Flat row-major float32 values and their shape (`[]` for a scalar). */
export interface DenseArray {
  shape: number[];
  values: Float32Array;
}

/** Size caps (issue 4): at most 4096 along any axis, at most 16M values in one array. */
export const MAX_AXIS = 4096;
export const MAX_ELEMENTS = 16 * 1024 * 1024;

/**
 * Reads `value` (the field `field` of op `op`) as a dense array whose rank is one of `ranks`.
 * The shape comes from the first element at each depth; every other element must agree.
 */
export function readArray(op: string, field: string, value: unknown, ranks: readonly number[]): DenseArray {
  if (value === undefined) throw invalid(op, `${field} is missing`);
  const shape: number[] = [];
  let probe = value;
  while (Array.isArray(probe)) {
    if (probe.length === 0) throw invalid(op, `${field}${"[0]".repeat(shape.length)} is empty`);
    shape.push(probe.length);
    probe = probe[0];
  }
  if (!ranks.includes(shape.length)) {
    throw invalid(op, `${field} must be ${ranks.map(describeRank).join(" or ")}, got ${describeRank(shape.length)} ${shapeText(shape)}`);
  }
  checkSize(op, field, shape);
  const values = new Float32Array(elementCount(shape));
  fill(op, field, value, shape, 0, values, 0);
  return { shape, values };
}

/** Throws unless `shape` is within the size caps. */
export function checkSize(op: string, what: string, shape: readonly number[]): void {
  const axis = shape.findIndex((size) => size > MAX_AXIS);
  if (axis >= 0) {
    throw new EngineError("too-large", `${op}: ${what} ${shapeText(shape)} is too large: at most ${MAX_AXIS} along an axis`);
  }
  if (elementCount(shape) > MAX_ELEMENTS) {
    throw new EngineError("too-large", `${op}: ${what} ${shapeText(shape)} is too large: at most ${MAX_ELEMENTS} values`);
  }
}

/** Fills `out` from `offset` with the values of `value`, checking that it has shape `shape[depth:]`. */
function fill(op: string, path: string, value: unknown, shape: readonly number[], depth: number, out: Float32Array, offset: number): number {
  if (depth === shape.length) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw invalid(op, `${path} must be a finite number, got ${JSON.stringify(value) ?? String(value)}`);
    }
    const stored = Math.fround(value);
    if (!Number.isFinite(stored)) throw invalid(op, `${path} = ${value} is outside the float32 range (±3.4e38)`);
    out[offset] = stored;
    return offset + 1;
  }
  const size = shape[depth]!;
  if (!Array.isArray(value) || value.length !== size) {
    const got = Array.isArray(value) ? `${value.length} ${value.length === 1 ? "entry" : "entries"}` : JSON.stringify(value) ?? String(value);
    throw invalid(op, `${path} must have ${size} entries like its siblings, got ${got} (a ragged array?)`);
  }
  if (depth === shape.length - 1) {
    // The innermost axis, unrolled: most of an array's values are read here.
    for (let i = 0; i < size; i++) {
      const item: unknown = value[i];
      if (typeof item === "number" && Number.isFinite(item)) {
        const stored = Math.fround(item);
        if (Number.isFinite(stored)) {
          out[offset + i] = stored;
          continue;
        }
      }
      fill(op, `${path}[${i}]`, item, shape, depth + 1, out, offset + i);
    }
    return offset + size;
  }
  for (let i = 0; i < size; i++) offset = fill(op, `${path}[${i}]`, value[i], shape, depth + 1, out, offset);
  return offset;
}

/**
 * Nests flat values into arrays of `shape`. A value that overflowed float32 in the computation
 * (JSON has no Infinity) is an error rather than a silent `null`.
 */
export function nest(op: string, values: ArrayLike<number>, shape: readonly number[], offset = 0): NestedArray {
  if (shape.length === 0) return checked(op, values[offset]!);
  const [size, ...rest] = shape as [number, ...number[]];
  const out: NestedArray[] = new Array<NestedArray>(size);
  if (rest.length === 0) {
    for (let i = 0; i < size; i++) out[i] = checked(op, values[offset + i]!);
    return out;
  }
  const stride = elementCount(rest);
  for (let i = 0; i < size; i++) out[i] = nest(op, values, rest, offset + i * stride);
  return out;
}

function checked(op: string, value: number): number {
  if (!Number.isFinite(value)) throw invalid(op, "the result overflows float32 (±3.4e38); scale the numbers down");
  // −0 (a product with a negative zero) reads as 0 in an answer key.
  return value + 0;
}

export function elementCount(shape: readonly number[]): number {
  let count = 1;
  for (const size of shape) count *= size;
  return count;
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

function describeRank(rank: number): string {
  return rank === 0 ? "a number" : `a ${rank}-D array`;
}

export function invalid(op: string, message: string): EngineError {
  return new EngineError("invalid-op", `${op}: ${message}`);
}
