import { zooStackFigure } from "./zoo-figure";
import { ProblemError } from "../errors";
import { inlineCount, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { architecturesMessages as messages } from "./architectures.messages";
import { type D2lNet, INPUT_SIZES, listNetwork, type ShownLayer, shownLayers, type ZooTarget } from "./zoo-prompt";

/**
 * `arch.zoo-params`: the trainable parameters of one convolutional or fully connected layer of
 * d2l's LeNet, AlexNet or VGG-11 on a stated input, e.g. "how many parameters has LeNet's first
 * fully connected layer?" (d2l 6.4 for the count; 6.6, 7.1, 7.2 zh / 7.6, 8.1, 8.2 en for the
 * networks). The key is the engine's `params` of that layer.
 *
 * Difficulty follows the work: easy, a dense layer after the first (one product of two listed
 * widths, `in·out + out`); medium, a convolution (`k·k·c_i·c_o + c_o`, `c_i` read from the layer
 * before; the input size a trap, since it changes nothing); hard, the first dense layer, whose
 * inputs are the flattened shape carried through every layer before it.
 */
export interface ArchZooParamsParams extends ZooTarget {
  difficulty: Difficulty;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

/** What the layer asks of the learner: see the difficulties above. */
function workOf(row: ShownLayer, layers: readonly ShownLayer[]): Difficulty | null {
  if (row.layer.type === "conv2d") return "medium";
  if (row.layer.type !== "dense") return null;
  return layers.find((other) => other.number === row.number - 1)?.layer.type === "flatten" ? "hard" : "easy";
}

function generate(rng: Rng): ArchZooParamsParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const byNet = new Map((Object.keys(INPUT_SIZES) as D2lNet[]).map((net) => [net, shownLayers(net, INPUT_SIZES[net][0] as number).layers]));
  const candidates = [...byNet].flatMap(([net, layers]) => layers.filter((row) => workOf(row, layers) === difficulty).map((row) => ({ net, target: row.number })));
  const { net, target } = rng.pick(candidates);
  return { difficulty, net, size: rng.pick(INPUT_SIZES[net]), target };
}

function targetLayer(p: ArchZooParamsParams): ShownLayer {
  const row = shownLayers(p.net, p.size).layers.find((layer) => layer.number === p.target);
  if (!row || (row.layer.type !== "conv2d" && row.layer.type !== "dense")) {
    throw new ProblemError("invalid-variant", `arch.zoo-params: layer ${p.target} of ${p.net} is not a convolution or dense layer`);
  }
  return row;
}

/** Weights, biases and the per-position count of the target layer (d2l 6.4: `k_h·k_w·c_i·c_o + c_o`). */
function counts(p: ArchZooParamsParams): { weights: number; biases: number; kernel: number; channelsIn: number; positions: number } {
  const { layer, inputShape, outputShape } = targetLayer(p);
  if (layer.type === "conv2d") {
    const kernel = layer.kernel as number;
    const channelsIn = inputShape[0] as number;
    const positions = (outputShape[1] as number) * (outputShape[2] as number);
    return { weights: kernel * kernel * channelsIn * layer.filters, biases: layer.filters, kernel, channelsIn, positions };
  }
  const units = (layer as { units: number }).units;
  return { weights: (inputShape[0] as number) * units, biases: units, kernel: 1, channelsIn: inputShape[0] as number, positions: 1 };
}

export const archZooParamsTemplate: ProblemTemplate<ArchZooParamsParams> = {
  id: "arch.zoo-params",
  topic: "architectures",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("zooParams.title"),
  generate,
  difficultyOf(p) {
    const { layers } = shownLayers(p.net, p.size);
    return workOf(targetLayer(p), layers) ?? p.difficulty;
  },

  check: (p) => ({ mode: "analyze", spec: shownLayers(p.net, p.size).spec, select: `layers.${targetLayer(p).index}.params` }),

  render(p, key, lang) {
    const t = messages(lang);
    const row = targetLayer(p);
    const c = counts(p);
    const total = c.weights + c.biases;
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `arch.zoo-params: the worked solution gives ${total}, the engine ${JSON.stringify(key.value)}`);
    }
    const { intro, layers } = listNetwork(p.net, p.size, p.target, lang);
    const prompt = t("zooParams.prompt", { intro, layers, target: String(p.target) });
    const conv = row.layer.type === "conv2d";
    const outputs = conv ? c.biases : (row.outputShape[0] as number);
    const work = conv
      ? `$${c.kernel} \\cdot ${c.kernel} \\cdot ${c.channelsIn} \\cdot ${outputs} + ${outputs} = ${total}$`
      : `$${c.channelsIn} \\cdot ${outputs} + ${outputs} = ${total}$`;
    const solution = t("zooParams.solution", {
      target: String(p.target),
      inputShape: inlineShape(row.inputShape),
      kind: row.layer.type,
      kernel: inlineSize(c.kernel, c.kernel),
      work,
      answer: inlineCount(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => zooStackFigure(p.net, p.size, p.target, lang),

  misconceptions: [
    {
      id: "forgot-bias",
      wrongAnswer: (p) => counts(p).weights,
      feedback: (_p, lang) => messages(lang)("zooParams.mistakes.forgotBias"),
    },
    {
      id: "weight-sharing-ignored",
      wrongAnswer: (p) => {
        const c = counts(p);
        return c.weights * c.positions + c.biases;
      },
      feedback: (_p, lang) => messages(lang)("zooParams.mistakes.weightSharingIgnored"),
    },
    {
      id: "input-channels-ignored",
      wrongAnswer: (p) => {
        const c = counts(p);
        return c.weights / c.channelsIn + c.biases;
      },
      feedback: (_p, lang) => messages(lang)("zooParams.mistakes.inputChannelsIgnored"),
    },
  ],
};
