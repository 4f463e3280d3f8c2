import { inceptionFigure } from "../figures/inception-figure";
import { ProblemError } from "../errors";
import { inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { D2L_INCEPTIONS, inceptionArguments, inceptionBlock, type InceptionChannels, randomInceptionChannels, smallInceptionChannels } from "./inception-spec";
import { inceptionParamsMessages as messages } from "./inception-params.messages";

/**
 * `inception.params`: the trainable parameters of one Inception block (d2l 2nd ed. 7.4 zh /
 * 8.4 en), the sum over its six convolutions of `c_o·c_i·k² + c_o` (or `+ 2·c_o` for a batch
 * norm instead of a bias). Key: the engine's `totalParams`.
 *
 * Difficulty follows the size of the arithmetic and the traps: easy, a narrow block (8 to 32
 * input channels, every path 8 to 32 wide: small products, every key below every medium one);
 * medium, one of d2l's GoogLeNet blocks or a random block on 192 to 512 input channels; hard, such
 * a random block with torchvision's bias-free convolutions and batch normalization (`2·c_o`, not `c_o`).
 */
export interface InceptionParamsParams {
  difficulty: Difficulty;
  channelsIn: number;
  channels: InceptionChannels;
  batchNorm: boolean;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const SIZE = 14;

function generate(rng: Rng): InceptionParamsParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") return { difficulty, channelsIn: 8 * rng.int(1, 4), channels: smallInceptionChannels(rng), batchNorm: false };
  if (difficulty === "medium" && rng.int(0, 2) === 0) {
    const block = rng.pick(D2L_INCEPTIONS);
    return { difficulty, channelsIn: block.channelsIn, channels: block.channels, batchNorm: false };
  }
  return { difficulty, channelsIn: 32 * rng.int(6, 16), channels: randomInceptionChannels(rng), batchNorm: difficulty === "hard" };
}

/** The six convolutions: path, kernel size, input and output channels. */
function convolutions(p: InceptionParamsParams): { path: number; kernel: number; from: number; to: number }[] {
  const { c1, c2, c3, c4 } = p.channels;
  return [
    { path: 1, kernel: 1, from: p.channelsIn, to: c1 },
    { path: 2, kernel: 1, from: p.channelsIn, to: c2[0] },
    { path: 2, kernel: 3, from: c2[0], to: c2[1] },
    { path: 3, kernel: 1, from: p.channelsIn, to: c3[0] },
    { path: 3, kernel: 5, from: c3[0], to: c3[1] },
    { path: 4, kernel: 1, from: p.channelsIn, to: c4 },
  ];
}

const weights = (p: InceptionParamsParams) => convolutions(p).reduce((sum, c) => sum + c.to * c.from * c.kernel ** 2, 0);
const outputUnits = (p: InceptionParamsParams) => convolutions(p).reduce((sum, c) => sum + c.to, 0);
/** Biases, or γ and β of the batch norms. */
const extras = (p: InceptionParamsParams) => (p.batchNorm ? 2 : 1) * outputUnits(p);

const SIZES = { one: inlineSize(1, 1), three: inlineSize(3, 3), five: inlineSize(5, 5) };

export const inceptionParamsTemplate: ProblemTemplate<InceptionParamsParams> = {
  id: "inception.params",
  topic: "inception",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [p.channelsIn, SIZE, SIZE], layers: [inceptionBlock(p.channels, { batchNorm: p.batchNorm })] },
    select: "totalParams",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const total = weights(p) + extras(p);
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `inception.params: worked ${total}, engine ${JSON.stringify(key.value)}`);
    }
    const extra = p.batchNorm ? 2 : 1;
    const lines = convolutions(p).map((c) => {
      const square = c.kernel === 1 ? "" : ` \\cdot ${c.kernel}^2`;
      const tail = extra === 2 ? `2 \\cdot ${c.to}` : `${c.to}`;
      const work = `$${c.to} \\cdot ${c.from}${square} + ${tail} = ${c.to * c.from * c.kernel ** 2 + extra * c.to}$`;
      return t("pathLine", { path: String(c.path), kernel: inlineSize(c.kernel, c.kernel), work });
    });
    const prompt = t("prompt", {
      ...SIZES,
      channelsIn: inlineNumber(p.channelsIn),
      arguments: inceptionArguments(p.channels),
      batchNorm: p.batchNorm ? "yes" : "no",
    });
    const solution = t("solution", { batchNorm: p.batchNorm ? "yes" : "no", lines: lines.join("\n"), total: inlineNumber(total) });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => inceptionFigure({ channelsIn: p.channelsIn, size: SIZE, ...p.channels }, lang),
  // The key is a parameter count, which the diagram does not show: it draws the prompt's paragraph.
  promptFigure: (p, lang) => inceptionFigure({ channelsIn: p.channelsIn, size: SIZE, ...p.channels }, lang),

  misconceptions: [
    {
      id: "forgot-bias",
      wrongAnswer: (p) => (p.batchNorm ? null : weights(p)),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotBias"),
    },
    {
      id: "running-stats-as-params",
      wrongAnswer: (p) => (p.batchNorm ? weights(p) + 4 * outputUnits(p) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.runningStats"),
    },
    {
      id: "bottleneck-ignored",
      wrongAnswer: (p) => {
        const { c1, c2, c3, c4 } = p.channels;
        const unbottlenecked = p.channelsIn * (c1 + 9 * c2[1] + 25 * c3[1] + c4);
        const wrong = unbottlenecked + (p.batchNorm ? 2 : 1) * (c1 + c2[1] + c3[1] + c4);
        return wrong === weights(p) + extras(p) ? null : wrong;
      },
      feedback: (p, lang) => messages(lang)("mistakes.bottleneckIgnored", { ...SIZES, channelsIn: inlineNumber(p.channelsIn) }),
    },
  ],
};
