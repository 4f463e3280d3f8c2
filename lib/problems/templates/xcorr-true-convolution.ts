import { ProblemError } from "../errors";
import { correlationFigure } from "../figures/correlation-figure";
import { displayMatrix, inlineNumber } from "../latex";
import type { ProblemTemplate } from "../template";
import { CORRELATION_DIFFICULTIES, type CorrelationParams, correlateWith, correlationSteps, generateCorrelation } from "./cross-correlation-variants";
import { flipKernel, matricesAgree } from "./sliding-windows";
import { xcorrTrueConvolutionMessages as messages } from "./xcorr-true-convolution.messages";

/**
 * `xcorr.true-convolution`: a convolution in the strict sense, the kernel rotated by 180° before
 * the cross-correlation (d2l 6.2.5 zh / 7.2.5 en; the engine's `conv2d` op).
 */
export const xcorrTrueConvolutionTemplate: ProblemTemplate<CorrelationParams> = {
  id: "xcorr.true-convolution",
  topic: "cross-correlation",
  answerKind: "matrix",
  difficulties: CORRELATION_DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate: generateCorrelation,

  check: (p) => ({
    mode: "run",
    op: { op: "conv2d", input: p.input, kernel: p.kernel, stride: p.stride, padding: p.padding },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const flipped = flipKernel(p.kernel);
    const worked = correlateWith(p, flipped);
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value)) {
      throw new ProblemError("invalid-variant", `xcorr.true-convolution: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("prompt", {
      padding: inlineNumber(p.padding),
      stride: inlineNumber(p.stride),
      input: displayMatrix(p.input, "X"),
      kernel: displayMatrix(p.kernel, "K"),
    });
    const solution = t("solution", {
      flipped: displayMatrix(flipped, "K'"),
      padded: p.padding > 0 ? "yes" : "no",
      stride: inlineNumber(p.stride),
      steps: correlationSteps(p, flipped, lang),
      answer: displayMatrix(worked, "Y"),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix" ? correlationFigure({ input: p.input, kernel: flipKernel(p.kernel), output: key.value, padding: p.padding, stride: p.stride, flipped: true }, lang) : null,

  misconceptions: [
    {
      id: "kernel-not-flipped",
      wrongAnswer: (p) => correlateWith(p, p.kernel),
      feedback: (_p, lang) => messages(lang)("mistakes.kernelNotFlipped"),
    },
    {
      id: "kernel-transposed",
      wrongAnswer: (p) => correlateWith(p, p.kernel.map((row, i) => row.map((_, j) => p.kernel[j]?.[i] ?? 0))),
      feedback: (_p, lang) => messages(lang)("mistakes.kernelTransposed"),
    },
    {
      id: "flipped-one-axis",
      // Left–right only, the mirror image most often drawn by mistake.
      wrongAnswer: (p) => correlateWith(p, p.kernel.map((row) => [...row].reverse())),
      feedback: (_p, lang) => messages(lang)("mistakes.flippedOneAxis"),
    },
  ],
};
