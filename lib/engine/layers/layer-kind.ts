import type { LayerFields } from "./fields";

/**
 * What flows from one layer to the next, channels first. The spatial entries (`receptiveField`,
 * `jump`, `extent`) have one value per spatial axis: two for `[C, H, W]`, one for `[C, L]`, and
 * after `flatten` they keep those of the map the features came from, so that a dense layer can be
 * treated as a convolution whose kernel covers the whole map (d2l 8.3 zh / 7.3 en, NiN).
 *
 * - `receptiveField`: of one unit, in input pixels; `jump`: input pixels between neighbouring
 *   units (the product of the strides); `extent`: the spatial size of the current map.
 *
 * Arrays are never mutated once made: a layer that changes nothing passes its input's arrays on,
 * and the answer's layer entries share them (treat an analysis as read-only).
 */
export interface Flow {
  shape: readonly number[];
  receptiveField: readonly number[];
  jump: readonly number[];
  extent: readonly number[];
}

/** What one layer contributes: its output and its own counts (a composite's are all 0). */
export interface Step {
  flow: Flow;
  params: number;
  buffers: number;
  macs: number;
  connections: number;
  /**
   * Sliding-window layers only (convolutions, transposed convolutions, pooling): the padding
   * applied per spatial axis once resolved, on the leading side (top / left). See
   * `LayerAnalysis.padding` for `"same"` with an even effective kernel.
   */
  padding?: readonly number[];
}

/** How a composite hands its sub-lists of layers back to the one spec walk. */
export interface Walker {
  /** Walks `layers` from `flow`, their paths `${prefix}0`, `${prefix}1`, …; returns the output. */
  sequence(layers: readonly unknown[], prefix: string, flow: Flow): Flow;
}

/** One layer type (or a family sharing a reader): its fields and its analysis. */
export interface LayerKind {
  types: readonly string[];
  /** Every field the type takes, `type` and `name` included. */
  fields: ReadonlySet<string>;
  /** A composite (`sequential`, `residual`, `concat`): its entry also reports its subtree's totals. */
  composite?: true;
  analyze(fields: LayerFields, input: Flow, walker: Walker): Step;
}

/** The allowed field set of a layer type: `type` and `name` plus its own. */
export function fieldSet(...own: string[]): ReadonlySet<string> {
  return new Set(["type", "name", ...own]);
}

/** A step with no parameters, buffers, MACs or connections. */
export function countless(flow: Flow): Step {
  return { flow, params: 0, buffers: 0, macs: 0, connections: 0 };
}

const RANK_NAMES: Record<number, string> = { 1: "a flat [F]", 2: "a [C, L]", 3: "a [C, H, W]" };

/** Refuses an input of the wrong rank, naming the layer and the shape it got. */
export function requireRank(fields: LayerFields, input: Flow, rank: 1 | 2 | 3, hint = ""): void {
  if (input.shape.length !== rank) {
    fields.fail(
      "shape-mismatch",
      `needs ${RANK_NAMES[rank]} input, got [${input.shape.join(", ")}]${hint}`,
    );
  }
}

/** Refuses an output axis smaller than 1, saying which axis and why. */
export function requirePositiveOutput(fields: LayerFields, axis: string, size: number, detail: string): void {
  if (size < 1) fields.fail("output-too-small", `output ${axis} would be ${size} (< 1); ${detail}`);
}

/** Names of the spatial axes of a `[C, H, W]` (`height`, `width`) or `[C, L]` (`length`) map. */
export const AXES_2D = ["height", "width"] as const;
export const AXES_1D = ["length"] as const;

/**
 * Size caps (issue 4): a spatial size above 4,096, more than 65,536 channels (or dense units) or
 * more than 2,000 layers (composites and nested layers counted) is refused with a clear error,
 * so that a typo cannot make the engine count past 2^53 or walk for seconds.
 */
export const LIMITS = { spatial: 4_096, channels: 65_536, layers: 2_000 } as const;
