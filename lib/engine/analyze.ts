import { EngineError } from "./errors";
import { type Flow, LayerFields, layerKinds, LIMITS, type Walker } from "./layers";
import { show } from "./layers/fields";
import { type ArchitectureSpec, checkSpecDepth } from "./spec";

/**
 * One layer in the engine's answer (DESIGN.md, "Engine spec"), in this key order. Its arrays may
 * be shared with neighbouring entries (a layer that changes nothing passes them on): read-only.
 */
export interface LayerAnalysis {
  /** Pre-order path: `"0"`, `"3.body.0"`; stable, so `layers.N` can be selected. */
  path: string;
  type: string;
  /** The layer's `name`, only when the spec gives one. */
  name?: string;
  outputShape: number[];
  /**
   * The product of `outputShape`: how many values the layer's output holds, which a forward pass
   * keeps for backpropagation when nothing is computed in place (× 4 bytes in float32).
   */
  outputElements: number;
  /** `outputElements` in float32, 4 bytes a value: the memory cost problems ask about. */
  outputBytes: number;
  params: number;
  buffers: number;
  macs: number;
  connections: number;
  /** Per spatial axis (`[h, w]` or `[l]`), in input pixels; empty for a flat input. */
  receptiveField: number[];
  /** Per spatial axis: input pixels between neighbouring units (the product of the strides). */
  jump: number[];
  /**
   * Convolutions, transposed convolutions and pooling only: the padding applied per spatial axis
   * once resolved (`"valid"` is 0; `"same"`, stride 1, is `d·(k − 1)/2` for an odd effective
   * kernel `d·(k − 1) + 1`). It is the padding on the leading side (top / left). The two sides
   * differ only for `"same"` with an even effective kernel: PyTorch then pads `d·(k − 1)` in total,
   * `⌊d·(k − 1)/2⌋` before and the odd pixel after (bottom / right), and this field is the smaller,
   * leading one. For a transposed convolution it is its `padding` (what is cropped from each side).
   */
  padding?: number[];
  /**
   * Composites only (`sequential`, `residual`, `concat`): the parameters of every layer under it,
   * PyTorch's `sum(p.numel() for p in block.parameters())`; its own `params` stays 0 so that the
   * entries add up to `totalParams` once.
   */
  subtreeParams?: number;
  /** Composites only: the MACs of every layer under it. */
  subtreeMacs?: number;
}

/** The engine's answer to an architecture spec; the field order is the JSON contract's. */
export interface Analysis {
  input: number[];
  outputShape: number[];
  totalParams: number;
  totalBuffers: number;
  totalMacs: number;
  totalConnections: number;
  /**
   * `outputElements` summed over the layers that compute (composites left out, their children
   * counted): a network's activation memory in values, with the input not counted and nothing
   * computed in place (DESIGN.md, "Engine spec").
   */
  totalOutputElements: number;
  /**
   * `totalOutputElements` in float32 (4 bytes a value), in bytes and in binary units (1 KiB =
   * 1024 B, 1 MiB = 1024 KiB): fields of their own because a problem's `check.select` is a plain
   * path into this answer (DESIGN.md, "Problems"), never arithmetic on it.
   */
  totalOutputBytes: number;
  totalOutputKiB: number;
  totalOutputMiB: number;
  /** `totalMacs` as FLOPs: one multiplication and one addition a MAC. */
  totalFlops: number;
  layers: LayerAnalysis[];
}

/**
 * Shapes, parameters, buffers, MACs, connections and receptive fields of every layer of a network,
 * without running it (PyTorch semantics, DESIGN.md "Reference semantics"). Accepts untyped JSON
 * (`unknown`) because specs come from the CLI and from authors; an invalid spec throws an
 * `EngineError` naming the offending layer's path.
 *
 * One walk over the spec: each layer is validated, analysed and entered in pre-order (a
 * composite's entry is reserved before its children are walked and filled in after). The walk
 * recurses into composites, so the nesting is checked first, without recursion (`checkSpecDepth`).
 */
export function analyze(spec: ArchitectureSpec | unknown): Analysis {
  checkSpecDepth(spec);
  const input = inputOf(spec);
  const spatial = input.slice(1);
  const walk = new SpecWalk();
  const start: Flow = { shape: input, receptiveField: spatial.map(() => 1), jump: spatial.map(() => 1), extent: spatial };
  const output = walk.sequence((spec as { layers: readonly unknown[] }).layers, "", start);
  const totals = [walk.params, walk.buffers, 2 * walk.macs, walk.connections, walk.outputElements * FLOAT32_BYTES];
  if (totals.some((total) => total > Number.MAX_SAFE_INTEGER)) {
    throw new EngineError("too-large", "spec: the counts exceed 2^53 and cannot be exact; the network is too large");
  }
  return {
    input: [...input],
    outputShape: output.shape as number[],
    totalParams: walk.params,
    totalBuffers: walk.buffers,
    totalMacs: walk.macs,
    totalConnections: walk.connections,
    totalOutputElements: walk.outputElements,
    totalOutputBytes: walk.outputElements * FLOAT32_BYTES,
    totalOutputKiB: (walk.outputElements * FLOAT32_BYTES) / 1024,
    totalOutputMiB: (walk.outputElements * FLOAT32_BYTES) / (1024 * 1024),
    totalFlops: 2 * walk.macs,
    layers: walk.rows,
  };
}

const FLOAT32_BYTES = 4;

/** A placeholder for a composite's entry until its children have been walked. */
const RESERVED = Object.freeze({}) as LayerAnalysis;

