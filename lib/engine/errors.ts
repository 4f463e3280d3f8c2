/** What went wrong with a spec, for programs (`code`) and for the person who wrote it (`message`). */
export type EngineErrorCode =
  | "invalid-spec"
  | "unknown-layer-type"
  | "invalid-layer"
  | "shape-mismatch"
  | "output-too-small"
  | "pool-padding-too-large"
  | "invalid-select"
  /** An op spec (`run`) whose `op` the engine does not know. */
  | "unknown-op"
  /** An op spec with a missing, malformed or inconsistent field (ragged array, channel mismatch, …). */
  | "invalid-op"
  /** A size cap (spatial 4096, channels 65,536, 2,000 layers) or a count past 2^53. */
  | "too-large"
  /** Composites nested past `MAX_COMPOSITE_DEPTH`, or a field's value nested past `MAX_VALUE_DEPTH` (spec.ts). */
  | "too-deep"
  /** `zooSpec` of a name the zoo does not have. */
  | "unknown-model";

/**
 * An invalid spec: the author's mistake, never the engine's. The message names the path of the
 * offending layer (`layer 3 (conv2d): …`) so it can be fixed without reading the engine.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  /** Path of the offending layer (`"3"`, `"3.body.0"`), or null for the spec as a whole. */
  readonly path: string | null;

  constructor(code: EngineErrorCode, message: string, path: string | null = null) {
    super(message);
    this.name = "EngineError";
    this.code = code;
    this.path = path;
  }
}
