import { specStackFigure } from "../figures/spec-stack-figure";
import { ProblemError } from "../errors";
import { inlineCount, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { channelsOneByOneMessages as messages } from "./channels-one-by-one.messages";

/**
 * `channels.one-by-one`: the parameters or the MACs of a 1×1 convolution, a fully connected layer
 * applied at every pixel (d2l 6.4.3 zh / 7.4.3 en; NiN 7.3 and GoogLeNet 7.4 use it to change the
 * channels). Parameters `C_o · C_i (+ C_o)`; MACs `C_o · H · W · C_i` (DESIGN.md).
 *
 * Difficulties: easy, d2l's small example sizes, parameters; medium, NiN- and Inception-sized
 * channel reductions, with or without a bias, parameters; hard, the MACs of such a layer.
 */
export interface ChannelsOneByOneParams {
  difficulty: Difficulty;
  channelsIn: number;
  filters: number;
  height: number;
  width: number;
  bias: boolean;
  target: "params" | "macs";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ChannelsOneByOneParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const size = rng.int(3, 8);
    return { difficulty, channelsIn: rng.int(2, 4), filters: rng.int(2, 6), height: size, width: size, bias: true, target: "params" };
  }
  const channelsIn = rng.pick([64, 96, 128, 192, 256, 480, 512]);
  const filters = rng.pick([16, 32, 48, 64, 128].filter((c) => c !== channelsIn));
  const size = rng.pick([7, 14, 28, 56]);
  return { difficulty, channelsIn, filters, height: size, width: size, bias: rng.pick([true, false]), target: difficulty === "medium" ? "params" : "macs" };
}

const pixelsOf = (p: ChannelsOneByOneParams) => p.height * p.width;
const biasOf = (p: ChannelsOneByOneParams) => (p.bias ? p.filters : 0);

export const channelsOneByOneTemplate: ProblemTemplate<ChannelsOneByOneParams> = {
  id: "channels.one-by-one",
  topic: "channels",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: {
      input: [p.channelsIn, p.height, p.width],
      layers: [{ type: "conv2d", filters: p.filters, kernel: 1, ...(p.bias ? {} : { bias: false }) }],
    },
    select: p.target === "params" ? "layers.0.params" : "layers.0.macs",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const weights = p.filters * p.channelsIn;
    const worked = p.target === "params" ? weights + biasOf(p) : p.filters * pixelsOf(p) * p.channelsIn;
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `channels.one-by-one: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const work =
      p.target === "params"
        ? `$${p.filters} \\cdot ${p.channelsIn}${p.bias ? ` + ${p.filters}` : ""} = ${worked}$`
        : `$${p.filters} \\cdot (${p.height} \\cdot ${p.width}) \\cdot ${p.channelsIn} = ${worked}$`;
    const common = { oneByOne: inlineSize(1, 1), bias: p.bias ? "yes" : "no", target: p.target };
    const prompt = t("prompt", { ...common, inputShape: inlineShape([p.channelsIn, p.height, p.width]), filters: inlineNumber(p.filters) });
    const solution = t("solution", {
      ...common,
      channelsIn: inlineNumber(p.channelsIn),
      filters: inlineNumber(p.filters),
      weightShape: inlineSize(p.filters, p.channelsIn),
      pixels: `$${p.height} \\cdot ${p.width} = ${pixelsOf(p)}$`,
      work,
      answer: inlineCount(worked),
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    const check = this.check(p);
    return check?.mode === "analyze" ? specStackFigure(check.spec, lang, "none") : null;
  },

  misconceptions: [
    {
      id: "params-per-pixel",
      wrongAnswer: (p) => (p.target === "params" ? (p.filters * p.channelsIn + biasOf(p)) * pixelsOf(p) : p.filters * pixelsOf(p) * p.channelsIn),
      feedback: (_p, lang) => messages(lang)("mistakes.paramsPerPixel"),
    },
    {
      id: "forgot-bias",
      wrongAnswer: (p) => (p.target === "params" ? p.filters * p.channelsIn : p.filters * pixelsOf(p) * p.channelsIn),
      feedback: (p, lang) => messages(lang)("mistakes.forgotBias", { filters: inlineNumber(p.filters) }),
    },
    {
      id: "forgot-pixels",
      wrongAnswer: (p) => (p.target === "macs" ? p.filters * p.channelsIn : p.filters * p.channelsIn + biasOf(p)),
      feedback: (p, lang) => messages(lang)("mistakes.forgotPixels", { pixels: inlineNumber(pixelsOf(p)) }),
    },
    {
      id: "forgot-input-channels",
      wrongAnswer: (p) => (p.target === "params" ? p.filters + biasOf(p) : p.filters * pixelsOf(p)),
      feedback: (p, lang) => messages(lang)("mistakes.forgotInputChannels", { channelsIn: inlineNumber(p.channelsIn) }),
    },
  ],
};
