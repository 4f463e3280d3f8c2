import { receptiveFieldFigure } from "../figures/receptive-field-figure";
import type { LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { inlineCount, inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { stackedSmallKernelsMessages as messages } from "./stacked-small-kernels.messages";

/**
 * `rf.two-3x3-vs-5x5`: VGG's argument (d2l 7.2 zh / 8.2 en, "Networks Using Blocks"; Simonyan &
 * Zisserman 2015, sec. 2.3): `n` stacked 3×3 convolutions see a `(2n + 1)`-wide region, like one
 * `(2n + 1) × (2n + 1)` convolution, with fewer parameters. The question asks for the stack's
 * parameters; the solution derives the receptive field and compares with the single layer.
 *
 * Difficulty follows the work: easy, two layers with bias (vs 5×5), up to 64 channels; medium,
 * three layers with bias (vs 7×7), up to 128 channels; hard, wide VGG layers (192 to 512 channels,
 * a larger product than any medium one) counted without bias as the paper does (`2·9C²` or
 * `3·9C² = 27C²`), where a learner adding the bias by habit is wrong.
 */
export interface StackedSmallKernelsParams {
  difficulty: Difficulty;
  count: number;
  channels: number;
  bias: boolean;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): StackedSmallKernelsParams {
  const difficulty = rng.pick(DIFFICULTIES);
  // Even widths 4 to 62; multiples of 4 from 12 to 128; multiples of 16 from 192 to 512.
  if (difficulty === "easy") return { difficulty, count: 2, channels: 2 * rng.int(2, 31), bias: true };
  if (difficulty === "medium") return { difficulty, count: 3, channels: 4 * rng.int(3, 32), bias: true };
  return { difficulty, count: rng.int(2, 3), channels: 16 * rng.int(12, 32), bias: false };
}

const layerParams = (p: StackedSmallKernelsParams, kernel: number) => kernel * kernel * p.channels * p.channels + (p.bias ? p.channels : 0);

export const stackedSmallKernelsTemplate: ProblemTemplate<StackedSmallKernelsParams> = {
  id: "rf.two-3x3-vs-5x5",
  topic: "receptive-field",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => {
    const layers: LayerSpec[] = [];
    for (let index = 0; index < p.count; index += 1) {
      if (index > 0) layers.push({ type: "relu" });
      layers.push({ type: "conv2d", filters: p.channels, kernel: 3, padding: 1, ...(p.bias ? {} : { bias: false }) });
    }
    return { mode: "analyze", spec: { input: [p.channels, 32, 32], layers }, select: "totalParams" };
  },

  render(p, key, lang) {
    const t = messages(lang);
    const field = 2 * p.count + 1;
    const one = layerParams(p, 3);
    const total = p.count * one;
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `rf.two-3x3-vs-5x5: the worked solution gives ${total}, the engine ${JSON.stringify(key.value)}`);
    }
    const C = p.channels;
    const biasTerm = p.bias ? ` + ${C}` : "";
    const args = { count: String(p.count), channels: inlineNumber(C), bias: p.bias ? "yes" : "no", field: inlineSize(field, field) };
    const prompt = t("prompt", { ...args, kernel: inlineSize(3, 3) });
    const solution = t("solution", {
      count: args.count,
      bias: args.bias,
      field: args.field,
      fieldWork: `$1 + ${p.count} \\cdot 2 = ${field}$`,
      layerWork: `$3 \\cdot 3 \\cdot ${C} \\cdot ${C}${biasTerm} = ${one}$`,
      stackWork: `$${p.count} \\cdot ${one} = ${total}$`,
      singleWork: `$${field} \\cdot ${field} \\cdot ${C} \\cdot ${C}${biasTerm} = ${layerParams(p, field)}$`,
      answer: inlineCount(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => receptiveFieldFigure(Array.from({ length: p.count }, () => ({ kind: "conv" as const, kernel: 3, stride: 1, dilation: 1 })), lang),

  misconceptions: [
    {
      id: "forgot-bias",
      wrongAnswer: (p) => p.count * 9 * p.channels * p.channels,
      feedback: (p, lang) => messages(lang)("mistakes.forgotBias", { count: String(p.count), channels: inlineNumber(p.channels) }),
    },
    {
      id: "single-large-kernel",
      wrongAnswer: (p) => layerParams(p, 2 * p.count + 1),
      feedback: (_p, lang) => messages(lang)("mistakes.singleLargeKernel"),
    },
    {
      id: "input-channels-ignored",
      wrongAnswer: (p) => p.count * (9 * p.channels + (p.bias ? p.channels : 0)),
      feedback: (_p, lang) => messages(lang)("mistakes.inputChannelsIgnored"),
    },
    {
      id: "one-layer-only",
      wrongAnswer: (p) => layerParams(p, 3),
      feedback: (p, lang) => messages(lang)("mistakes.oneLayerOnly", { count: String(p.count) }),
    },
  ],
};
