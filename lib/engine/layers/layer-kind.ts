import type { z } from "zod";
import { EngineError } from "../errors";

/**
 * Receptive-field bookkeeping, one entry per spatial axis (empty for a flat `[F]` input):
 * `receptiveField` of one unit in input pixels, `jump` (product of strides) between neighbouring
 * units, and `extent`, the spatial size of the current map (kept through `flatten`, so that a
 * dense layer can be treated as a convolution whose kernel covers the whole map).
 */
export interface Field {
  receptiveField: number[];
  jump: number[];
  extent: number[];
}

/** What a layer receives: its path in the spec, its input shape (channels first), the field so far. */
export interface LayerInput {
  path: string;
  shape: readonly number[];
  field: Field;
}

/** What one layer contributes to the engine's answer. */
export interface LayerResult {
  outputShape: number[];
  params: number;
  buffers: number;
  macs: number;
  connections: number;
  field: Field;
}

/** One layer type (or a family sharing a schema): how to validate it and how to analyse it. */
export interface LayerKind<S extends { type: string }> {
  types: readonly S["type"][];
  schema: z.ZodType<S>;
  analyze(spec: S, input: LayerInput): LayerResult;
}

/** A layer kind with its spec type hidden, as the registry holds it. */
export interface RegisteredLayerKind {
  types: readonly string[];
  analyze(raw: unknown, input: LayerInput): LayerResult;
}

/** `layer 3 (conv2d)`: how every message about a layer starts. */
export function layerLabel(path: string, type: string): string {
  return `layer ${path} (${type})`;
}

/** Validates the raw JSON with the kind's schema, reporting the first problem with the layer's path. */
export function registerLayerKind<S extends { type: string }>(kind: LayerKind<S>): RegisteredLayerKind {
  return {
    types: kind.types,
    analyze(raw, input) {
      const parsed = kind.schema.safeParse(raw);
      if (!parsed.success) {
        const type = (raw as { type: string }).type;
        const issue = parsed.error.issues[0];
        const field = issue && issue.path.length > 0 ? `${issue.path.join(".")} ` : "";
        throw new EngineError(
          "invalid-layer",
          `${layerLabel(input.path, type)}: ${field}${issue?.message ?? "is invalid"}`,
          input.path,
        );
      }
      return kind.analyze(parsed.data, input);
    },
  };
}

/** The input as `[C, H, W]`, or an error naming the layer that needs it. */
export function requireChw(input: LayerInput, type: string): [number, number, number] {
  const [channels, height, width] = input.shape;
  if (input.shape.length !== 3 || channels === undefined || height === undefined || width === undefined) {
    throw new EngineError(
      "shape-mismatch",
      `${layerLabel(input.path, type)}: needs a [C, H, W] input, got [${input.shape.join(", ")}]`,
      input.path,
    );
  }
  return [channels, height, width];
}

/** Refuses an output axis smaller than 1, saying which axis and why. */
export function requirePositiveOutput(
  path: string,
  type: string,
  axis: "height" | "width",
  size: number,
  detail: string,
): void {
  if (size < 1) {
    throw new EngineError(
      "output-too-small",
      `${layerLabel(path, type)}: output ${axis} would be ${size} (< 1); ${detail}`,
      path,
    );
  }
}

/** The receptive field and jump of one spatial axis. */
export function fieldAxis(field: Field, axis: 0 | 1): { receptiveField: number; jump: number } {
  return { receptiveField: field.receptiveField[axis] ?? 1, jump: field.jump[axis] ?? 1 };
}
