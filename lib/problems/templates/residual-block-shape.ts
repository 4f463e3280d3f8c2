import { residualFigure } from "../figures/residual-figure";
import { ProblemError } from "../errors";
import { inlineNumber, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { describeBlock, type ResidualBlock, residualLayer } from "./residual-block";
import { residualMessages as messages } from "./residual.messages";

/**
 * `residual.block-shape`: the output shape of one residual block (d2l 7.6 zh / 8.6 en). The key is
 * the engine's `outputShape` of the block.
 *
 * Difficulty follows the steps: easy, stride 1 with the identity shortcut (the shape is kept, no
 * arithmetic); medium, stride 2
 * with d2l's 1×1 shortcut, channels doubled, even sizes; hard, stride 2 with torchvision's
 * shortcut on odd sizes, so the floor matters.
 */
export interface ResidualBlockShapeParams extends ResidualBlock {
  difficulty: Difficulty;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ResidualBlockShapeParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick([16, 32, 64, 128]);
  if (difficulty === "easy") {
    // Any of ResNet's stage widths and map sizes (and a few between): the shape is kept.
    const width = rng.pick([16, 32, 48, 64, 96, 128, 256]);
    return { difficulty, channelsIn: width, size: rng.pick([7, 8, 14, 16, 28, 32, 56]), filters: width, stride: 1, shortcut: "identity" };
  }
  if (difficulty === "medium") return { difficulty, channelsIn, size: 2 * rng.int(4, 28), filters: 2 * channelsIn, stride: 2, shortcut: "d2l" };
  return { difficulty, channelsIn, size: 2 * rng.int(3, 27) + 1, filters: rng.pick([2, 4].map((factor) => factor * channelsIn)), stride: 2, shortcut: "torchvision" };
}

const spatial = (p: ResidualBlockShapeParams, stride: number) => Math.floor((p.size + 2 - 3) / stride) + 1;

export const residualBlockShapeTemplate: ProblemTemplate<ResidualBlockShapeParams> = {
  id: "residual.block-shape",
  topic: "residual",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("blockShape.title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: { input: [p.channelsIn, p.size, p.size], layers: [residualLayer(p)] }, select: "outputShape" }),

  render(p, key, lang) {
    const t = messages(lang);
    const size = spatial(p, p.stride);
    if (key.kind !== "shape" || key.value.join() !== [p.filters, size, size].join()) {
      throw new ProblemError("invalid-variant", `residual.block-shape: the worked solution gives [${p.filters}, ${size}, ${size}], the engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("blockShape.prompt", { block: describeBlock(p, lang) });
    const solution = t("blockShape.solution", {
      filters: inlineNumber(p.filters),
      work: `$\\left\\lfloor \\frac{${p.size} + 2 \\cdot 1 - 3}{${p.stride}} \\right\\rfloor + 1 = ${size}$`,
      shortcut: p.shortcut,
      answer: inlineShape(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) => (key.kind === "shape" ? residualFigure({ ...p, output: key.value }, lang) : null),

  misconceptions: [
    {
      id: "channels-concatenated",
      wrongAnswer: (p) => [p.filters + p.channelsIn, spatial(p, p.stride), spatial(p, p.stride)],
      feedback: (p, lang) => messages(lang)("blockShape.mistakes.channelsConcatenated", { filters: inlineNumber(p.filters) }),
    },
    {
      id: "stride-ignored",
      wrongAnswer: (p) => [p.filters, p.size, p.size],
      feedback: (p, lang) => messages(lang)("blockShape.mistakes.strideIgnored", { stride: inlineNumber(p.stride) }),
    },
    {
      id: "input-shape-kept",
      wrongAnswer: (p) => [p.channelsIn, p.size, p.size],
      feedback: (_p, lang) => messages(lang)("blockShape.mistakes.inputShapeKept"),
    },
  ],
};
