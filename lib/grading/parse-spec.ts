import { checkLength, type LengthProblem } from "./normalize-answer";

/**
 * Caps on a learner's design answer, far above what a design problem needs (the reference specs
 * have at most 8 layers and nest 4 levels of JSON) and far below what would make the engine or a
 * message work hard: the answer is read before anything trusts it.
 */
export const MAX_SPEC_LAYERS = 32;
/** Levels of JSON arrays and objects: `{"layers": [{"kernel": [3, 3]}]}` nests 4. */
export const MAX_SPEC_DEPTH = 8;

export type SpecFormatProblem =
  | LengthProblem
  | { problem: "nul-byte" }
  | { problem: "not-json"; position: number | null }
  | { problem: "not-spec" }
  | { problem: "no-layers" }
  | { problem: "too-deep"; max: number }
  | { problem: "too-many-layers"; max: number; given: number }
  | { problem: "layer-not-object"; path: string }
  | { problem: "layer-no-type"; path: string }
  | { problem: "engine-refused"; message: string };

/** The spec as read: `input` may be left out (the problem's input shape fills it in), the rest is unchecked JSON the engine validates. */
export interface ParsedSpec {
  input?: unknown;
  layers: unknown[];
  [field: string]: unknown;
}

type Parsed = { ok: true; value: ParsedSpec } | { ok: false; format: SpecFormatProblem };

const COMPOSITE_LISTS = ["layers", "body", "shortcut"] as const;

/** Deepest nesting of arrays and objects, walked without recursion; stops counting past the cap. */
function depthOver(value: unknown, max: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.depth > max) return true;
    for (const inner of Object.values(next.value)) pending.push({ value: inner, depth: next.depth + 1 });
  }
  return false;
}

/** A string anywhere in the value holding a NUL (`"\u0000"` typed as an escape). */
function hasNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next === "string" && next.includes("\u0000")) return true;
    if (typeof next === "object" && next !== null) {
      for (const [key, inner] of Object.entries(next)) {
        if (key.includes("\u0000")) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/**
 * Every layer object with its `analyze` path, composites' children included (pre-order), or the
 * first entry that is not a layer. Depth is already capped, so the walk ends.
 */
function listLayers(layers: readonly unknown[]): { count: number } | SpecFormatProblem {
  let count = 0;
  const pending: { layers: readonly unknown[]; prefix: string }[] = [{ layers, prefix: "" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const [index, layer] of next.layers.entries()) {
      const path = `${next.prefix}${index}`;
      if (typeof layer !== "object" || layer === null || Array.isArray(layer)) return { problem: "layer-not-object", path };
      const fields = layer as Record<string, unknown>;
      if (typeof fields.type !== "string") return { problem: "layer-no-type", path };
      count += 1;
      for (const list of COMPOSITE_LISTS) if (Array.isArray(fields[list])) pending.push({ layers: fields[list] as unknown[], prefix: `${path}.${list}.` });
      if (Array.isArray(fields.branches)) {
        fields.branches.forEach((branch: unknown, b: number) => {
          if (Array.isArray(branch)) pending.push({ layers: branch, prefix: `${path}.branches.${b}.` });
        });
      }
    }
  }
  return { count };
}

/**
 * Reads a design answer: an architecture spec as JSON (DESIGN.md, "Engine spec"),
 * `{"input": [3, 32, 32], "layers": [{"type": "conv2d", "filters": 16, "kernel": 3}, …]}`, or only
 * its layer list (`[{…}, …]`); `input` may be left out. Refuses, before anything else reads it, an
 * answer over the length cap, with a NUL byte, nested deeper than `MAX_SPEC_DEPTH` or with more
 * than `MAX_SPEC_LAYERS` layers; then an entry of a layer list that is not an object with a `type`,
 * naming its path. Layer fields are the engine's to check (grade-spec.ts runs `analyze`).
 */
export function parseSpec(text: string): Parsed {
  const length = checkLength(text);
  if (length) return { ok: false, format: length };
  if (text.includes("\u0000")) return { ok: false, format: { problem: "nul-byte" } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
    return { ok: false, format: { problem: "not-json", position: position ? Number(position[1]) : null } };
  }
  if (hasNul(json)) return { ok: false, format: { problem: "nul-byte" } };
  if (depthOver(json, MAX_SPEC_DEPTH)) return { ok: false, format: { problem: "too-deep", max: MAX_SPEC_DEPTH } };
  const spec: Record<string, unknown> | null = Array.isArray(json) ? { layers: json } : typeof json === "object" && json !== null ? (json as Record<string, unknown>) : null;
  if (spec === null) return { ok: false, format: { problem: "not-spec" } };
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) return { ok: false, format: { problem: "no-layers" } };
  const listed = listLayers(spec.layers);
  if ("problem" in listed) return { ok: false, format: listed };
  if (listed.count > MAX_SPEC_LAYERS) return { ok: false, format: { problem: "too-many-layers", max: MAX_SPEC_LAYERS, given: listed.count } };
  return { ok: true, value: spec as ParsedSpec };
}
