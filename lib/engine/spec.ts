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
