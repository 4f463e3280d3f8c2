import { EngineError, type EngineErrorCode } from "../errors";

/**
 * One layer's raw JSON, read field by field with errors that name the layer's path and say what
 * is wrong (`layer 3.body.0 (conv2d): kernel must be a positive integer or [h, w], got 0`).
 *
 * Hand-written rather than a schema library: the engine validates every layer on every call,
 * and at ResNet-50's ~170 layers a schema parse would cost more than the analysis itself.
 */
export class LayerFields {
  constructor(
    readonly raw: Readonly<Record<string, unknown>>,
    readonly path: string,
    readonly type: string,
  ) {}

  /** `layer 3 (conv2d)`: how every message about a layer starts. */
  get label(): string {
    return `layer ${this.path} (${this.type})`;
  }

  fail(code: EngineErrorCode, what: string): never {
    throw new EngineError(code, `${this.label}: ${what}`, this.path);
  }

  /** Refuses fields the layer type does not have (a typo such as `kernal` is caught, not ignored). */
  allowOnly(allowed: ReadonlySet<string>): void {
    for (const key in this.raw) {
      if (!allowed.has(key)) {
        this.fail("invalid-layer", `unknown field "${key}"; ${this.type} takes ${[...allowed].join(", ")}`);
      }
    }
  }

  /** A required integer ≥ `min`. */
  integer(key: string, min: 0 | 1): number {
    const value = this.raw[key];
    if (value === undefined) this.fail("invalid-layer", `${key} is required (${integerKind(min)})`);
    return this.checkInteger(key, value, min);
  }

  /** An optional integer ≥ `min`, `fallback` when absent. */
  integerOr(key: string, min: 0 | 1, fallback: number): number {
    const value = this.raw[key];
    return value === undefined ? fallback : this.checkInteger(key, value, min);
  }

  /**
   * An integer for both axes or `[h, w]`, each ≥ `min`; `fallback` when absent (null: required).
   * Returns a fresh pair.
   */
  pair(key: string, min: 0 | 1, fallback: number | readonly [number, number] | null): [number, number] {
    const value = this.raw[key] ?? fallback;
    if (value === null) this.fail("invalid-layer", `${key} is required (${integerKind(min)} or [h, w])`);
    if (typeof value === "number" && Number.isInteger(value) && value >= min) return [value, value];
    if (Array.isArray(value) && value.length === 2) {
      const [h, w] = value as unknown[];
      if (isInteger(h, min) && isInteger(w, min)) return [h, w];
    }
    return this.fail("invalid-layer", `${key} must be ${integerKind(min)} or [h, w] of them, got ${show(value)}`);
  }

  /** A 1-D size: an integer or `[n]`. */
  single(key: string, min: 0 | 1, fallback: number | null): number {
    const value = this.raw[key] ?? fallback;
    if (value === null) this.fail("invalid-layer", `${key} is required (${integerKind(min)})`);
    if (isInteger(value, min)) return value;
    if (Array.isArray(value) && value.length === 1 && isInteger(value[0], min)) return value[0];
    return this.fail("invalid-layer", `${key} must be ${integerKind(min)}, got ${show(value)}`);
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.raw[key];
    if (value === undefined) return fallback;
    if (typeof value !== "boolean") this.fail("invalid-layer", `${key} must be true or false, got ${show(value)}`);
    return value;
  }

  /** An optional finite number in `[min, max)` (or `[min, max]` with `maxInclusive`). */
  number(key: string, fallback: number, min: number, max: number, maxInclusive = false): number {
    const value = this.raw[key];
    if (value === undefined) return fallback;
    const inRange =
      typeof value === "number" && Number.isFinite(value) && value >= min && (maxInclusive ? value <= max : value < max);
    if (!inRange) {
      const range = `${maxInclusive ? "[" : "["}${min}, ${max}${maxInclusive ? "]" : ")"}`;
      this.fail("invalid-layer", `${key} must be a number in ${range}, got ${show(value)}`);
    }
    return value as number;
  }

  /** One of a few strings, or `fallback` when absent. */
  choice<T extends string>(key: string, options: readonly T[], fallback: T | undefined): T | undefined {
    const value = this.raw[key];
    if (value === undefined) return fallback;
    if (typeof value !== "string" || !(options as readonly string[]).includes(value)) {
      this.fail("invalid-layer", `${key} must be one of ${options.map((option) => `"${option}"`).join(", ")}, got ${show(value)}`);
    }
    return value as T;
  }

  /** A list of layers (a composite's `layers`, `body`, `shortcut`); `[]` when optional and absent. */
  layerList(key: string, required: boolean): readonly unknown[] {
    const value = this.raw[key];
    if (value === undefined || value === null) {
      if (required) this.fail("invalid-layer", `${key} is required (an array of layers)`);
      return EMPTY;
    }
    if (!Array.isArray(value)) this.fail("invalid-layer", `${key} must be an array of layers, got ${show(value)}`);
    return value;
  }

  private checkInteger(key: string, value: unknown, min: 0 | 1): number {
    if (!isInteger(value, min)) this.fail("invalid-layer", `${key} must be ${integerKind(min)}, got ${show(value)}`);
    return value;
  }
}

const EMPTY: readonly unknown[] = Object.freeze([]);

function isInteger(value: unknown, min: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min;
}

function integerKind(min: 0 | 1): string {
  return min === 1 ? "a positive integer" : "a non-negative integer";
}

/** A value as the author wrote it, kept short. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
