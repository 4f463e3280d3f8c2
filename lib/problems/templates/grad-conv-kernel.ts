import { ProblemError } from "../errors";
import { kernelGradientFigure } from "../figures/gradient-figure";
import { displayMatrix, inlineNumber } from "../latex";
import type { ProblemTemplate } from "../template";
import { type Geometry, gradientSteps, kernelGradientProducts, rotate180, sumsOf } from "./conv-gradient-sums";
import { CONV_GRAD_DIFFICULTIES, type ConvGradParams, convGradOp, generateConvGrad } from "./conv-gradient-variants";
import { gradConvKernelMessages as messages } from "./grad-conv-kernel.messages";
import { convGradTex } from "./grad-tex";
import { matricesAgree } from "./sliding-windows";

/**
 * `grad.conv-kernel`: ∂L/∂W of a 2-D convolution layer (cross-correlation) for a given upstream
 * gradient δ = ∂L/∂Y: the cross-correlation of the input with δ, NNDL 5.3 (∂L/∂W = X ⋆ δ at
 * stride 1), d2l 6.2.4 zh / 7.2.4 en (learning a kernel by its gradient). Keyed by the engine's
 * `conv2d_grad`, field `grad_kernel`. Difficulties as `conv-gradient-variants.ts`.
 */
const kernelGradient = (p: ConvGradParams, delta: number[][] = p.delta, geometry: Geometry = p) =>
  sumsOf(kernelGradientProducts(p.input, delta, p.kernel.length, geometry));

export const gradConvKernelTemplate: ProblemTemplate<ConvGradParams> = {
  id: "grad.conv-kernel",
  topic: "gradients",
  answerKind: "matrix",
  difficulties: CONV_GRAD_DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate: generateConvGrad,

  check: (p) => ({ mode: "run", op: convGradOp(p), select: "grad_kernel" }),

  render(p, key, lang) {
    const t = messages(lang);
    const products = kernelGradientProducts(p.input, p.delta, p.kernel.length, p);
    const worked = sumsOf(products);
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value)) {
      throw new ProblemError("invalid-variant", `grad.conv-kernel: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const tex = convGradTex(p);
    const prompt = t("prompt", {
      forward: tex.forward,
      stride: inlineNumber(p.stride),
      padding: inlineNumber(p.padding),
      input: displayMatrix(p.input, "X"),
      kernel: displayMatrix(p.kernel, "W"),
      delta: displayMatrix(p.delta, "\\delta"),
      deltaName: tex.delta,
      asked: tex.dW,
    });
    const solution = t("solution", {
      forwardEntry: tex.forwardEntry,
      formula: tex.kernelFormula,
      spread: p.stride > 1 ? "yes" : "no",
      stride: inlineNumber(p.stride),
      padded: p.padding > 0 ? "yes" : "no",
      steps: gradientSteps("W", products, lang),
      answer: displayMatrix(worked, tex.dWName),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix" ? kernelGradientFigure({ input: p.input, delta: p.delta, stride: p.stride, padding: p.padding, gradient: key.value }, lang) : null,

  misconceptions: [
    {
      id: "delta-rotated",
      wrongAnswer: (p) => kernelGradient(p, rotate180(p.delta)),
      feedback: (_p, lang) => messages(lang)("mistakes.deltaRotated"),
    },
    {
      id: "stride-ignored",
      wrongAnswer: (p) => (p.stride > 1 ? kernelGradient(p, p.delta, { stride: 1, padding: p.padding }) : null),
      feedback: (p, lang) => messages(lang)("mistakes.strideIgnored", { stride: inlineNumber(p.stride) }),
    },
    {
      id: "padding-ignored",
      wrongAnswer: (p) => (p.padding > 0 ? kernelGradient(p, p.delta, { stride: p.stride, padding: 0 }) : null),
      feedback: (p, lang) => messages(lang)("mistakes.paddingIgnored", { padding: inlineNumber(p.padding) }),
    },
  ],
};
