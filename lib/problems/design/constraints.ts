import type { Analysis, ArchitectureSpec, LayerSpec, LayerType } from "../../engine";

/**
 * One requirement of a design problem (answer kind `spec`): the learner writes a layer stack, the
 * engine's `analyze` reads it, and each constraint is checked against the spec or the analysis.
 * A design problem's key is its list of constraints; any spec that meets them all is right.
 */
export type DesignConstraint =
  /** The spec's `input` (filled in from this constraint when the learner leaves it out). */
  | { kind: "input-shape"; shape: number[] }
  /** `analyze(spec).outputShape`. */
  | { kind: "output-shape"; shape: number[] }
  /** `analyze(spec).totalParams` ≤ max. */
  | { kind: "max-params"; max: number }
  /** Every layer's type, composites included, is one of these. */
  | { kind: "layer-types"; allowed: LayerType[] }
  /** Every `conv2d` has a square kernel whose side is one of these. */
  | { kind: "kernel-sizes"; allowed: number[] }
  /** Every `conv2d` has this dilation on both axes (PyTorch's default is 1). */
  | { kind: "dilation"; value: number }
  /** The receptive field of one unit of the network's output, along each spatial axis, in input pixels. */
  | { kind: "min-receptive-field"; min: number }
  /** Exactly this many `conv2d` layers. */
  | { kind: "conv-count"; count: number };

export type DesignConstraintKind = DesignConstraint["kind"];

/**
 * What the spec has where a constraint looks: numbers already as inline KaTeX or code, so that a
 * message only places them. `path` names the first layer that breaks a per-layer constraint.
 */
export interface ConstraintOutcome {
  constraint: DesignConstraint;
  met: boolean;
  found: { value: string; path?: string };
}

const shapeTex = (shape: readonly number[]) => `$[${shape.join(", ")}]$`;
const countTex = (value: number) => `$${value.toLocaleString("en-US").replace(/,/g, "{,}")}$`;
const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `3` or `[3, 5]` as the pair `[h, w]`; a missing field is PyTorch's default. */
function pairOf(value: unknown, fallback: number): [number, number] {
  if (Array.isArray(value)) return [Number(value[0]), Number(value[1])];
  if (typeof value === "number") return [value, value];
  return [fallback, fallback];
}

/**
 * Every layer of the spec by its `analyze` path (`"0"`, `"3.body.1"`), in the same pre-order, so
 * that a constraint on a layer's fields (kernel, dilation) can name the layer the analysis names.
 */
export function layersByPath(spec: ArchitectureSpec): Map<string, LayerSpec> {
  const found = new Map<string, LayerSpec>();
  const walk = (layers: readonly LayerSpec[], prefix: string) =>
    layers.forEach((layer, index) => {
      const path = `${prefix}${index}`;
      found.set(path, layer);
      if (layer.type === "sequential") walk(layer.layers, `${path}.layers.`);
      if (layer.type === "residual") {
        walk(layer.body, `${path}.body.`);
        walk(layer.shortcut ?? [], `${path}.shortcut.`);
      }
      if (layer.type === "concat") layer.branches.forEach((branch, b) => walk(branch, `${path}.branches.${b}.`));
    });
  walk(spec.layers, "");
  return found;
}

/**
 * Checks each constraint against a spec the engine has analysed (`analysis = analyze(spec)`), in
 * the order given. Per-layer constraints report the first layer, in pre-order, that breaks them.
 */
export function checkConstraints(spec: ArchitectureSpec, analysis: Analysis, constraints: readonly DesignConstraint[]): ConstraintOutcome[] {
  const byPath = layersByPath(spec);
  const convs = analysis.layers.filter((row) => row.type === "conv2d");
  return constraints.map((constraint): ConstraintOutcome => {
    switch (constraint.kind) {
      case "input-shape":
        return { constraint, met: sameShape(spec.input, constraint.shape), found: { value: shapeTex(spec.input) } };
      case "output-shape":
        return { constraint, met: sameShape(analysis.outputShape, constraint.shape), found: { value: shapeTex(analysis.outputShape) } };
      case "max-params":
        return { constraint, met: analysis.totalParams <= constraint.max, found: { value: countTex(analysis.totalParams) } };
      case "layer-types": {
        const first = analysis.layers.find((row) => !(constraint.allowed as string[]).includes(row.type));
        return first ? { constraint, met: false, found: { value: `\`${first.type}\``, path: first.path } } : { constraint, met: true, found: { value: "" } };
      }
      case "kernel-sizes": {
        for (const row of convs) {
          const [h, w] = pairOf((byPath.get(row.path) as { kernel?: unknown } | undefined)?.kernel, 0);
          if (h !== w || !constraint.allowed.includes(h)) return { constraint, met: false, found: { value: `$${h} \\times ${w}$`, path: row.path } };
        }
        return { constraint, met: true, found: { value: "" } };
      }
      case "dilation": {
        for (const row of convs) {
          const [h, w] = pairOf((byPath.get(row.path) as { dilation?: unknown } | undefined)?.dilation, 1);
          if (h !== constraint.value || w !== constraint.value) return { constraint, met: false, found: { value: h === w ? `$${h}$` : `$(${h}, ${w})$`, path: row.path } };
        }
        return { constraint, met: true, found: { value: "" } };
      }
      case "min-receptive-field": {
        // The last top-level layer's row: its field is the network output's (a composite's row covers its children).
        const last = analysis.layers.find((row) => row.path === String(spec.layers.length - 1));
        const field = last?.receptiveField ?? [1, 1];
        const met = field.length > 0 && field.every((side) => side >= constraint.min);
        return { constraint, met, found: { value: field.length === 0 ? "$-$" : `$${field.join(" \\times ")}$` } };
      }
      case "conv-count":
        return { constraint, met: convs.length === constraint.count, found: { value: countTex(convs.length) } };
    }
  });
}
