import { EngineError } from "./errors";
import { type Field, layerKinds } from "./layers";
import { architectureFrameSchema, type ArchitectureSpec } from "./spec";

/** One layer in the engine's answer (DESIGN.md, "Engine spec"). */
export interface LayerAnalysis {
  /** Pre-order path: `"0"`, `"3.body.0"`; stable, so `layers.N` can be selected. */
  path: string;
  type: string;
  outputShape: number[];
  params: number;
  buffers: number;
  macs: number;
  connections: number;
  /** Per spatial axis `[h, w]`, in input pixels; empty for a flat input. */
  receptiveField: number[];
  /** Per spatial axis: the product of the strides so far. */
  jump: number[];
}

/** The engine's answer to an architecture spec; the field order is the JSON contract's. */
export interface Analysis {
  input: number[];
  outputShape: number[];
  totalParams: number;
  totalBuffers: number;
  totalMacs: number;
  totalConnections: number;
  layers: LayerAnalysis[];
}

/**
 * Shapes, parameters, buffers, MACs, connections and receptive fields of every layer of a network,
 * without running it. Accepts untyped JSON (`unknown`) because specs come from the CLI and from
 * authors; an invalid spec throws an `EngineError` naming the offending layer's path.
 */
export function analyze(spec: ArchitectureSpec | unknown): Analysis {
  const frame = architectureFrameSchema.safeParse(spec);
  if (!frame.success) {
    const issue = frame.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")} ` : "";
    throw new EngineError("invalid-spec", `spec: ${where}${issue?.message ?? "is invalid"}`);
  }
  const { input, layers } = frame.data;
  if (input.length !== 1 && input.length !== 3) {
    throw new EngineError(
      "invalid-spec",
      `spec: input must be [C, H, W] or [F] (channels first, no batch), got [${input.join(", ")}]`,
    );
  }

  const spatial = input.length === 3 ? input.slice(1) : [];
  let field: Field = { receptiveField: spatial.map(() => 1), jump: spatial.map(() => 1), extent: spatial };
  let shape: number[] = [...input];
  const analyses: LayerAnalysis[] = [];
  layers.forEach((raw, index) => {
    const path = String(index);
    const type = layerType(raw, path);
    const kind = layerKinds.get(type);
    if (!kind) {
      throw new EngineError(
        "unknown-layer-type",
        `layer ${path}: unknown type "${type}"; known types: ${[...layerKinds.keys()].join(", ")}`,
        path,
      );
    }
    const result = kind.analyze(raw, { path, shape, field });
    analyses.push({
      path,
      type,
      outputShape: result.outputShape,
      params: result.params,
      buffers: result.buffers,
      macs: result.macs,
      connections: result.connections,
      receptiveField: result.field.receptiveField,
      jump: result.field.jump,
    });
    shape = result.outputShape;
    field = result.field;
  });

  const total = (key: "params" | "buffers" | "macs" | "connections") =>
    analyses.reduce((sum, layer) => sum + layer[key], 0);
  return {
    input: [...input],
    outputShape: shape,
    totalParams: total("params"),
    totalBuffers: total("buffers"),
    totalMacs: total("macs"),
    totalConnections: total("connections"),
    layers: analyses,
  };
}

function layerType(raw: unknown, path: string): string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new EngineError("invalid-layer", `layer ${path}: must be an object with a "type"`, path);
  }
  const { type } = raw as { type?: unknown };
  if (typeof type !== "string") {
    throw new EngineError("invalid-layer", `layer ${path}: "type" must be a string`, path);
  }
  return type;
}
