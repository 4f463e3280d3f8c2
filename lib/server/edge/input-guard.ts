/**
 * The first look at every input a procedure receives, before its zod schema: a walk over the raw
 * JSON with an explicit stack (no recursion, so no depth can overflow it) that refuses what no
 * schema should ever have to see:
 * - a NUL byte (U+0000) in a string or a key: PostgreSQL refuses it in text (SQLSTATE 22021,
 *   "invalid byte sequence for encoding UTF8: 0x00"), so it would reach the database as a 500;
 * - a lone UTF-16 surrogate (half of a pair, not a character): PostgreSQL refuses it in a JSON
 *   column (22P05, "unsupported Unicode escape sequence": a 500 from review.reportMismatch's
 *   browserKey, found by the fuzz), and a text column silently stores U+FFFD instead;
 * - nesting deeper than `maxDepth`: zod and the operations after it recurse;
 * - more than `maxNodes` values, or a string longer than `maxStringLength`: work that grows with
 *   the input, refused before any of it is done.
 * The refusal names the field (`title: must not contain a NUL byte`), like a zod issue.
 */
import { TRPCError } from "@trpc/server";

export interface InputLimits {
  /** Containers inside containers: `{"a": [1]}` is 2 deep, a bare value 0. */
  maxDepth: number;
  /** Every value counts: objects, arrays and what they hold. */
  maxNodes: number;
  /** In UTF-16 code units, as zod's `.max()` counts. */
  maxStringLength: number;
  maxKeyLength: number;
}

/**
 * Generous for every procedure Stride has: the largest input, a 200,000-character definition,
 * holds at most 100,000 values (`0,` is two characters) and nests about a dozen levels; a longer
 * string than 100,000 characters is only a bank bundle, whose procedure raises the cap
 * (ProcedureMeta.inputLimits). Walking 100,000 values takes a few milliseconds.
 */
export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxDepth: 64,
  maxNodes: 100_000,
  maxStringLength: 100_000,
  maxKeyLength: 1_000,
};

export interface InputIssue {
  /** Where in the input, as a zod issue's path: keys and array indices. */
  path: (string | number)[];
  message: string;
}

/** What a refused input throws; `issues` is what tRPC's error formatter turns into field errors. */
export class InputRefusedError extends Error {
  readonly issues: InputIssue[];

  constructor(issue: InputIssue) {
    super(describeInputIssue(issue));
    this.name = "InputRefusedError";
    this.issues = [issue];
  }
}

export function describeInputIssue(issue: InputIssue): string {
  const field = issue.path.map(String).join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: string | number | null;
}

/** Half of a surrogate pair without its other half (String.prototype.isWellFormed, ES2024, in other words). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A path segment as a message can show it: a key with a NUL or thousands of characters is not. */
function printable(key: string | number): string | number {
  if (typeof key === "number") return key;
  const clean = key.replaceAll("\u0000", "\\0").replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD");
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

function pathOf(frame: Frame | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = frame; at && at.key !== null; at = at.parent) path.push(printable(at.key));
  return path.reverse();
}

/** The first thing wrong with `input`, or null when it is within the limits. */
export function findInputIssue(input: unknown, limits: InputLimits = DEFAULT_INPUT_LIMITS): InputIssue | null {
  const stack: Frame[] = [{ value: input, depth: 0, parent: null, key: null }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes) {
      return { path: pathOf(frame.parent), message: `holds more than ${limits.maxNodes.toLocaleString("en")} values` };
    }
    const { value } = frame;
    if (typeof value === "string") {
      if (value.length > limits.maxStringLength) {
        return { path: pathOf(frame), message: `must be at most ${limits.maxStringLength.toLocaleString("en")} characters` };
      }
      if (value.includes("\u0000")) return { path: pathOf(frame), message: "must not contain a NUL byte" };
      if (LONE_SURROGATE.test(value)) return { path: pathOf(frame), message: "must be valid Unicode text (it holds half of a surrogate pair)" };
      continue;
    }
    if (value === null || typeof value !== "object" || value instanceof Date) continue;
    const depth = frame.depth + 1;
    if (depth > limits.maxDepth) return { path: pathOf(frame), message: `is nested deeper than ${limits.maxDepth} levels` };
    if (Array.isArray(value)) {
      // Pushed in reverse, so the walk (and the first issue it reports) goes in document order.
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], depth, parent: frame, key: index });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (key.length > limits.maxKeyLength) return { path: pathOf(frame), message: `has a key longer than ${limits.maxKeyLength.toLocaleString("en")} characters` };
      if (key.includes("\u0000")) return { path: pathOf(frame), message: "has a key with a NUL byte" };
      if (LONE_SURROGATE.test(key)) return { path: pathOf(frame), message: "has a key that is not valid Unicode text" };
    }
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index]!;
      stack.push({ value: (value as Record<string, unknown>)[key], depth, parent: frame, key });
    }
  }
  return null;
}

/** The first name or value of a query string or form that breaks a limit, each checked as a field of its own. */
export function findParamsIssue(params: URLSearchParams, limits: InputLimits = DEFAULT_INPUT_LIMITS): InputIssue | null {
  for (const [name, value] of params) {
    const issue = findInputIssue({ [name]: value }, limits);
    if (issue) return issue;
  }
  return null;
}

/** Throws InputRefusedError naming the field when `input` breaks a limit. */
export function guardInput(input: unknown, limits: InputLimits = DEFAULT_INPUT_LIMITS): void {
  const issue = findInputIssue(input, limits);
  if (issue) throw new InputRefusedError(issue);
}

/** The middleware's step: the raw input (before zod), checked against the procedure's limits. */
export async function guardRawInput(getRawInput: () => Promise<unknown>, overrides: Partial<InputLimits> | undefined): Promise<void> {
  const issue = findInputIssue(await getRawInput(), overrides ? { ...DEFAULT_INPUT_LIMITS, ...overrides } : DEFAULT_INPUT_LIMITS);
  if (issue) {
    const refused = new InputRefusedError(issue);
    throw new TRPCError({ code: "BAD_REQUEST", message: refused.message, cause: refused });
  }
}
