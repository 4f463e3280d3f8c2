import { EngineError } from "./errors";

/**
 * The architecture spec of DESIGN.md ("Engine spec") as TypeScript types. Field names follow the
 * contract, PyTorch's snake_case included (`ceil_mode`, `output_padding`).
 *
 * The engine accepts untyped JSON (specs come from the CLI and from authors) and validates each
 * layer by hand in `layers/fields.ts` while it walks the spec once: a schema library costs more
 * per layer than the whole analysis of one (issue 4 asks for ≥ 10,000 ResNet-50 analyses a second).
 */

/** An integer for both spatial axes, or `[h, w]`. */
export type Pair = number | readonly [number, number];

interface Named {
  /** Free text echoed in the layer's entry of the answer. */
  name?: string;
}

interface ConvFields extends Named {
  filters: number;
  stride?: Pair;
  dilation?: Pair;
  groups?: number;
  bias?: boolean;
}

/** PyTorch `nn.Conv2d`; `padding: "same"` needs stride 1. */
export interface Conv2dSpec extends ConvFields {
  type: "conv2d";
  kernel: Pair;
  padding?: Pair | "same" | "valid";
}

/** PyTorch `nn.Conv1d` on a `[C, L]` input. */
export interface Conv1dSpec extends Named {
  type: "conv1d";
  filters: number;
  kernel: number;
  stride?: number;
  padding?: number | "same" | "valid";
  dilation?: number;
  groups?: number;
  bias?: boolean;
}

/** PyTorch `nn.ConvTranspose2d`; `output_padding` must be smaller than the stride or the dilation. */
export interface Conv2dTransposeSpec extends ConvFields {
  type: "conv2d_transpose";
  kernel: Pair;
  padding?: Pair;
  output_padding?: Pair;
}

interface Pool2dFields extends Named {
  kernel: Pair;
  /** Defaults to the kernel. */
  stride?: Pair;
  padding?: Pair;
  ceil_mode?: boolean;
}

export interface MaxPool2dSpec extends Pool2dFields {
  type: "maxpool2d";
  dilation?: Pair;
}

export interface AvgPool2dSpec extends Pool2dFields {
  type: "avgpool2d";
  count_include_pad?: boolean;
}

interface Pool1dFields extends Named {
  kernel: number;
  stride?: number;
  padding?: number;
  ceil_mode?: boolean;
}

export interface MaxPool1dSpec extends Pool1dFields {
  type: "maxpool1d";
  dilation?: number;
}

export interface AvgPool1dSpec extends Pool1dFields {
  type: "avgpool1d";
  count_include_pad?: boolean;
}

/** `[C, H, W]` → `[C, 1, 1]` (and `[C, L]` → `[C, 1]`). */
export interface GlobalPoolSpec extends Named {
  type: "global_avgpool" | "global_maxpool";
}

/** PyTorch `nn.AdaptiveAvgPool2d(output)`. */
export interface AdaptiveAvgPool2dSpec extends Named {
  type: "adaptive_avgpool2d";
  output: Pair;
}

/** PyTorch `nn.BatchNorm2d` on `[C, H, W]`, `nn.BatchNorm1d` on `[C, L]` or `[F]`. */
export interface BatchNormSpec extends Named {
  type: "batchnorm";
  eps?: number;
  momentum?: number;
  /** γ and β; defaults to true. */
  affine?: boolean;
}

export interface ActivationSpec extends Named {
  type: ActivationType;
}
export type ActivationType = "relu" | "sigmoid" | "tanh" | "softmax";

export interface DropoutSpec extends Named {
  type: "dropout";
  /** In [0, 1); defaults to 0.5 as in PyTorch. */
  rate?: number;
}

export interface FlattenSpec extends Named {
  type: "flatten";
}

export interface DenseSpec extends Named {
  type: "dense";
  units: number;
  bias?: boolean;
}

export interface SequentialSpec extends Named {
  type: "sequential";
  layers: LayerSpec[];
}

/** `activation(body(x) + shortcut(x))`; an empty or missing shortcut is the identity. */
export interface ResidualSpec extends Named {
  type: "residual";
  body: LayerSpec[];
  shortcut?: LayerSpec[];
  activation?: ActivationType;
}

/** The branches joined on channels; an empty branch is the identity. */
export interface ConcatSpec extends Named {
  type: "concat";
  branches: LayerSpec[][];
}

export type LayerSpec =
  | Conv2dSpec
  | Conv1dSpec
  | Conv2dTransposeSpec
  | MaxPool2dSpec
  | AvgPool2dSpec
  | MaxPool1dSpec
  | AvgPool1dSpec
  | GlobalPoolSpec
  | AdaptiveAvgPool2dSpec
  | BatchNormSpec
  | ActivationSpec
  | DropoutSpec
  | FlattenSpec
  | DenseSpec
  | SequentialSpec
  | ResidualSpec
  | ConcatSpec;
