import { ProblemError } from "./errors";
import { type Lang, LANGS } from "./types";

/** Seeds are integers 0 … 2^31 − 1 (they fit a Postgres `Int`, as `Variant.seed` stores them). */
export const MAX_SEED = 2 ** 31 - 1;

function isSeed(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_SEED;
}

function invalidSeed(value: unknown): ProblemError {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new ProblemError("invalid-seed", `invalid seed ${shown}: a seed is an integer from 0 to ${MAX_SEED}`);
}

/** A seed given as a number (the typed API); anything else is a `ProblemError` "invalid-seed". */
export function requireSeed(value: unknown): number {
  if (!isSeed(value)) throw invalidSeed(value);
  return value;
}

/**
 * A seed from text of decimal digits, as the CLI and JSON Lines give it, or from a number.
 * Anything else (`-1`, `1.5`, `abc`, `1e3`, `2147483648`) is a `ProblemError` "invalid-seed".
 */
export function parseSeed(value: unknown): number {
  if (typeof value === "string" && /^\d{1,10}$/.test(value)) return requireSeed(Number(value));
  return requireSeed(value);
}

/** `en` or `zh-CN`; anything else is a `ProblemError` with code `invalid-lang`. */
export function parseLang(value: unknown): Lang {
  if (typeof value === "string" && (LANGS as readonly string[]).includes(value)) return value as Lang;
  throw new ProblemError(
    "invalid-lang",
    `invalid language ${typeof value === "string" ? JSON.stringify(value) : String(value)}: use ${LANGS.join(" or ")}`,
  );
}
