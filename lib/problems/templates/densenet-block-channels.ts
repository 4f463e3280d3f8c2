import { checkStackFigure } from "../figures/spec-stack-figure";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { denseNetBlockChannelsMessages as messages } from "./densenet-block-channels.messages";
import { denseBlock } from "./densenet-spec";

/**
 * `densenet.block-channels`: the output shape of a dense block, `[c0 + n·k, H, W]` for `n`
 * convolution blocks with growth rate `k` (d2l 2nd ed. 7.7.2 zh / 8.7.2 en).
 *
 * Difficulty follows the size of `n·k`: easy, d2l's small example (2 blocks, a growth rate of 10
 * or less, a handful of channels); medium, 3 to 6 blocks with the growth rates used in practice
 * (a stage of d2l's DenseNet, 4 blocks of growth 32 on the channels a transition layer leaves, one
 * draw in four); hard, 8 to 24 blocks (DenseNet-121's stages have 6, 12, 24 and 16), a two-digit
 * multiplier on growth rates 12 to 48.
 */
export interface DenseNetBlockChannelsParams {
  difficulty: Difficulty;
  channelsIn: number;
  height: number;
  width: number;
  convBlocks: number;
  growthRate: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): DenseNetBlockChannelsParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const size = rng.pick([4, 6, 8, 16]);
    return { difficulty, channelsIn: rng.int(1, 8), height: size, width: size, convBlocks: 2, growthRate: rng.pick([4, 5, 8, 10]) };
  }
  if (difficulty === "medium") {
    if (rng.int(0, 3) === 0) {
      // d2l's DenseNet: 64 channels into the first block, each transition halving 64 + 4·32 = 192 → 96, …
      const stage = rng.int(0, 3);
      const size = [56, 28, 14, 7][stage] as number;
      return { difficulty, channelsIn: [64, 96, 112, 120][stage] as number, height: size, width: size, convBlocks: 4, growthRate: 32 };
    }
    const size = rng.pick([8, 14, 16, 28, 32]);
    return {
      difficulty,
      channelsIn: rng.pick([16, 24, 32, 48, 64]),
      height: size,
      width: size,
      convBlocks: rng.int(3, 6),
      growthRate: rng.pick([12, 16, 24, 32]),
    };
  }
  const size = rng.pick([7, 14, 28, 56]);
  return { difficulty, channelsIn: rng.pick([64, 128, 256, 512]), height: size, width: size, convBlocks: rng.int(8, 24), growthRate: rng.pick([12, 24, 32, 48]) };
}

const KERNEL = inlineSize(3, 3);
const FORMULA = displayMath("c_\\text{out} = c_0 + n \\cdot k");

export const denseNetBlockChannelsTemplate: ProblemTemplate<DenseNetBlockChannelsParams> = {
  id: "densenet.block-channels",
  topic: "dense-connections",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [p.channelsIn, p.height, p.width], layers: [denseBlock(p.convBlocks, p.growthRate)] },
    select: "outputShape",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const channels = p.channelsIn + p.convBlocks * p.growthRate;
    const worked = [channels, p.height, p.width];
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `densenet.block-channels: worked [${worked.join(", ")}], engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("prompt", {
      convBlocks: inlineNumber(p.convBlocks),
      kernel: KERNEL,
      growthRate: inlineNumber(p.growthRate),
      inputShape: inlineShape([p.channelsIn, p.height, p.width]),
    });
    const solution = t("solution", {
      growthRate: inlineNumber(p.growthRate),
      kernel: KERNEL,
      formula: FORMULA,
      channelsWork: `$${p.channelsIn} + ${p.convBlocks} \\cdot ${p.growthRate} = ${channels}$`,
      spatial: inlineSize(p.height, p.width),
      answer: inlineShape(key.value),
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    return checkStackFigure(this.check(p), lang);
  },

  misconceptions: [
    {
      id: "growth-rate-only-last-block",
      wrongAnswer: (p) => [p.growthRate, p.height, p.width],
      feedback: (_p, lang) => messages(lang)("mistakes.onlyLastBlock"),
    },
    {
      id: "forgot-input-channels",
      wrongAnswer: (p) => [p.convBlocks * p.growthRate, p.height, p.width],
      feedback: (p, lang) => messages(lang)("mistakes.forgotInput", { channelsIn: inlineNumber(p.channelsIn) }),
    },
    {
      id: "densenet-adds",
      wrongAnswer: (p) => [p.channelsIn, p.height, p.width],
      feedback: (p, lang) => messages(lang)("mistakes.channelsAdded", { growthRate: inlineNumber(p.growthRate) }),
    },
    {
      id: "spatial-halved-in-block",
      wrongAnswer: (p) => [p.channelsIn + p.convBlocks * p.growthRate, Math.floor(p.height / 2), Math.floor(p.width / 2)],
      feedback: (_p, lang) => messages(lang)("mistakes.spatialHalved", { kernel: KERNEL }),
    },
  ],
};
