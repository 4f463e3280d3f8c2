import { textCnnFigure } from "../figures/textcnn-figure";
import type { LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { inlineNumber, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { textCnnFeaturesMessages as messages } from "./textcnn-features.messages";

/**
 * `textcnn.features`: the length of textCNN's feature vector, the sum of the output channels of
 * its 1-D convolutions, each reduced to one value per channel by max-over-time pooling (d2l 2nd
 * ed. 15.3 zh / 16.3 en). Key: the engine's output of a `concat` of conv1d → ReLU →
 * `global_maxpool` branches on `[d, L]`, flattened.
 *
 * Difficulties: easy, d2l's widths 3, 4, 5 with 100 channels each; medium, three random widths
 * and channel counts; hard, four or five widths with different channel counts.
 */
export interface TextCnnFeaturesParams {
  difficulty: Difficulty;
  tokens: number;
  dims: number;
  /** One convolution per width. */
  convolutions: { kernel: number; filters: number }[];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): TextCnnFeaturesParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const tokens = rng.int(10, 500);
  if (difficulty === "easy") {
    // d2l: kernel_sizes, nums_channels = [3, 4, 5], [100, 100, 100]; two 100-d embeddings, 200 channels.
    return { difficulty, tokens, dims: 200, convolutions: [3, 4, 5].map((kernel) => ({ kernel, filters: 100 })) };
  }
  const count = difficulty === "medium" ? 3 : rng.int(4, 5);
  const first = rng.int(1, 3);
  const convolutions = Array.from({ length: count }, (_, index) => ({ kernel: first + index, filters: 16 * rng.int(2, 16) }));
  return { difficulty, tokens, dims: rng.pick([50, 100, 300]), convolutions };
}

const featureCount = (p: TextCnnFeaturesParams) => p.convolutions.reduce((sum, c) => sum + c.filters, 0);

export const textCnnFeaturesTemplate: ProblemTemplate<TextCnnFeaturesParams> = {
  id: "textcnn.features",
  topic: "text-cnn",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: {
      input: [p.dims, p.tokens],
      layers: [
        {
          type: "concat",
          branches: p.convolutions.map(({ kernel, filters }): LayerSpec[] => [
            { type: "conv1d", filters, kernel },
            { type: "relu" },
            { type: "global_maxpool" },
          ]),
        },
        { type: "flatten" },
      ],
    },
    select: "outputShape.0",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const total = featureCount(p);
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `textcnn.features: worked ${total}, engine ${JSON.stringify(key.value)}`);
    }
    const convolutions = p.convolutions
      .map((c) => t("convolution", { kernel: inlineNumber(c.kernel), filters: inlineNumber(c.filters) }))
      .join("\n");
    const lengths = p.convolutions
      .map((c) => t("length", { kernel: inlineNumber(c.kernel), work: `$${p.tokens} - ${c.kernel} + 1 = ${p.tokens - c.kernel + 1}$` }))
      .join("\n");
    const prompt = t("prompt", {
      tokens: inlineNumber(p.tokens),
      dims: inlineNumber(p.dims),
      inputShape: inlineShape([p.dims, p.tokens]),
      convolutions,
    });
    const work = `$${p.convolutions.map((c) => c.filters).join(" + ")} = ${total}$`;
    return { prompt, solution: t("solution", { lengths, work, answer: inlineNumber(total) }) };
  },

  figure: (p, _key, lang) => textCnnFigure(p, lang),

  misconceptions: [
    {
      id: "max-over-time-pooling-ignored",
      wrongAnswer: (p) => p.convolutions.reduce((sum, c) => sum + c.filters * (p.tokens - c.kernel + 1), 0),
      feedback: (_p, lang) => messages(lang)("mistakes.noPooling"),
    },
    {
      id: "one-feature-per-width",
      wrongAnswer: (p) => p.convolutions.length,
      feedback: (_p, lang) => messages(lang)("mistakes.onePerWidth"),
    },
    {
      id: "embedding-dimensions-as-features",
      wrongAnswer: (p) => (p.dims * p.convolutions.length === featureCount(p) ? null : p.dims * p.convolutions.length),
      feedback: (p, lang) => messages(lang)("mistakes.embeddingDims", { dims: inlineNumber(p.dims) }),
    },
  ],
};
