import { checkStackFigure } from "../figures/spec-stack-figure";
import { poolOutputSize } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { denseNetTransitionMessages as messages } from "./densenet-transition.messages";
import { denseBlock, transitionBlock } from "./densenet-spec";

/**
 * `densenet.transition`: the shape after a DenseNet transition layer, which halves the channels
 * with a 1×1 convolution and height and width with 2×2 average pooling of stride 2 (d2l 2nd ed.
 * 7.7.3 zh / 8.7.3 en; d2l passes `num_channels // 2`).
 *
 * Difficulties: easy, even channels and sizes; medium, an odd height or width (or channel count),
 * so the rounding matters; hard, a dense block first, so its channels must be worked out.
 */
export interface DenseNetTransitionParams {
  difficulty: Difficulty;
  channelsIn: number;
  height: number;
  width: number;
  /** A dense block before the transition (hard), or none. */
  block: { convBlocks: number; growthRate: number } | null;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): DenseNetTransitionParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const size = rng.pick([8, 16, 28, 32, 56]);
    return { difficulty, channelsIn: 2 * rng.int(4, 128), height: size, width: size, block: null };
  }
  if (difficulty === "medium") {
    const height = 2 * rng.int(2, 28) + 1;
    const width = rng.pick([height, height + 1, height - 1]);
    return { difficulty, channelsIn: rng.int(9, 255), height, width, block: null };
  }
  const size = rng.pick([7, 14, 28, 56]);
  const block = { convBlocks: rng.int(2, 6), growthRate: rng.pick([12, 16, 32]) };
  return { difficulty, channelsIn: rng.pick([32, 64, 96, 120]), height: size, width: size, block };
}

/** Channels entering the transition layer. */
const channelsBefore = (p: DenseNetTransitionParams): number =>
  p.channelsIn + (p.block ? p.block.convBlocks * p.block.growthRate : 0);

const halve = (size: number) => poolOutputSize(size, 2, 0, 2);

const POOL_FORMULA = displayMath("n_\\text{out} = \\left\\lfloor \\frac{n - 2}{2} \\right\\rfloor + 1 = \\left\\lfloor \\frac{n}{2} \\right\\rfloor");

const halfWork = (size: number) => `$\\lfloor ${size} / 2 \\rfloor = ${halve(size)}$`;

const sizeArgs = { oneByOne: inlineSize(1, 1), pool: inlineSize(2, 2), kernel: inlineSize(3, 3) };

const feedback = (key: "channelsKept" | "spatialKept" | "ceilPooling" | "blockIgnored") => (_p: DenseNetTransitionParams, lang: Lang) =>
  messages(lang)(`mistakes.${key}`, sizeArgs);

export const denseNetTransitionTemplate: ProblemTemplate<DenseNetTransitionParams> = {
  id: "densenet.transition",
  topic: "dense-connections",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: {
      input: [p.channelsIn, p.height, p.width],
      layers: [
        ...(p.block ? [denseBlock(p.block.convBlocks, p.block.growthRate)] : []),
        transitionBlock(Math.floor(channelsBefore(p) / 2)),
      ],
    },
    select: "outputShape",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const before = channelsBefore(p);
    const after = Math.floor(before / 2);
    const worked = [after, halve(p.height), halve(p.width)];
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `densenet.transition: worked [${worked.join(", ")}], engine ${JSON.stringify(key.value)}`);
    }
    const block = p.block ?? { convBlocks: 0, growthRate: 0 };
    const prompt = t("prompt", {
      ...sizeArgs,
      withBlock: p.block ? "yes" : "no",
      convBlocks: inlineNumber(block.convBlocks),
      growthRate: inlineNumber(block.growthRate),
      inputShape: inlineShape([p.channelsIn, p.height, p.width]),
    });
    const solution = t("solution", {
      ...sizeArgs,
      withBlock: p.block ? "yes" : "no",
      blockWork: `$${p.channelsIn} + ${block.convBlocks} \\cdot ${block.growthRate} = ${before}$`,
      channelsWork: `$\\lfloor ${before} / 2 \\rfloor = ${after}$`,
      poolFormula: POOL_FORMULA,
      heightWork: halfWork(p.height),
      widthWork: halfWork(p.width),
      answer: inlineShape(key.value),
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    return checkStackFigure(this.check(p), lang);
  },

  misconceptions: [
    {
      id: "transition-keeps-channels",
      wrongAnswer: (p) => [channelsBefore(p), halve(p.height), halve(p.width)],
      feedback: feedback("channelsKept"),
    },
    {
      id: "transition-keeps-size",
      wrongAnswer: (p) => [Math.floor(channelsBefore(p) / 2), p.height, p.width],
      feedback: feedback("spatialKept"),
    },
    {
      id: "ceil-instead-of-floor",
      wrongAnswer: (p) =>
        p.height % 2 === 0 && p.width % 2 === 0
          ? null
          : [Math.floor(channelsBefore(p) / 2), Math.ceil(p.height / 2), Math.ceil(p.width / 2)],
      feedback: feedback("ceilPooling"),
    },
    {
      id: "dense-block-ignored",
      wrongAnswer: (p) => (p.block ? [Math.floor(p.channelsIn / 2), halve(p.height), halve(p.width)] : null),
      feedback: feedback("blockIgnored"),
    },
  ],
};
