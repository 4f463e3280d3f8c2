import { zooStackFigure } from "./zoo-figure";
import { ProblemError } from "../errors";
import { displayMath, inlineCount, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { architecturesMessages as messages } from "./architectures.messages";
import { difficultyOfDepth, listNetwork, pickZooTarget, type ShownLayer, shownLayers, type ZooTarget } from "./zoo-prompt";

/**
 * `arch.macs`: the multiply-accumulates of one convolutional layer of d2l's LeNet, AlexNet or
 * VGG-11 on a stated input: `C_out·H_out·W_out·C_in·k_h·k_w` (DESIGN.md "Reference semantics").
 * The key is the engine's `macs` of that layer.
 *
 * Difficulty follows the layers whose shape is carried before the product, whichever the network
 * (`difficultyOfDepth`): easy, a convolution among the first 4 layers; medium, the 5th to 8th; hard,
 * the 9th or later.
 */
export interface ArchMacsParams extends ZooTarget {
  difficulty: Difficulty;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ArchMacsParams {
  const difficulty = rng.pick(DIFFICULTIES);
  return { difficulty, ...pickZooTarget(rng, difficulty, (row) => row.layer.type === "conv2d") };
}

interface ConvCount {
  row: ShownLayer;
  kernel: number;
  channelsIn: number;
  channelsOut: number;
  height: number;
  width: number;
}

function convOf(p: ArchMacsParams): ConvCount {
  const row = shownLayers(p.net, p.size).layers.find((layer) => layer.number === p.target);
  if (!row || row.layer.type !== "conv2d") throw new ProblemError("invalid-variant", `arch.macs: layer ${p.target} of ${p.net} is not a convolution`);
  const [channelsOut, height, width] = row.outputShape as [number, number, number];
  return { row, kernel: row.layer.kernel as number, channelsIn: row.inputShape[0] as number, channelsOut, height, width };
}

const macsOf = (c: ConvCount, height: number, width: number) => c.channelsOut * height * width * c.channelsIn * c.kernel * c.kernel;

export const archMacsTemplate: ProblemTemplate<ArchMacsParams> = {
  id: "arch.macs",
  topic: "architectures",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("macs.title"),
  generate,
  difficultyOf: (p) => difficultyOfDepth(p.target),

  check: (p) => ({ mode: "analyze", spec: shownLayers(p.net, p.size).spec, select: `layers.${convOf(p).row.index}.macs` }),

  render(p, key, lang) {
    const t = messages(lang);
    const c = convOf(p);
    const total = macsOf(c, c.height, c.width);
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `arch.macs: the worked solution gives ${total}, the engine ${JSON.stringify(key.value)}`);
    }
    const { intro, layers } = listNetwork(p.net, p.size, p.target, lang);
    const prompt = t("macs.prompt", { intro, layers, target: String(p.target) });
    const solution = t("macs.solution", {
      target: String(p.target),
      inputShape: inlineShape(c.row.inputShape),
      outputShape: inlineShape(c.row.outputShape),
      kernel: inlineSize(c.kernel, c.kernel),
      channelsIn: inlineNumber(c.channelsIn),
      channelsInCount: c.channelsIn,
      work: displayMath(`${c.channelsOut} \\cdot ${c.height} \\cdot ${c.width} \\cdot ${c.channelsIn} \\cdot ${c.kernel} \\cdot ${c.kernel} = ${total}`),
      answer: inlineCount(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => zooStackFigure(p.net, p.size, p.target, lang),

  misconceptions: [
    {
      id: "params-instead",
      wrongAnswer: (p) => macsOf(convOf(p), 1, 1),
      feedback: (_p, lang) => messages(lang)("macs.mistakes.paramsInstead"),
    },
    {
      id: "input-size-used",
      wrongAnswer: (p) => {
        const c = convOf(p);
        return macsOf(c, c.row.inputShape[1] as number, c.row.inputShape[2] as number);
      },
      feedback: (_p, lang) => messages(lang)("macs.mistakes.inputSizeUsed"),
    },
    {
      id: "bias-counted",
      wrongAnswer: (p) => {
        const c = convOf(p);
        return macsOf(c, c.height, c.width) + c.channelsOut * c.height * c.width;
      },
      feedback: (_p, lang) => messages(lang)("macs.mistakes.biasCounted"),
    },
  ],
};
