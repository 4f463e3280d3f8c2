import { ProblemError } from "../errors";
import { correlationFigure } from "../figures/correlation-figure";
import { displayMatrix, inlineNumber } from "../latex";
import type { ProblemTemplate } from "../template";
import { CORRELATION_DIFFICULTIES, type CorrelationParams, correlateWith, correlationSteps, generateCorrelation } from "./cross-correlation-variants";
import { flipKernel, matricesAgree } from "./sliding-windows";
import { xcorrValuesMessages as messages } from "./xcorr-values.messages";

/**
 * `xcorr.values`: the output matrix of a 2-D cross-correlation (d2l 6.2.1 zh / 7.2.1 en, "The
 * Cross-Correlation Operation"; padding and stride as in 6.3), what `nn.Conv2d` computes.
 */
export const xcorrValuesTemplate: ProblemTemplate<CorrelationParams> = {
  id: "xcorr.values",
  topic: "cross-correlation",
  answerKind: "matrix",
  difficulties: CORRELATION_DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate: generateCorrelation,

  check: (p) => ({
    mode: "run",
    op: { op: "corr2d", input: p.input, kernel: p.kernel, stride: p.stride, padding: p.padding },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = correlateWith(p, p.kernel);
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value)) {
      throw new ProblemError("invalid-variant", `xcorr.values: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("prompt", {
      padding: inlineNumber(p.padding),
      stride: inlineNumber(p.stride),
      input: displayMatrix(p.input, "X"),
      kernel: displayMatrix(p.kernel, "K"),
    });
    const solution = t("solution", {
      padded: p.padding > 0 ? "yes" : "no",
      stride: inlineNumber(p.stride),
      steps: correlationSteps(p, p.kernel, lang),
      answer: displayMatrix(worked, "Y"),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix" ? correlationFigure({ input: p.input, kernel: p.kernel, output: key.value, padding: p.padding, stride: p.stride, flipped: false }, lang) : null,

  misconceptions: [
    {
      id: "kernel-flipped",
      wrongAnswer: (p) => correlateWith(p, flipKernel(p.kernel)),
      feedback: (_p, lang) => messages(lang)("mistakes.kernelFlipped"),
    },
    {
      id: "stride-ignored",
      wrongAnswer: (p) => correlateWith(p, p.kernel, 1),
      feedback: (p, lang) => messages(lang)("mistakes.strideIgnored", { stride: inlineNumber(p.stride) }),
    },
    {
      id: "padding-ignored",
      wrongAnswer: (p) => correlateWith(p, p.kernel, p.stride, 0),
      feedback: (p, lang) => messages(lang)("mistakes.paddingIgnored", { padding: inlineNumber(p.padding) }),
    },
  ],
};
