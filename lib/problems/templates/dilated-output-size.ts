import { sizeFigure } from "../figures/size-figure";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { dilatedConvMessages as messages } from "./dilated-conv.messages";

/**
 * `dilated.output-size`: the output shape of one dilated `conv2d` layer,
 * `out = ⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1` (PyTorch `Conv2d`, "Shape"; NNDL 5.5.2).
 *
 * Difficulties: easy, no padding and stride 1 (the map shrinks by `d·(k − 1)`); medium, some
 * padding, stride 1; hard, stride 2 with padding, so the floor matters.
 */
export interface DilatedOutputSizeParams {
  difficulty: Difficulty;
  channelsIn: number;
  filters: number;
  size: number;
  kernel: number;
  dilation: number;
  padding: number;
  stride: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): DilatedOutputSizeParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick([1, 3, 16, 64]);
  const filters = rng.pick([8, 32, 128, 256].filter((c) => c !== channelsIn));
  const kernel = rng.pick(difficulty === "easy" ? [3] : [2, 3, 5]);
  const dilation = rng.int(2, 4);
  // Inputs wider than the largest dilated kernel (4·4 + 1 = 17 pixels), so every output is ≥ 1.
  const size = rng.int(20, 64);
  const padding = difficulty === "easy" ? 0 : rng.int(1, dilation * 2);
  return { difficulty, channelsIn, filters, size, kernel, dilation, padding, stride: difficulty === "hard" ? 2 : 1 };
}

const FORMULA = displayMath("n_\\text{out} = \\left\\lfloor \\frac{n + 2p - d \\cdot (k - 1) - 1}{s} \\right\\rfloor + 1");

/** The output size by a rule giving the kernel's covered width. */
const sizeWith = (p: DilatedOutputSizeParams, covered: number, plusOne = 1) =>
  Math.floor((p.size + 2 * p.padding - covered) / p.stride) + plusOne;

export const dilatedOutputSizeTemplate: ProblemTemplate<DilatedOutputSizeParams> = {
  id: "dilated.output-size",
  topic: "dilated-conv",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("outputSize.title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: {
      input: [p.channelsIn, p.size, p.size],
      layers: [{ type: "conv2d", filters: p.filters, kernel: p.kernel, dilation: p.dilation, padding: p.padding, stride: p.stride }],
    },
    select: "outputShape",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const effective = p.dilation * (p.kernel - 1) + 1;
    const numerator = p.size + 2 * p.padding - p.dilation * (p.kernel - 1) - 1;
    const output = Math.floor(numerator / p.stride) + 1;
    if (key.kind !== "shape" || key.value.join() !== [p.filters, output, output].join()) {
      throw new ProblemError("invalid-variant", `dilated.output-size: the worked solution gives ${output}, the engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("outputSize.prompt", {
      filters: inlineNumber(p.filters),
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
      kernel: inlineSize(p.kernel, p.kernel),
      dilation: inlineNumber(p.dilation),
      padding: inlineNumber(p.padding),
      stride: inlineNumber(p.stride),
    });
    const solution = t("outputSize.solution", {
      effectiveWork: `$${p.dilation} \\cdot (${p.kernel} - 1) + 1 = ${effective}$`,
      formula: FORMULA,
      work:
        `$\\left\\lfloor \\frac{${p.size} + 2 \\cdot ${p.padding} - ${p.dilation} \\cdot (${p.kernel} - 1) - 1}{${p.stride}} \\right\\rfloor + 1` +
        ` = \\left\\lfloor \\frac{${numerator}}{${p.stride}} \\right\\rfloor + 1 = ${output}$`,
      filters: inlineNumber(p.filters),
      answer: inlineShape(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) => (key.kind === "shape" ? sizeFigure({ layer: "conv", input: [p.size, p.size], kernel: [p.kernel, p.kernel], padding: [p.padding, p.padding], stride: [p.stride, p.stride], dilation: [p.dilation, p.dilation], output: [key.value[1] ?? 0, key.value[2] ?? 0], channels: [p.channelsIn, key.value[0] ?? 0] }, lang) : null),

  misconceptions: [
    {
      id: "dilation-ignored",
      wrongAnswer: (p) => [p.filters, sizeWith(p, p.kernel), sizeWith(p, p.kernel)],
      feedback: (_p, lang) => messages(lang)("outputSize.mistakes.dilationIgnored"),
    },
    {
      id: "kernel-times-dilation",
      wrongAnswer: (p) => [p.filters, sizeWith(p, p.dilation * p.kernel), sizeWith(p, p.dilation * p.kernel)],
      feedback: (_p, lang) => messages(lang)("outputSize.mistakes.kernelTimesDilation"),
    },
    {
      id: "forgot-plus-one",
      wrongAnswer: (p) => {
        const covered = p.dilation * (p.kernel - 1) + 1;
        return [p.filters, sizeWith(p, covered, 0), sizeWith(p, covered, 0)];
      },
      feedback: (_p, lang) => messages(lang)("outputSize.mistakes.forgotPlusOne"),
    },
    {
      id: "input-channels-kept",
      wrongAnswer: (p) => {
        const size = sizeWith(p, p.dilation * (p.kernel - 1) + 1);
        return [p.channelsIn, size, size];
      },
      feedback: (p, lang) =>
        messages(lang)("outputSize.mistakes.inputChannelsKept", { filters: inlineNumber(p.filters), channelsIn: inlineNumber(p.channelsIn) }),
    },
  ],
};
