import { ProblemError } from "../errors";
import { displayMath, inlineCount, inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { paramsConvLayerMessages as messages } from "./params-conv-layer.messages";

/**
 * `params.conv-layer`: the trainable parameters of one `conv2d` layer, `C_o · (C_i/g) · k_h · k_w`
 * weights plus `C_o` biases (d2l 6.4 zh / 7.4 en; PyTorch `nn.Conv2d`, weight `(C_o, C_i/g, k_h, k_w)`,
 * bias `(C_o)`).
 *
 * Difficulties: easy, a small square kernel with a bias; medium, wide layers, with or without a
 * bias; hard, grouped convolutions (depthwise included) and non-square kernels.
 */
export interface ParamsConvLayerParams {
  difficulty: Difficulty;
  channelsIn: number;
  filters: number;
  kernel: [number, number];
  groups: number;
  bias: boolean;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ParamsConvLayerParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const k = rng.pick([1, 3, 5]);
    return { difficulty, channelsIn: rng.pick([1, 3]), filters: rng.pick([6, 10, 16, 32, 64]), kernel: [k, k], groups: 1, bias: true };
  }
  if (difficulty === "medium") {
    const k = rng.pick([3, 5, 7]);
    const channelsIn = rng.pick([16, 32, 64, 96, 128, 256]);
    const filters = rng.pick([32, 64, 128, 192, 256, 384].filter((c) => c !== channelsIn));
    return { difficulty, channelsIn, filters, kernel: [k, k], groups: 1, bias: rng.pick([true, false]) };
  }
  const groups = rng.pick([2, 4, 8, 32]);
  const channelsIn = groups * rng.pick([1, 2, 4, 8]);
  // A depthwise convolution when groups = channelsIn and one kernel per channel.
  const filters = groups * rng.pick([1, 2, 3, 4].filter((m) => groups * m !== channelsIn || m === 1));
  const kh = rng.pick([1, 3, 5]);
  const kw = rng.pick([1, 3, 5, 7].filter((k) => k !== kh || k === 3));
  return { difficulty, channelsIn, filters, kernel: [kh, kw], groups, bias: rng.pick([true, false]) };
}

const perGroupOf = (p: ParamsConvLayerParams) => p.channelsIn / p.groups;
const area = (p: ParamsConvLayerParams) => p.kernel[0] * p.kernel[1];

const FORMULA = displayMath("\\text{params} = C_o \\cdot \\frac{C_i}{g} \\cdot k_h \\cdot k_w + \\text{bias}");

export const paramsConvLayerTemplate: ProblemTemplate<ParamsConvLayerParams> = {
  id: "params.conv-layer",
  topic: "parameters",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: {
      // The spatial size does not change the count; 32 × 32 is big enough for any kernel here.
      input: [p.channelsIn, 32, 32],
      layers: [
        {
          type: "conv2d",
          filters: p.filters,
          kernel: p.kernel[0] === p.kernel[1] ? p.kernel[0] : p.kernel,
          ...(p.groups > 1 ? { groups: p.groups } : {}),
          ...(p.bias ? {} : { bias: false }),
        },
      ],
    },
    select: "layers.0.params",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const weights = p.filters * perGroupOf(p) * area(p);
    const worked = weights + (p.bias ? p.filters : 0);
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `params.conv-layer: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const grouped = p.groups > 1;
    const prompt = t("prompt", {
      channelsIn: inlineNumber(p.channelsIn),
      filters: inlineNumber(p.filters),
      kernel: inlineSize(p.kernel[0], p.kernel[1]),
      grouped: grouped ? "yes" : "no",
      groups: inlineNumber(p.groups),
      perGroup: inlineNumber(perGroupOf(p)),
      channelsInCount: p.channelsIn,
      filtersCount: p.filters,
      perGroupCount: perGroupOf(p),
      bias: p.bias ? "yes" : "no",
    });
    const work =
      `$${p.filters} \\cdot \\frac{${p.channelsIn}}{${p.groups}} \\cdot ${p.kernel[0]} \\cdot ${p.kernel[1]}` +
      // Without a bias the product is the answer: "= 720", not "= 720 = 720".
      (p.bias ? ` + ${p.filters} = ${weights} + ${p.filters} = ${worked}$` : ` = ${worked}$`);
    const solution = t("solution", {
      kernelShape: `$C_i / g \\times k_h \\times k_w = ${perGroupOf(p)} \\times ${p.kernel[0]} \\times ${p.kernel[1]}$`,
      bias: p.bias ? "yes" : "no",
      formula: FORMULA,
      work,
      answer: inlineCount(worked),
    });
    return { prompt, solution };
  },

  misconceptions: [
    {
      id: "forgot-bias",
      wrongAnswer: (p) => p.filters * perGroupOf(p) * area(p),
      feedback: (p, lang) => messages(lang)("mistakes.forgotBias", { filters: inlineNumber(p.filters) }),
    },
    {
      id: "bias-counted-when-off",
      wrongAnswer: (p) => p.filters * perGroupOf(p) * area(p) + p.filters,
      feedback: (_p, lang) => messages(lang)("mistakes.biasCountedWhenOff"),
    },
    {
      id: "forgot-input-channels",
      wrongAnswer: (p) => p.filters * area(p) + (p.bias ? p.filters : 0),
      feedback: (p, lang) =>
        messages(lang)("mistakes.forgotInputChannels", {
          kernel: inlineSize(p.kernel[0], p.kernel[1]),
          perGroup: inlineNumber(perGroupOf(p)),
          perGroupCount: perGroupOf(p),
        }),
    },
    {
      id: "bias-per-input-channel",
      wrongAnswer: (p) => p.filters * perGroupOf(p) * area(p) + (p.bias ? p.channelsIn : 0),
      feedback: (p, lang) => messages(lang)("mistakes.biasPerInputChannel", { filters: inlineNumber(p.filters) }),
    },
    {
      id: "groups-ignored",
      wrongAnswer: (p) => p.filters * p.channelsIn * area(p) + (p.bias ? p.filters : 0),
      feedback: (p, lang) => messages(lang)("mistakes.groupsIgnored", { groups: inlineNumber(p.groups), perGroup: inlineNumber(perGroupOf(p)) }),
    },
  ],
};
