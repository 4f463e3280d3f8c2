import { type ArchitectureSpec, type LayerSpec, zooSpec } from "../../engine";
import { inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { Difficulty, Lang } from "../types";
import { architecturesMessages as messages } from "./architectures.messages";
import { walkLayers, type WalkedLayer } from "./zoo-walk";

/** The d2l networks the architecture templates ask about, by zoo name (d2l's Fashion-MNIST inputs). */
export const D2L_NETS = { lenet: "d2l-lenet", alexnet: "d2l-alexnet", vgg: "d2l-vgg11" } as const;
export type D2lNet = keyof typeof D2L_NETS;

/**
 * Square input sizes each network is asked on: the book's (28 for LeNet, 224 for AlexNet and
 * VGG-11) and others every layer accepts (AlexNet down to 96, VGG-11's five halvings down to 32),
 * so that the same layer asks for different arithmetic.
 */
export const INPUT_SIZES: Record<D2lNet, readonly number[]> = {
  lenet: [20, 24, 28, 32, 36, 40, 44, 48],
  alexnet: [96, 112, 128, 160, 192, 224, 227, 256],
  vgg: [32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256],
};

/** Layers a learner works with; activations, dropout and block containers keep or wrap shapes. */
const SHOWN = new Set<LayerSpec["type"]>(["conv2d", "maxpool2d", "avgpool2d", "flatten", "dense"]);

export interface ShownLayer extends WalkedLayer {
  /** 1-based number in the prompt's list. */
  number: number;
}

/** The network's spec on a `size × size` input and its shown layers, numbered as the prompt lists them. */
export function shownLayers(net: D2lNet, size: number): { spec: ArchitectureSpec; layers: ShownLayer[] } {
  const book = zooSpec(D2L_NETS[net]);
  const spec: ArchitectureSpec = { ...book, input: [book.input[0] as number, size, size] };
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
export function listNetwork(net: D2lNet, size: number, target: number, lang: Lang): { intro: string; layers: string } {
  const { spec, layers } = shownLayers(net, size);
  const t = messages(lang);
  const intro = t("listIntro", { net: t("net", { net }), inputShape: inlineShape(spec.input), bookShape: inlineShape(zooSpec(D2L_NETS[net]).input) });
  const list = layers
    .filter((row) => row.number <= target)
    .map((row) => `${row.number}. ${describeLayer(row.layer, lang)}`)
    .join("\n");
  return { intro, layers: list };
}

/** A layer of a network on an input size: what the architecture templates ask about. */
export interface ZooTarget {
  net: D2lNet;
  /** The input's height and width. */
  size: number;
  /** The layer's number in the prompt's list (1-based). */
  target: number;
}

/**
 * The difficulty of reaching a layer: the layers worked through from the input up to it (its
 * number in the list), whichever network it is in. Easy, 1 to 4; medium, 5 to 8; hard, 9 or more.
 */
export function difficultyOfDepth(target: number): Difficulty {
  return target <= 4 ? "easy" : target <= 8 ? "medium" : "hard";
}

/**
 * A layer of any of the three networks, on any of its input sizes, whose depth has `difficulty`
 * (`difficultyOfDepth`) and which `accepts`.
 */
export function pickZooTarget(rng: Rng, difficulty: Difficulty, accepts: (layer: ShownLayer) => boolean): ZooTarget {
  const candidates = (Object.keys(D2L_NETS) as D2lNet[]).flatMap((net) =>
    shownLayers(net, INPUT_SIZES[net][0] as number)
      .layers.filter((row) => accepts(row) && difficultyOfDepth(row.number) === difficulty)
      .map((row) => ({ net, target: row.number })),
  );
  const { net, target } = rng.pick(candidates);
  return { net, size: rng.pick(INPUT_SIZES[net]), target };
}
