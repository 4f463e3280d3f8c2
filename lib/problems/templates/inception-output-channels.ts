import { inceptionFigure } from "../figures/inception-figure";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { D2L_INCEPTIONS, inceptionArguments, inceptionBlock, type InceptionChannels, randomInceptionChannels, smallInceptionChannels } from "./inception-spec";
import { inceptionOutputChannelsMessages as messages } from "./inception-output-channels.messages";

/**
 * `inception.output-channels`: the channels an Inception block outputs, `c1 + c2[1] + c3[1] + c4`
 * (d2l 2nd ed. 7.4 zh / 8.4 en). The key is channel 0 of the engine's output shape of the
 * concatenation.
 *
 * Difficulty follows the size of the sum and the traps: easy, a narrow block (every path 8 to 32
 * channels, a sum below 120); medium, one of d2l's nine GoogLeNet blocks or a random block in
 * d2l's style (paths up to 384 wide); hard, two random blocks in a row (as in d2l's `b3`), asking
 * about the second, where neither the first block's output nor the sum of both is the answer.
 */
export interface InceptionOutputChannelsParams {
  difficulty: Difficulty;
  channelsIn: number;
  size: number;
  blocks: InceptionChannels[];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): InceptionOutputChannelsParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") return { difficulty, channelsIn: 16 * rng.int(1, 4), size: rng.pick([7, 14, 28]), blocks: [smallInceptionChannels(rng)] };
  if (difficulty === "medium" && rng.int(0, 2) === 0) {
    const block = rng.pick(D2L_INCEPTIONS);
    return { difficulty, channelsIn: block.channelsIn, size: block.size, blocks: [block.channels] };
  }
  const channelsIn = 32 * rng.int(2, 16);
  const size = rng.pick([7, 14, 28]);
  const first = randomInceptionChannels(rng);
  if (difficulty === "medium") return { difficulty, channelsIn, size, blocks: [first] };
  return { difficulty, channelsIn, size, blocks: [first, randomInceptionChannels(rng)] };
}

const outputChannels = (c: InceptionChannels) => c.c1 + c.c2[1] + c.c3[1] + c.c4;

const lastBlock = (p: InceptionOutputChannelsParams): InceptionChannels => {
  const block = p.blocks[p.blocks.length - 1];
  if (!block) throw new ProblemError("invalid-variant", "inception.output-channels: a variant without a block");
  return block;
};

/** The block's channel input: the variant's input for the first block, the first block's output for the second. */
const inputOfLast = (p: InceptionOutputChannelsParams): number =>
  p.blocks.length === 1 ? p.channelsIn : outputChannels(p.blocks[0] as InceptionChannels);

const FORMULA = displayMath("c_\\text{out} = c_1 + c_2[1] + c_3[1] + c_4");
const SIZES = { one: inlineSize(1, 1), three: inlineSize(3, 3), five: inlineSize(5, 5) };

const feedback = (key: "innerChannels" | "reductionsOnly" | "poolKeepsInput" | "blocksSummed") => (_p: InceptionOutputChannelsParams, lang: Lang) =>
  messages(lang)(`mistakes.${key}`, SIZES);

export const inceptionOutputChannelsTemplate: ProblemTemplate<InceptionOutputChannelsParams> = {
  id: "inception.output-channels",
  topic: "inception",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [p.channelsIn, p.size, p.size], layers: p.blocks.map((block) => inceptionBlock(block, { batchNorm: false })) },
    select: "outputShape.0",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const block = lastBlock(p);
    const total = outputChannels(block);
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `inception.output-channels: worked ${total}, engine ${JSON.stringify(key.value)}`);
    }
    const [first, second] = p.blocks as [InceptionChannels, InceptionChannels | undefined];
    const prompt = t("prompt", {
      ...SIZES,
      blocks: p.blocks.length,
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
      first: inceptionArguments(first),
      second: second ? inceptionArguments(second) : "",
    });
    const solution = t("solution", {
      blocks: p.blocks.length,
      formula: FORMULA,
      firstWork: inlineNumber(outputChannels(first)),
      work: `$${block.c1} + ${block.c2[1]} + ${block.c3[1]} + ${block.c4} = ${total}$`,
      answer: inlineNumber(total),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => inceptionFigure({ channelsIn: inputOfLast(p), size: p.size, ...lastBlock(p) }, lang),

  misconceptions: [
    {
      id: "inception-sums-inner-channels",
      wrongAnswer: (p) => {
        const c = lastBlock(p);
        return c.c1 + c.c2[0] + c.c2[1] + c.c3[0] + c.c3[1] + c.c4;
      },
      feedback: feedback("innerChannels"),
    },
    {
      id: "inception-reductions-only",
      wrongAnswer: (p) => {
        const c = lastBlock(p);
        const wrong = c.c1 + c.c2[0] + c.c3[0] + c.c4;
        return wrong === outputChannels(c) ? null : wrong;
      },
      feedback: feedback("reductionsOnly"),
    },
    {
      id: "pool-path-keeps-input-channels",
      wrongAnswer: (p) => {
        const c = lastBlock(p);
        return c.c4 === inputOfLast(p) ? null : c.c1 + c.c2[1] + c.c3[1] + inputOfLast(p);
      },
      feedback: feedback("poolKeepsInput"),
    },
    {
      id: "inception-blocks-summed",
      wrongAnswer: (p) => (p.blocks.length > 1 ? p.blocks.map(outputChannels).reduce((a, b) => a + b, 0) : null),
      feedback: feedback("blocksSummed"),
    },
  ],
};
