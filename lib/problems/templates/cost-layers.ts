import type { LayerSpec } from "../../engine";
import { inlineNumber, inlineSize } from "../latex";
import type { Lang } from "../types";
import { costLayersMessages as messages } from "./cost-layers.messages";

/**
 * The square convolutions the cost templates ask about, and their counts written out (PyTorch
 * `nn.Conv2d`, DESIGN.md "Reference semantics"). The keys come from the engine; these give the
 * worked solution, which each template checks against the key.
 */
export interface CostConv {
  filters: number;
  kernel: number;
  stride: number;
  padding: number;
  groups: number;
  bias: boolean;
}

export const conv = (filters: number, kernel: number, options: Partial<Omit<CostConv, "filters" | "kernel">> = {}): CostConv => ({
  filters,
  kernel,
  stride: options.stride ?? 1,
  padding: options.padding ?? 0,
  groups: options.groups ?? 1,
  bias: options.bias ?? true,
});

/** `⌊(n + 2p − k)/s⌋ + 1` (d2l 6.3 zh / 7.3 en). */
export const convOut = (size: number, c: CostConv) => Math.floor((size + 2 * c.padding - c.kernel) / c.stride) + 1;

/** Weights `C_out · (C_in/g) · k²`, plus `C_out` biases. */
export const convWeights = (channelsIn: number, c: CostConv) => c.filters * (channelsIn / c.groups) * c.kernel * c.kernel;
export const convParams = (channelsIn: number, c: CostConv) => convWeights(channelsIn, c) + (c.bias ? c.filters : 0);

/** MACs `C_out · H_out · W_out · (C_in/g) · k²`. */
export const convMacs = (channelsIn: number, size: number, c: CostConv) => convWeights(channelsIn, c) * convOut(size, c) ** 2;

export function convSpec(c: CostConv): LayerSpec {
  const spec: Record<string, unknown> = { type: "conv2d", filters: c.filters, kernel: c.kernel };
  if (c.stride !== 1) spec.stride = c.stride;
  if (c.padding !== 0) spec.padding = c.padding;
  if (c.groups !== 1) spec.groups = c.groups;
  if (!c.bias) spec.bias = false;
  return spec as unknown as LayerSpec;
}

/** The layer in the learner's words. */
export function describeConv(c: CostConv, lang: Lang): string {
  const args = {
    kernel: inlineSize(c.kernel, c.kernel),
    filters: inlineNumber(c.filters),
    stride: inlineNumber(c.stride),
    padding: inlineNumber(c.padding),
    bias: c.bias ? "yes" : "no",
  };
  return c.groups === 1 ? messages(lang)("conv", args) : messages(lang)("grouped", { ...args, groups: inlineNumber(c.groups) });
}

/** A layer of the small networks the cost templates build, as a spec. */
export type CostLayer = { type: "conv"; conv: CostConv } | { type: "relu" } | { type: "maxpool"; kernel: number } | { type: "flatten" } | { type: "dense"; units: number };

export function layerSpec(layer: CostLayer): LayerSpec {
  if (layer.type === "conv") return convSpec(layer.conv);
  if (layer.type === "maxpool") return { type: "maxpool2d", kernel: layer.kernel, stride: layer.kernel };
  if (layer.type === "dense") return { type: "dense", units: layer.units };
  return { type: layer.type };
}

/** The shape after the layer (channels first), by the formulas above and PyTorch's floor for pooling. */
export function shapeAfter(layer: CostLayer, shape: readonly number[]): number[] {
  if (layer.type === "conv") return [layer.conv.filters, convOut(shape[1] as number, layer.conv), convOut(shape[2] as number, layer.conv)];
  if (layer.type === "maxpool") return [shape[0] as number, Math.floor((shape[1] as number) / layer.kernel), Math.floor((shape[2] as number) / layer.kernel)];
  if (layer.type === "flatten") return [shape.reduce((a, b) => a * b, 1)];
  if (layer.type === "dense") return [layer.units];
  return [...shape];
}

export function describeLayer(layer: CostLayer, lang: Lang): string {
  const t = messages(lang);
  if (layer.type === "conv") return describeConv(layer.conv, lang);
  if (layer.type === "maxpool") return t("maxpool", { kernel: inlineSize(layer.kernel, layer.kernel), stride: inlineNumber(layer.kernel) });
  if (layer.type === "dense") return t("dense", { units: inlineNumber(layer.units) });
  return t(layer.type);
}

export const macsConvention = (lang: Lang) => messages(lang)("macsConvention");