export type LayerType = LayerSpec["type"];

/** Kept for callers of the first slice's names. */
export type Pool2dSpec = MaxPool2dSpec | AvgPool2dSpec;

/** A network: its input shape, channels first and without the batch (`[C, H, W]`, `[C, L]` or `[F]`). */
export interface ArchitectureSpec {
  name?: string;
  input: number[];
  layers: LayerSpec[];
}

/**
 * How deep composites (`sequential`, `residual`, `concat`) may nest. The zoo's deepest networks,
 * DenseNet-121 and -169, nest 3 (a dense layer's concat inside its block's sequential inside the
 * stage's); 16 is five times that. It is also kept low enough for the message to be seen: a
 * composite level costs 2 levels of JSON (3 for `concat`: `branches`, a branch, the layer), so a
 * spec just past the cap, inside a question definition inside a request, stays under the generic
 * 64-level JSON limit of the API's edge, and the author reads this cap, not that one.
 */
export const MAX_COMPOSITE_DEPTH = 16;

/** How deep a layer field's value (or the spec's `input`) may nest: a `[h, w]` pair is 1. */
export const MAX_VALUE_DEPTH = 8;

/**
 * Refuses a spec nested past the caps, before anything walks it recursively: the analysis, and
 * `JSON.stringify` in an error message, recurse once per level, so 10,000 nested `sequential`s
 * (or a `kernel` of 10,000 nested arrays) would end in "Maximum call stack size exceeded" instead
 * of a message. One iterative walk with an explicit stack (a few µs for ResNet-50: primitives and
 * flat `[h, w]` pairs are passed over without allocating); an `EngineError` "too-deep" naming the
 * cap and the path of the offending layer. Anything else about the spec is left to `analyze`,
 * which reports it in its own words (a composite's list that is not an array, say).
 */
export function checkSpecDepth(spec: unknown): void {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) return;
  const frame = spec as Record<string, unknown>;
  for (const key in frame) if (key !== "layers" || !Array.isArray(frame.layers)) checkValueDepth(frame[key], `spec: ${key}`, null);
  if (!Array.isArray(frame.layers)) return;
  const pending: { layers: readonly unknown[]; prefix: string; depth: number }[] = [{ layers: frame.layers, prefix: "", depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { layers, prefix, depth } = next;
    for (let index = 0; index < layers.length; index += 1) {
      const layer = layers[index];
      if (typeof layer !== "object" || layer === null || Array.isArray(layer)) {
        checkValueDepth(layer, `layer ${prefix + index}`, prefix + index);
        continue;
      }
      const type = (layer as { type?: unknown }).type;
      const composite = type === "sequential" || type === "residual" || type === "concat";
      for (const key in layer) {
        const value = (layer as Record<string, unknown>)[key];
        if (typeof value !== "object" || value === null) continue;
        const list = composite && Array.isArray(value) && (type === "sequential" ? key === "layers" : type === "residual" ? key === "body" || key === "shortcut" : key === "branches");
        if (!list) {
          checkValueDepth(value, `layer ${prefix + index} (${String(type)}): ${key}`, prefix + index);
          continue;
        }
        const path = prefix + index;
        if (depth + 1 > MAX_COMPOSITE_DEPTH) {
          throw new EngineError(
            "too-deep",
            `layer ${path} (${String(type)}): composites nest more than ${MAX_COMPOSITE_DEPTH} levels deep, the engine's cap (the zoo's deepest network nests 3)`,
            path,
          );
        }
        if (key !== "branches") {
          pending.push({ layers: value as unknown[], prefix: `${path}.${key}.`, depth: depth + 1 });
          continue;
        }
        (value as unknown[]).forEach((branch, branchIndex) => {
          if (Array.isArray(branch)) pending.push({ layers: branch, prefix: `${path}.branches.${branchIndex}.`, depth: depth + 1 });
          else checkValueDepth(branch, `layer ${path} (concat): branches.${branchIndex}`, path);
        });
      }
    }
  }
}

/** Refuses a value nested more than `MAX_VALUE_DEPTH` levels of arrays and objects (iteratively). */
function checkValueDepth(value: unknown, where: string, path: string | null): void {
  if (typeof value !== "object" || value === null || flat(value)) return;
  const pending: { value: object; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > MAX_VALUE_DEPTH) {
      throw new EngineError("too-deep", `${where} nests more than ${MAX_VALUE_DEPTH} levels of arrays or objects, the engine's cap`, path);
    }
    for (const inner of Object.values(next.value)) {
      if (typeof inner === "object" && inner !== null) pending.push({ value: inner, depth: next.depth + 1 });
    }
  }
}

/** An array of primitives (a shape, an `[h, w]` pair): one level, the common case, told without allocating. */
function flat(value: object): boolean {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (typeof item === "object" && item !== null) return false;
  }
  return true;
}