class SpecWalk implements Walker {
  readonly rows: LayerAnalysis[] = [];
  params = 0;
  buffers = 0;
  macs = 0;
  connections = 0;
  outputElements = 0;

  sequence(layers: readonly unknown[], prefix: string, flow: Flow): Flow {
    let current = flow;
    for (let index = 0; index < layers.length; index += 1) {
      current = this.layer(layers[index], prefix + index, current);
    }
    return current;
  }

  private layer(raw: unknown, path: string, input: Flow): Flow {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new EngineError("invalid-layer", `layer ${path}: must be an object with a "type", got ${show(raw)}`, path);
    }
    const { type, name } = raw as { type?: unknown; name?: unknown };
    if (typeof type !== "string") {
      throw new EngineError("invalid-layer", `layer ${path}: "type" must be a string, got ${show(type)}`, path);
    }
    const kind = layerKinds.get(type);
    if (!kind) {
      throw new EngineError(
        "unknown-layer-type",
        `layer ${path}: unknown type "${type}"; known types: ${[...layerKinds.keys()].join(", ")}`,
        path,
      );
    }
    const fields = new LayerFields(raw as Record<string, unknown>, path, type);
    fields.allowOnly(kind.fields);
    if (name !== undefined && typeof name !== "string") fields.fail("invalid-layer", `name must be a string, got ${show(name)}`);
    const index = this.rows.length;
    if (index >= LIMITS.layers) {
      fields.fail("too-large", `the spec has more than ${LIMITS.layers} layers (composites and nested layers counted)`);
    }
    this.rows.push(RESERVED);
    const paramsBefore = this.params;
    const macsBefore = this.macs;

    const step = kind.analyze(fields, input, this);
    const { flow } = step;
    checkCaps(fields, flow.shape);
    this.params += step.params;
    this.buffers += step.buffers;
    this.macs += step.macs;
    this.connections += step.connections;
    const outputShape = flow.shape as number[];
    const receptiveField = flow.receptiveField as number[];
    const jump = flow.jump as number[];
    const outputElements = elementsOf(outputShape);
    // DESIGN.md sums non-composite rows only: a composite's output is counted through its children.
    if (!kind.composite) this.outputElements += outputElements;
    const outputBytes = outputElements * FLOAT32_BYTES;
    const { params, buffers, macs, connections } = step;
    const row: LayerAnalysis =
      name === undefined
        ? { path, type, outputShape, outputElements, outputBytes, params, buffers, macs, connections, receptiveField, jump }
        : { path, type, name: name as string, outputShape, outputElements, outputBytes, params, buffers, macs, connections, receptiveField, jump };
    if (step.padding !== undefined) row.padding = step.padding as number[];
    if (kind.composite) {
      // The children were walked inside `kind.analyze` and added to the running totals; the
      // composite's own counts are 0, so the difference is exactly what it holds.
      row.subtreeParams = this.params - paramsBefore;
      row.subtreeMacs = this.macs - macsBefore;
    }
    this.rows[index] = row;
    return flow;
  }
}

/** The number of values in a tensor of this shape (batch left out): the product of its sizes. */
function elementsOf(shape: readonly number[]): number {
  let product = 1;
  for (const size of shape) product *= size;
  return product;
}

/** Channels (the first entry of a map) up to 65,536, spatial sizes up to 4,096. */
function checkCaps(fields: LayerFields, shape: readonly number[]): void {
  if (shape.length < 2) return;
  const channels = shape[0] ?? 0;
  if (channels > LIMITS.channels) fields.fail("too-large", `${channels} output channels is over the limit of ${LIMITS.channels}`);
  for (let axis = 1; axis < shape.length; axis += 1) {
    const size = shape[axis] ?? 0;
    if (size > LIMITS.spatial) {
      fields.fail("too-large", `output size ${size} is over the spatial limit of ${LIMITS.spatial}`);
    }
  }
}

/** The spec's `input` (`[C, H, W]`, `[C, L]` or `[F]`) after checking the spec's frame. */
function inputOf(spec: unknown): number[] {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new EngineError("invalid-spec", `spec: must be an object with "input" and "layers", got ${show(spec)}`);
  }
  const { input, layers, name } = spec as { input?: unknown; layers?: unknown; name?: unknown };
  if (name !== undefined && typeof name !== "string") {
    throw new EngineError("invalid-spec", `spec: name must be a string, got ${show(name)}`);
  }
  if (!Array.isArray(layers)) throw new EngineError("invalid-spec", `spec: layers must be an array of layers, got ${show(layers)}`);
  const valid =
    Array.isArray(input) &&
    input.length >= 1 &&
    input.length <= 3 &&
    input.every((size) => typeof size === "number" && Number.isInteger(size) && size >= 1);
  if (!valid) {
    throw new EngineError(
      "invalid-spec",
      `spec: input must be [C, H, W], [C, L] or [F] of positive integers (channels first, no batch), got ${show(input)}`,
    );
  }
  const shape = [...(input as number[])];
  if (shape.length >= 2 && (shape[0] ?? 0) > LIMITS.channels) {
    throw new EngineError("too-large", `spec: input has ${shape[0]} channels, over the limit of ${LIMITS.channels}`);
  }
  if (shape.slice(1).some((size) => size > LIMITS.spatial)) {
    throw new EngineError("too-large", `spec: input size [${shape.join(", ")}] is over the spatial limit of ${LIMITS.spatial}`);
  }
  return shape;
}
