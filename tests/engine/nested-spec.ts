/**
 * Specs nested as deep as a test asks, built without recursion (a 10,000-level spec is what the
 * depth caps exist for, and `JSON.stringify` of one overflows the stack: use `nestedSpecText`).
 * The innermost layer is a dense layer of 10 units on a flat input of 4 features, so a spec within
 * the caps analyses to `[10]` with 4·10 + 10 = 50 parameters (by hand: weights plus biases).
 */
export type Composite = "sequential" | "residual" | "concat";

const INNERMOST = { type: "dense", units: 10 };

/** `levels` composites of `kind`, one inside the other, around one dense layer. */
export function nestedLayer(levels: number, kind: Composite = "sequential"): Record<string, unknown> {
  let layer: Record<string, unknown> = INNERMOST;
  for (let level = 0; level < levels; level += 1) {
    // A residual's body is the nested layer and its shortcut a copy of the same dense layer, so both paths give [10].
    layer = kind === "sequential" ? { type: "sequential", layers: [layer] } : kind === "residual" ? { type: "residual", body: [layer], shortcut: [INNERMOST] } : { type: "concat", branches: [[layer]] };
  }
  return layer;
}

/** A whole spec: input `[4]` and the nested layer. */
export function nestedSpec(levels: number, kind: Composite = "sequential"): { input: number[]; layers: unknown[] } {
  return { input: [4], layers: [nestedLayer(levels, kind)] };
}

/** The JSON text of `nestedSpec(levels, "sequential")`, concatenated rather than stringified. */
export function nestedSpecText(levels: number): string {
  return `{"input":[4],"layers":[${'{"type":"sequential","layers":['.repeat(levels)}{"type":"dense","units":10}${"]}".repeat(levels)}]}`;
}

/** The engine path of the composite at 1-based `level` of a nest: `0`, `0.layers.0`, `0.body.0`, `0.branches.0.0`, … */
export function compositePath(level: number, kind: Composite = "sequential"): string {
  const step = kind === "sequential" ? "layers.0" : kind === "residual" ? "body.0" : "branches.0.0";
  return ["0", ...Array.from({ length: level - 1 }, () => step)].join(".");
}

export const sequentialPath = (level: number) => compositePath(level, "sequential");
