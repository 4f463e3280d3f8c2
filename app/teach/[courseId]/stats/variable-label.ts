/**
 * What a built-in question's varying number is, read from its dotted path into the engine check
 * (`spec.layers.0.kernel`), so the statistics head its column "Layer 1: kernel size" rather than
 * the path. A custom question's variables keep the names its author gave them (null here).
 */
export const VARIABLE_FIELDS = ["kernel", "stride", "padding", "dilation", "filters", "units", "groups", "output_padding", "rate", "output"] as const;
export type VariableField = (typeof VARIABLE_FIELDS)[number];

export type VariableLabel = { kind: "layer"; layer: number; field: VariableField } | { kind: "op"; field: VariableField } | { kind: "input"; axis: number };

const isField = (name: string | undefined): name is VariableField => (VARIABLE_FIELDS as readonly string[]).includes(name ?? "");

export function variableLabel(path: string): VariableLabel | null {
  const parts = path.split(".");
  // Layers count from 1 for people; the path's index is the spec's, from 0.
  if (parts.length === 4 && parts[0] === "spec" && parts[1] === "layers" && /^\d+$/.test(parts[2]!) && isField(parts[3])) {
    return { kind: "layer", layer: Number(parts[2]) + 1, field: parts[3] };
  }
  if (parts.length === 3 && parts[0] === "spec" && parts[1] === "input" && /^\d+$/.test(parts[2]!)) return { kind: "input", axis: Number(parts[2]) };
  if (parts.length === 2 && parts[0] === "op" && isField(parts[1])) return { kind: "op", field: parts[1] };
  return null;
}
