import { checkStackFigure } from "../figures/spec-stack-figure";
import { convOutputSize } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { textCnnConv1dLengthMessages as messages } from "./textcnn-conv1d-length.messages";

/**
 * `textcnn.conv1d-length`: the output `[C_out, L_out]` of a 1-D convolution over a sentence of
 * `L` tokens with `d`-dimensional embeddings, input `[d, L]` (d2l 2nd ed. 15.3 zh / 16.3 en).
 *
 * Difficulties: easy, no padding and stride 1 (`L − k + 1`, d2l's textCNN); medium, padding;
 * hard, padding and stride 2 or 3, so the floor matters.
 */
export interface TextCnnConv1dLengthParams {
  difficulty: Difficulty;
  tokens: number;
  dims: number;
  filters: number;
  kernel: number;
  padding: number;
  stride: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): TextCnnConv1dLengthParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const kernel = rng.int(2, 7);
  const tokens = rng.int(kernel + 3, 80);
  // d2l's textCNN concatenates two 100-d embeddings (200 channels) and uses 100 channels per width.
  const dims = rng.pick([50, 100, 200, 300]);
  const filters = rng.pick([64, 100, 128, 256]);
  if (difficulty === "easy") return { difficulty, tokens, dims, filters, kernel, padding: 0, stride: 1 };
  const padding = rng.int(1, kernel - 1);
  return { difficulty, tokens, dims, filters, kernel, padding, stride: difficulty === "medium" ? 1 : rng.int(2, 3) };
}

const FORMULA = displayMath("L_\\text{out} = \\left\\lfloor \\frac{L + 2p - k}{s} \\right\\rfloor + 1");

const outputLength = (p: TextCnnConv1dLengthParams) => convOutputSize(p.tokens, p.kernel, p.padding, p.stride);
/** A wrong length as a shape, or `null` where the rule happens to give the right one. */
const wrongLength = (p: TextCnnConv1dLengthParams, length: number) => (length === outputLength(p) ? null : [p.filters, length]);

export const textCnnConv1dLengthTemplate: ProblemTemplate<TextCnnConv1dLengthParams> = {
  id: "textcnn.conv1d-length",
  topic: "text-cnn",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: {
      input: [p.dims, p.tokens],
      layers: [{ type: "conv1d", filters: p.filters, kernel: p.kernel, padding: p.padding, stride: p.stride }],
    },
    select: "outputShape",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = [p.filters, outputLength(p)];
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `textcnn.conv1d-length: worked [${worked.join(", ")}], engine ${JSON.stringify(key.value)}`);
    }
    const numerator = p.tokens + 2 * p.padding - p.kernel;
    const prompt = t("prompt", {
      tokens: inlineNumber(p.tokens),
      dims: inlineNumber(p.dims),
      inputShape: inlineShape([p.dims, p.tokens]),
      filters: inlineNumber(p.filters),
      kernel: inlineNumber(p.kernel),
      padding: p.padding,
      stride: p.stride,
    });
    const solution = t("solution", {
      formula: FORMULA,
      work:
        `$\\left\\lfloor \\frac{${p.tokens} + 2 \\cdot ${p.padding} - ${p.kernel}}{${p.stride}} \\right\\rfloor + 1` +
        ` = \\left\\lfloor \\frac{${numerator}}{${p.stride}} \\right\\rfloor + 1 = ${outputLength(p)}$`,
      filters: inlineNumber(p.filters),
      answer: inlineShape(key.value),
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    return checkStackFigure(this.check(p), lang);
  },

  misconceptions: [
    {
      id: "forgot-plus-one",
      wrongAnswer: (p) => wrongLength(p, Math.floor((p.tokens + 2 * p.padding - p.kernel) / p.stride)),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotPlusOne"),
    },
    {
      id: "embedding-channels-kept",
      wrongAnswer: (p) => (p.dims === p.filters ? null : [p.dims, outputLength(p)]),
      feedback: (p, lang) => messages(lang)("mistakes.embeddingKept", { filters: inlineNumber(p.filters), dims: inlineNumber(p.dims) }),
    },
    {
      id: "length-kept",
      wrongAnswer: (p) => wrongLength(p, p.tokens),
      feedback: (_p, lang) => messages(lang)("mistakes.lengthKept"),
    },
    {
      id: "padding-once",
      wrongAnswer: (p) => wrongLength(p, Math.floor((p.tokens + p.padding - p.kernel) / p.stride) + 1),
      feedback: (_p, lang) => messages(lang)("mistakes.paddingOnce"),
    },
  ],
};
