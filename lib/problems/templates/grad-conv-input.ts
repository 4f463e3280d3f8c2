import { ProblemError } from "../errors";
import { inputGradientFigure } from "../figures/gradient-figure";
import { displayMatrix, inlineNumber } from "../latex";
import type { ProblemTemplate } from "../template";
import { type Geometry, gradientSteps, inputGradientProducts, rotate180, sumsOf } from "./conv-gradient-sums";
import { CONV_GRAD_DIFFICULTIES, type ConvGradParams, convGradOp, generateConvGrad } from "./conv-gradient-variants";
import { gradConvInputMessages as messages } from "./grad-conv-input.messages";
import { convGradTex } from "./grad-tex";
import { matricesAgree } from "./sliding-windows";

/**
 * `grad.conv-input`: ∂L/∂X of a 2-D convolution layer (cross-correlation) for a given upstream
 * gradient δ: NNDL 5.3's wide convolution of δ with the kernel rotated by 180° (δ padded with
 * k − 1 zeros, cross-correlated with rot180(W)); with a stride, δ's entries are first spread
 * s apart (zeros between them), and with padding p the p outer rows and columns, which belong to
 * the padding, are dropped. Keyed by the engine's `conv2d_grad`, field `grad_input`.
 * Difficulties as `conv-gradient-variants.ts`: the hard ones are exactly the stride and padding cases.
 */
const size = (p: ConvGradParams) => [p.input.length, p.input[0]?.length ?? 0] as const;

const inputGradient = (p: ConvGradParams, kernel: number[][] = p.kernel, geometry: Geometry = p) =>
  sumsOf(inputGradientProducts(kernel, p.delta, ...size(p), geometry));

export const gradConvInputTemplate: ProblemTemplate<ConvGradParams> = {
  id: "grad.conv-input",
  topic: "gradients",
  answerKind: "matrix",
  difficulties: CONV_GRAD_DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate: generateConvGrad,

  check: (p) => ({ mode: "run", op: convGradOp(p), select: "grad_input" }),

  render(p, key, lang) {
    const t = messages(lang);
    const products = inputGradientProducts(p.kernel, p.delta, ...size(p), p);
    const worked = sumsOf(products);
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value)) {
      throw new ProblemError("invalid-variant", `grad.conv-input: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const tex = convGradTex(p);
    const k = p.kernel.length;
    const prompt = t("prompt", {
      forward: tex.forward,
      stride: inlineNumber(p.stride),
      padding: inlineNumber(p.padding),
      input: displayMatrix(p.input, "X"),
      kernel: displayMatrix(p.kernel, "W"),
      delta: displayMatrix(p.delta, "\\delta"),
      deltaName: tex.delta,
      asked: tex.dX,
    });
    const solution = t("solution", {
      forwardEntry: tex.forwardEntry,
      formula: tex.inputFormula,
      zeros: k - 1,
      spread: p.stride > 1 ? "yes" : "no",
      between: p.stride - 1,
      padded: p.padding > 0 ? "yes" : "no",
      padding: p.padding,
      inner: k - 1 - p.padding,
      rotated: displayMatrix(rotate180(p.kernel), "\\operatorname{rot180}(W)"),
      steps: gradientSteps("X", products, lang),
      answer: displayMatrix(worked, tex.dXName),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix" ? inputGradientFigure({ kernel: p.kernel, delta: p.delta, stride: p.stride, padding: p.padding, gradient: key.value }, lang) : null,

  misconceptions: [
    {
      id: "kernel-not-rotated",
      wrongAnswer: (p) => inputGradient(p, rotate180(p.kernel)),
      feedback: (_p, lang) => messages(lang)("mistakes.kernelNotRotated"),
    },
    {
      id: "stride-zeros-missing",
      wrongAnswer: (p) => (p.stride > 1 ? inputGradient(p, p.kernel, { stride: 1, padding: p.padding }) : null),
      feedback: (p, lang) => messages(lang)("mistakes.strideZerosMissing", { stride: inlineNumber(p.stride), between: p.stride - 1 }),
    },
    {
      id: "padding-not-dropped",
      wrongAnswer: (p) => (p.padding > 0 ? inputGradient(p, p.kernel, { stride: p.stride, padding: 0 }) : null),
      feedback: (p, lang) => messages(lang)("mistakes.paddingNotDropped", { padding: p.padding }),
    },
  ],
};
