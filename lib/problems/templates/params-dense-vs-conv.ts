import { specStackFigure } from "../figures/spec-stack-figure";
import { ProblemError } from "../errors";
import { inlineCount, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { paramsDenseVsConvMessages as messages } from "./params-dense-vs-conv.messages";

/**
 * `params.dense-vs-conv`: the parameters of a dense layer on a flattened `C × H × W` image versus a
 * small convolution on the same image (d2l 6.1 zh / 7.1 en, "From Fully Connected Layers to
 * Convolutions"; issue 5's 3×256×256 → 1,000 example). The key is the engine's `totalParams` of
 * the asked layer alone.
 *
 * Difficulty follows the size of the arithmetic, so every hard key is larger than every medium
 * key, which is larger than every easy one: easy, the convolution's `f·C·k·k + f` (under 5,000);
 * medium, the dense layer on a small grey or colour image (up to 64 × 64, 256 outputs); hard, the
 * dense layer on a large colour or 16-channel input (96 to 256 pixels, 512 to 4,096 outputs, as in
 * issue 5's 3×256×256 → 1,000 example: tens of millions to billions).
 */
export interface ParamsDenseVsConvParams {
  difficulty: Difficulty;
  channels: number;
  size: number;
  units: number;
  filters: number;
  kernel: number;
  target: "dense" | "conv";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ParamsDenseVsConvParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    return { difficulty, channels: rng.pick([1, 3]), size: rng.pick([28, 32]), units: rng.pick([10, 100]), filters: rng.pick([4, 6, 8, 10, 16, 32]), kernel: rng.pick([3, 5, 7]), target: "conv" };
  }
  if (difficulty === "medium") {
    return { difficulty, channels: rng.pick([1, 3]), size: rng.pick([28, 32, 48, 64]), units: rng.pick([10, 64, 100, 128, 256]), filters: rng.pick([8, 16]), kernel: 3, target: "dense" };
  }
  return {
    difficulty,
    channels: rng.pick([3, 16]),
    size: rng.pick([96, 112, 128, 224, 256]),
    units: rng.pick([512, 1000, 4096]),
    filters: rng.pick([32, 64]),
    kernel: rng.pick([3, 5]),
    target: "dense",
  };
}

const inputsOf = (p: ParamsDenseVsConvParams) => p.channels * p.size * p.size;
const denseCount = (p: ParamsDenseVsConvParams) => inputsOf(p) * p.units + p.units;
const convCount = (p: ParamsDenseVsConvParams) => p.filters * p.channels * p.kernel * p.kernel + p.filters;

export const paramsDenseVsConvTemplate: ProblemTemplate<ParamsDenseVsConvParams> = {
  id: "params.dense-vs-conv",
  topic: "parameters",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: {
      input: [p.channels, p.size, p.size],
      layers: p.target === "dense" ? [{ type: "flatten" }, { type: "dense", units: p.units }] : [{ type: "conv2d", filters: p.filters, kernel: p.kernel }],
    },
    select: "totalParams",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const dense = denseCount(p);
    const conv = convCount(p);
    const worked = p.target === "dense" ? dense : conv;
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `params.dense-vs-conv: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("prompt", {
      imageShape: inlineShape([p.channels, p.size, p.size]),
      units: inlineNumber(p.units),
      filters: inlineNumber(p.filters),
      kernel: inlineSize(p.kernel, p.kernel),
      target: p.target,
    });
    const solution = t("solution", {
      denseWork: `$(${p.channels} \\cdot ${p.size} \\cdot ${p.size}) \\cdot ${p.units} + ${p.units} = ${inputsOf(p)} \\cdot ${p.units} + ${p.units} = ${dense}$`,
      convWork: `$${p.filters} \\cdot ${p.channels} \\cdot ${p.kernel} \\cdot ${p.kernel} + ${p.filters} = ${conv}$`,
      target: p.target,
      answer: inlineCount(worked),
      ratio: `$\\approx$ ${inlineCount(Math.round(dense / conv))}`,
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    const check = this.check(p);
    return check?.mode === "analyze" ? specStackFigure(check.spec, lang, "none") : null;
  },

  misconceptions: [
    {
      id: "forgot-bias",
      wrongAnswer: (p) => (p.target === "dense" ? inputsOf(p) * p.units : p.filters * p.channels * p.kernel * p.kernel),
      feedback: (p, lang) => messages(lang)("mistakes.forgotBias", { target: p.target }),
    },
    {
      id: "forgot-input-channels",
      wrongAnswer: (p) => (p.target === "dense" ? p.size * p.size * p.units + p.units : p.filters * p.kernel * p.kernel + p.filters),
      feedback: (p, lang) => messages(lang)("mistakes.forgotInputChannels", { target: p.target, channels: inlineNumber(p.channels) }),
    },
    {
      id: "other-layer",
      wrongAnswer: (p) => (p.target === "dense" ? convCount(p) : denseCount(p)),
      feedback: (p, lang) => messages(lang)("mistakes.otherLayer", { target: p.target }),
    },
  ],
};
