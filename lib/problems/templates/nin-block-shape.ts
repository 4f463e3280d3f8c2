import { checkStackFigure } from "../figures/spec-stack-figure";
import { convOutputSize } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { ninBlockShapeMessages as messages } from "./nin-block-shape.messages";
import { ninBlock } from "./nin-spec";

/**
 * `nin.block-shape`: the output shape of a NiN block, `[filters, ⌊(n + 2p − k)/s⌋ + 1, …]`
 * (d2l 2nd ed. 7.3 zh / 8.3 en): the 1×1 convolutions keep height and width.
 *
 * Difficulty follows the arithmetic of the first convolution: easy, stride 1 with padding
 * `(k − 1)/2`, so height and width stay (d2l's 2nd to 4th blocks on the inputs they receive
 * there, or a random such block); medium, stride 1 with less padding, so the size shrinks by
 * `k − 1 − 2p`; hard, stride 2 to 4, so the division and its floor matter (d2l's first block,
 * 11×11 with stride 4 on 224 × 224, among them).
 */
export interface NinBlockShapeParams {
  difficulty: Difficulty;
  channelsIn: number;
  size: number;
  filters: number;
  kernel: number;
  stride: number;
  padding: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

/** d2l's NiN on 1 × 224 × 224: each block with its input (after the 3×3, stride-2 max pools). */
const D2L_BLOCKS: readonly Omit<NinBlockShapeParams, "difficulty">[] = [
  { channelsIn: 1, size: 224, filters: 96, kernel: 11, stride: 4, padding: 0 },
  { channelsIn: 96, size: 26, filters: 256, kernel: 5, stride: 1, padding: 2 },
  { channelsIn: 256, size: 12, filters: 384, kernel: 3, stride: 1, padding: 1 },
  { channelsIn: 384, size: 5, filters: 10, kernel: 3, stride: 1, padding: 1 },
];

function generate(rng: Rng): NinBlockShapeParams {
  const difficulty = rng.pick(DIFFICULTIES);
  // One draw in four is one of d2l's own blocks of that difficulty.
  const book = D2L_BLOCKS.filter((block) => (difficulty === "hard" ? block.stride > 1 : difficulty === "easy" && block.stride === 1));
  if (book.length > 0 && rng.int(0, 3) === 0) return { difficulty, ...rng.pick(book) };
  const kernel = rng.pick([3, 5, 7]);
  const channelsIn = rng.pick([3, 16, 32, 64, 96]);
  const filters = rng.pick([32, 64, 128, 192, 256].filter((c) => c !== channelsIn));
  const same = (kernel - 1) / 2;
  if (difficulty === "easy") return { difficulty, channelsIn, size: rng.int(8, 64), filters, kernel, stride: 1, padding: same };
  if (difficulty === "medium") return { difficulty, channelsIn, size: rng.int(8, 64), filters, kernel, stride: 1, padding: rng.int(0, same - 1) };
  return { difficulty, channelsIn, size: rng.int(15, 227), filters, kernel, stride: rng.int(2, 4), padding: rng.int(0, same) };
}

const FORMULA = displayMath("n_\\text{out} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1");
const ONE = inlineSize(1, 1);

const outputSize = (p: NinBlockShapeParams) => convOutputSize(p.size, p.kernel, p.padding, p.stride);
const key = (p: NinBlockShapeParams) => [p.filters, outputSize(p), outputSize(p)];
/** A wrong spatial size as a shape, or `null` where the rule happens to give the right one. */
const wrongSize = (p: NinBlockShapeParams, size: number) => (size === outputSize(p) || size < 1 ? null : [p.filters, size, size]);

export const ninBlockShapeTemplate: ProblemTemplate<NinBlockShapeParams> = {
  id: "nin.block-shape",
  topic: "nin",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [p.channelsIn, p.size, p.size], layers: [ninBlock(p.filters, p.kernel, p.stride, p.padding)] },
    select: "outputShape",
  }),

  render(p, answer, lang) {
    const t = messages(lang);
    const worked = key(p);
    if (answer.kind !== "shape" || answer.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `nin.block-shape: worked [${worked.join(", ")}], engine ${JSON.stringify(answer.value)}`);
    }
    const numerator = p.size + 2 * p.padding - p.kernel;
    const prompt = t("prompt", {
      one: ONE,
      kernel: inlineSize(p.kernel, p.kernel),
      stride: inlineNumber(p.stride),
      padding: inlineNumber(p.padding),
      filters: inlineNumber(p.filters),
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
    });
    const solution = t("solution", {
      one: ONE,
      formula: FORMULA,
      work:
        `$\\left\\lfloor \\frac{${p.size} + 2 \\cdot ${p.padding} - ${p.kernel}}{${p.stride}} \\right\\rfloor + 1` +
        ` = \\left\\lfloor \\frac{${numerator}}{${p.stride}} \\right\\rfloor + 1 = ${outputSize(p)}$`,
      filters: inlineNumber(p.filters),
      answer: inlineShape(answer.value),
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    return checkStackFigure(this.check(p), lang);
  },

  misconceptions: [
    {
      id: "input-channels-kept",
      wrongAnswer: (p) => [p.channelsIn, outputSize(p), outputSize(p)],
      feedback: (p, lang) =>
        messages(lang)("mistakes.inputChannelsKept", { filters: inlineNumber(p.filters), channelsIn: inlineNumber(p.channelsIn) }),
    },
    {
      id: "forgot-plus-one",
      wrongAnswer: (p) => wrongSize(p, Math.floor((p.size + 2 * p.padding - p.kernel) / p.stride)),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotPlusOne"),
    },
    {
      id: "stride-ignored",
      wrongAnswer: (p) => wrongSize(p, p.size + 2 * p.padding - p.kernel + 1),
      feedback: (_p, lang) => messages(lang)("mistakes.strideIgnored"),
    },
    {
      id: "one-by-one-shrinks",
      // Two "valid" 1×1 convolutions of a learner who subtracts the kernel without the +1.
      wrongAnswer: (p) => wrongSize(p, outputSize(p) - 2),
      feedback: (_p, lang) => messages(lang)("mistakes.oneByOneShrinks", { one: ONE }),
    },
  ],
};
