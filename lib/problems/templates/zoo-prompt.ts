import { type ArchitectureSpec, type LayerSpec, zooSpec } from "../../engine";
import { inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Lang } from "../types";
import { architecturesMessages as messages } from "./architectures.messages";
import { walkLayers, type WalkedLayer } from "./zoo-walk";

/** The d2l networks the architecture templates ask about, by zoo name (d2l's Fashion-MNIST inputs). */
export const D2L_NETS = { lenet: "d2l-lenet", alexnet: "d2l-alexnet", vgg: "d2l-vgg11" } as const;
export type D2lNet = keyof typeof D2L_NETS;

/** Layers a learner works with; activations, dropout and block containers keep or wrap shapes. */
const SHOWN = new Set<LayerSpec["type"]>(["conv2d", "maxpool2d", "avgpool2d", "flatten", "dense"]);

export interface ShownLayer extends WalkedLayer {
  /** 1-based number in the prompt's list. */
  number: number;
}

/** The network's spec and its shown layers, numbered as the prompt lists them. */
export function shownLayers(net: D2lNet): { spec: ArchitectureSpec; layers: ShownLayer[] } {
  const spec = zooSpec(D2L_NETS[net]);
  const layers = walkLayers(spec.layers, spec.input)
    .filter((row) => SHOWN.has(row.layer.type))
    .map((row, position) => ({ ...row, number: position + 1 }));
  return { spec, layers };
}

const size = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);

/** One line describing a layer, in the learner's language. */
export function describeLayer(layer: LayerSpec, lang: Lang): string {
  const t = messages(lang);
  if (layer.type === "conv2d") {
    const k = size(layer.kernel, 1);
    return t("layer.conv2d", { filters: inlineNumber(layer.filters), kernel: inlineSize(k, k), stride: inlineNumber(size(layer.stride, 1)), padding: inlineNumber(size(layer.padding, 0)) });
  }
  if (layer.type === "maxpool2d" || layer.type === "avgpool2d") {
    const k = size(layer.kernel, 1);
    const args = { kernel: inlineSize(k, k), stride: inlineNumber(size(layer.stride, k)), padding: inlineNumber(size(layer.padding, 0)) };
    return layer.type === "maxpool2d" ? t("layer.maxpool2d", args) : t("layer.avgpool2d", args);
  }
  if (layer.type === "dense") return t("layer.dense", { units: inlineNumber(layer.units) });
  return t("layer.flatten");
}

/** The prompt's introduction and numbered list of the shown layers up to `target` (a number). */
export function listNetwork(net: D2lNet, target: number, lang: Lang): { intro: string; layers: string } {
  const { spec, layers } = shownLayers(net);
  const t = messages(lang);
  const intro = t("listIntro", { net: t("net", { net }), inputShape: inlineShape(spec.input) });
  const list = layers
    .filter((row) => row.number <= target)
    .map((row) => `${row.number}. ${describeLayer(row.layer, lang)}`)
    .join("\n");
  return { intro, layers: list };
}
