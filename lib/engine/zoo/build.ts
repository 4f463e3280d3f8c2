import type {
  ActivationSpec,
  AdaptiveAvgPool2dSpec,
  ArchitectureSpec,
  AvgPool2dSpec,
  BatchNormSpec,
  ConcatSpec,
  Conv2dSpec,
  DenseSpec,
  DropoutSpec,
  FlattenSpec,
  GlobalPoolSpec,
  LayerSpec,
  MaxPool2dSpec,
  Pair,
  ResidualSpec,
  SequentialSpec,
} from "../spec";

/**
 * Small builders for the zoo's specs, named after the PyTorch modules they stand for, so that a
 * zoo file reads like the book's or torchvision's code it transcribes.
 */

/** One model of the zoo: its spec and where its architecture (and published total) comes from. */
export interface ZooModel {
  /** The CLI name: torchvision's (`resnet18`, `vgg16_bn`) or prefixed by the book (`d2l-alexnet`). */
  name: string;
  /** Who defines this variant. */
  origin: "torchvision" | "d2l" | "nndl";
  /** The architecture's source, for a person checking the spec. */
  source: string;
  build(): ArchitectureSpec;
}

type ConvOptions = Partial<Pick<Conv2dSpec, "stride" | "padding" | "dilation" | "groups" | "bias" | "name">>;

/** `nn.Conv2d(…, filters, kernel, …)`. */
export function conv(filters: number, kernel: Pair, options: ConvOptions = {}): Conv2dSpec {
  return { type: "conv2d", filters, kernel, ...options };
}

/** `nn.BatchNorm2d` / `nn.BatchNorm1d`. */
export function batchNorm(eps?: number): BatchNormSpec {
  return eps === undefined ? { type: "batchnorm" } : { type: "batchnorm", eps };
}

export function relu(name?: string): ActivationSpec {
  return name === undefined ? { type: "relu" } : { type: "relu", name };
}

export function sigmoid(): ActivationSpec {
  return { type: "sigmoid" };
}

export function tanh(): ActivationSpec {
  return { type: "tanh" };
}

export function maxPool(kernel: Pair, stride?: Pair, padding?: Pair, ceilMode?: boolean): MaxPool2dSpec {
  return {
    type: "maxpool2d",
    kernel,
    ...(stride === undefined ? {} : { stride }),
    ...(padding === undefined ? {} : { padding }),
    ...(ceilMode ? { ceil_mode: true } : {}),
  };
}

export function avgPool(kernel: Pair, stride?: Pair): AvgPool2dSpec {
  return stride === undefined ? { type: "avgpool2d", kernel } : { type: "avgpool2d", kernel, stride };
}

export function adaptiveAvgPool(output: Pair): AdaptiveAvgPool2dSpec {
  return { type: "adaptive_avgpool2d", output };
}

export function globalAvgPool(): GlobalPoolSpec {
  return { type: "global_avgpool" };
}

export function flatten(): FlattenSpec {
  return { type: "flatten" };
}

export function dense(units: number, bias = true): DenseSpec {
  return bias ? { type: "dense", units } : { type: "dense", units, bias: false };
}

export function dropout(rate: number): DropoutSpec {
  return { type: "dropout", rate };
}

export function sequential(layers: LayerSpec[], name?: string): SequentialSpec {
  return name === undefined ? { type: "sequential", layers } : { type: "sequential", layers, name };
}

export function residual(body: LayerSpec[], shortcut: LayerSpec[], activation?: "relu", name?: string): ResidualSpec {
  return {
    type: "residual",
    body,
    shortcut,
    ...(activation === undefined ? {} : { activation }),
    ...(name === undefined ? {} : { name }),
  };
}

export function concat(branches: LayerSpec[][], name?: string): ConcatSpec {
  return name === undefined ? { type: "concat", branches } : { type: "concat", branches, name };
}

/** `n` copies made by `make(i)`. */
export function repeat<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}
