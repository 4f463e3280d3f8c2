import { checkStackFigure } from "../figures/spec-stack-figure";
import { convOutputSize, type LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { convOutputSizeStackMessages as messages } from "./conv-output-size-stack.messages";

/**
 * `conv.output-size-stack`: the output shape after two stacked layers, a convolution followed by a
 * max pooling or a second convolution (d2l 6.3 zh / 7.3 en, "Padding and Stride"; 6.5 for
 * pooling; 6.6 LeNet and 7.6 ResNet's stem for the patterns).
 *
 * Difficulties: easy, a size-keeping convolution then LeNet's 2×2 pooling with stride 2; medium,
 * ResNet's stem (a stride-2 convolution, then a 3×3 max pooling with stride 2 and padding 1);
 * hard, two convolutions with their own kernels, paddings and strides on a non-square input.
 */
export interface StackLayer {
  kind: "conv" | "maxpool";
  /** Output channels of a convolution; 0 for pooling. */
  filters: number;
  kernel: number;
  padding: number;
  stride: number;
}

export interface ConvOutputSizeStackParams {
  difficulty: Difficulty;
  channelsIn: number;
  height: number;
  width: number;
  layers: [StackLayer, StackLayer];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const conv = (filters: number, kernel: number, padding: number, stride: number): StackLayer => ({ kind: "conv", filters, kernel, padding, stride });
const maxPool = (kernel: number, padding: number, stride: number): StackLayer => ({ kind: "maxpool", filters: 0, kernel, padding, stride });

function generate(rng: Rng): ConvOutputSizeStackParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const size = rng.int(8, 64);
    const k = rng.pick([3, 5]);
    const channelsIn = rng.pick([1, 3]);
    return { difficulty, channelsIn, height: size, width: size, layers: [conv(rng.pick([6, 8, 16, 32]), k, (k - 1) / 2, 1), maxPool(2, 0, 2)] };
  }
  if (difficulty === "medium") {
    const size = rng.int(32, 224);
    const k = rng.pick([3, 5, 7]);
    return { difficulty, channelsIn: 3, height: size, width: size, layers: [conv(rng.pick([32, 64]), k, Math.floor(k / 2), 2), maxPool(3, 1, 2)] };
  }
  const height = rng.int(16, 48);
  const width = rng.pick([16, 20, 24, 28, 32, 40, 48].filter((w) => w !== height));
  const channelsIn = rng.pick([3, 8, 16]);
  const k1 = rng.int(1, 5);
  const first = conv(rng.pick([8, 16, 24, 32].filter((c) => c !== channelsIn)), k1, rng.int(0, Math.floor(k1 / 2)), rng.int(1, 3));
  const k2 = rng.int(1, 3);
  const second = conv(rng.pick([12, 20, 48, 64]), k2, rng.int(0, Math.floor(k2 / 2)), rng.int(1, 2));
  return { difficulty, channelsIn, height, width, layers: [first, second] };
}

/** A rule for one axis of one layer: the right one, or a misconception's. */
type AxisRule = (size: number, layer: StackLayer) => number;

const floorRule: AxisRule = (n, l) => convOutputSize(n, l.kernel, l.padding, l.stride);

/** `[C, H, W]` after both layers under `rule`; `keepInputChannels` for the channel misconception. */
function shapeAfter(p: ConvOutputSizeStackParams, rule: AxisRule, keepInputChannels = false): number[] {
  let shape = [p.channelsIn, p.height, p.width];
  for (const layer of p.layers) {
    const channels = layer.kind === "conv" && !keepInputChannels ? layer.filters : (shape[0] ?? 0);
    shape = [channels, rule(shape[1] ?? 0, layer), rule(shape[2] ?? 0, layer)];
  }
  return shape;
}

const axisTex = (n: number, l: StackLayer) =>
  `$\\left\\lfloor \\frac{${n} + 2 \\cdot ${l.padding} - ${l.kernel}}{${l.stride}} \\right\\rfloor + 1 = ${floorRule(n, l)}$`;

const FORMULA = displayMath("n_\\text{out} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1");

const layerSpec = (l: StackLayer): LayerSpec =>
  l.kind === "conv"
    ? { type: "conv2d", filters: l.filters, kernel: l.kernel, padding: l.padding, stride: l.stride }
    : { type: "maxpool2d", kernel: l.kernel, padding: l.padding, stride: l.stride };

export const convOutputSizeStackTemplate: ProblemTemplate<ConvOutputSizeStackParams> = {
  id: "conv.output-size-stack",
  topic: "conv-arithmetic",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [p.channelsIn, p.height, p.width], layers: p.layers.map(layerSpec) },
    select: "outputShape",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = shapeAfter(p, floorRule);
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `conv.output-size-stack: the worked solution gives [${worked.join(", ")}], the engine ${JSON.stringify(key.value)}`);
    }
    const describe = (l: StackLayer) =>
      t("layer", {
        kind: l.kind,
        filters: inlineNumber(l.filters),
        kernel: inlineSize(l.kernel, l.kernel),
        padding: inlineNumber(l.padding),
        stride: inlineNumber(l.stride),
      });
    let shape = [p.channelsIn, p.height, p.width];
    const steps = p.layers.map((l, index) => {
      const next = [l.kind === "conv" ? l.filters : (shape[0] ?? 0), floorRule(shape[1] ?? 0, l), floorRule(shape[2] ?? 0, l)];
      const line = t("step", {
        index: String(index + 1),
        kind: l.kind,
        filters: inlineNumber(l.filters),
        heightWork: axisTex(shape[1] ?? 0, l),
        widthWork: axisTex(shape[2] ?? 0, l),
        shape: inlineShape(next),
      });
      shape = next;
      return line;
    });
    const prompt = t("prompt", {
      inputShape: inlineShape([p.channelsIn, p.height, p.width]),
      first: describe(p.layers[0]),
      second: describe(p.layers[1]),
    });
    const solution = t("solution", { formula: FORMULA, steps: steps.join("\n"), answer: inlineShape(worked) });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    return checkStackFigure(this.check(p), lang);
  },

  misconceptions: [
    {
      id: "forgot-plus-one",
      wrongAnswer: (p) => shapeAfter(p, (n, l) => Math.floor((n + 2 * l.padding - l.kernel) / l.stride)),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotPlusOne"),
    },
    {
      id: "padding-once",
      wrongAnswer: (p) => shapeAfter(p, (n, l) => Math.floor((n + l.padding - l.kernel) / l.stride) + 1),
      feedback: (_p, lang) => messages(lang)("mistakes.paddingOnce"),
    },
    {
      id: "ceil-instead-of-floor",
      wrongAnswer: (p) => shapeAfter(p, (n, l) => Math.ceil((n + 2 * l.padding - l.kernel) / l.stride) + 1),
      feedback: (_p, lang) => messages(lang)("mistakes.ceilInsteadOfFloor"),
    },
    {
      id: "input-channels-kept",
      wrongAnswer: (p) => shapeAfter(p, floorRule, true),
      feedback: (p, lang) => messages(lang)("mistakes.inputChannelsKept", { channelsIn: inlineNumber(p.channelsIn) }),
    },
  ],
};
