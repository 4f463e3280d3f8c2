import { checkSpecDepth, EngineError, MAX_VALUE_DEPTH } from "../engine";
import type { QuestionIssue } from "./errors";

/**
 * The nesting caps of a custom question's engine answer, checked without recursion. zod's
 * `z.json()` (and `JSON.stringify`, the engine's walk, the placeholder substitution after it)
 * recurse once per level, so a spec of 10,000 nested `sequential`s would end in "Maximum call
 * stack size exceeded" (a RangeError, a 500 or a message that says nothing) before any of them
 * could refuse it. These run first and say which cap, and where.
 */

/** Why a spec template nests too deep (the engine's message, naming the cap and the layer), or null. */
export function specNestingMessage(spec: unknown): string | null {
  try {
    checkSpecDepth(spec);
    return null;
  } catch (error) {
    if (error instanceof EngineError) return error.message;
    throw error;
  }
}

/**
 * The first field of an op template nesting more than the engine's value cap (an op's arrays nest
 * at most 4: batchnorm's `[N][C][H][W]`), with its message, or null.
 */
export function opNestingIssue(op: unknown): { key: string; message: string } | null {
  if (typeof op !== "object" || op === null || Array.isArray(op)) return null;
  for (const [key, value] of Object.entries(op)) {
    const path = pathDeeperThan(value, MAX_VALUE_DEPTH);
    if (path !== null) {
      const at = [key, ...path].join(".");
      return { key, message: `${key} nests more than ${MAX_VALUE_DEPTH} levels of arrays or objects (at ${at.length > 80 ? `${at.slice(0, 80)}…` : at}), the engine's cap` };
    }
  }
  return null;
}

/**
 * Where a definition's engine answer (`answer.engine.spec` or `.op`) nests past the caps, as an
 * issue whose path is the field's, or null: for a caller that must answer before anything walks
 * the definition recursively (the API's input check). The schema checks the same again.
 */
export function definitionNestingIssue(definition: unknown): QuestionIssue | null {
  const engine = field(field(definition, "answer"), "engine");
  const spec = field(engine, "spec");
  const specMessage = spec === undefined ? null : specNestingMessage(spec);
  if (specMessage !== null) return { path: "answer.engine.spec", message: specMessage };
  const op = opNestingIssue(field(engine, "op"));
  return op === null ? null : { path: `answer.engine.op.${op.key}`, message: op.message };
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The path (keys and indices) of the first place `value` nests more than `limit` levels of arrays and objects, or null. */
export function pathDeeperThan(value: unknown, limit: number): (string | number)[] | null {
  if (typeof value !== "object" || value === null) return null;
  const pending: { value: object; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.path.length >= limit) return next.path;
    for (const [key, inner] of Object.entries(next.value)) {
      if (typeof inner === "object" && inner !== null) pending.push({ value: inner, path: [...next.path, Array.isArray(next.value) ? Number(key) : key] });
    }
  }
  return null;
}
