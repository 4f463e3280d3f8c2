import { ProblemError } from "../errors";
import { descentFigure } from "../figures/gradient-figure";
import { displayMatrix, inlineNumber } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Lang } from "../types";
import { gradientSteps, kernelGradientProducts, rotate180, stepKernel, sumsOf } from "./conv-gradient-sums";
import { CONV_GRAD_DIFFICULTIES, type ConvGradParams, convGradOp, generateConvGrad } from "./conv-gradient-variants";
import { gradDescentStepMessages as messages } from "./grad-descent-step.messages";
import { convGradTex } from "./grad-tex";
import { matricesAgree } from "./sliding-windows";

/**
 * `grad.descent-step`: the kernel after one step of gradient descent, W − η·∂L/∂W, where ∂L/∂W is
 * the cross-correlation of the input with δ (NNDL 5.3) and the step is d2l 6.2.4 zh / 7.2.4 en's
 * `conv2d.weight.data[:] -= lr * conv2d.weight.grad`. Keyed by the engine's `conv2d_grad` with a
 * `learning_rate`, field `kernel_after_step`.
 *
 * Difficulties: the geometry of `conv-gradient-variants.ts` (easy 3×3 ⋆ 2×2, medium a 4×4 input,
 * hard a stride of 2 or padding 1), and at medium half the variants state the loss L = Σ Y
 * instead of δ, so the learner first finds δ = 1 everywhere. Rates are tenths and hundredths.
 */
export interface GradDescentStepParams extends ConvGradParams {
  rate: number;
  /** `given`: δ is stated; `sum`: the loss is the sum of the outputs, so δ is all ones. */
  loss: "given" | "sum";
}

const RATES = { easy: [0.1, 0.2, 0.5], medium: [0.05, 0.1, 0.2], hard: [0.01, 0.05, 0.1] } as const;

function generate(rng: Rng): GradDescentStepParams {
  const variant = generateConvGrad(rng);
  const rate = rng.pick(RATES[variant.difficulty]);
  const loss = variant.difficulty === "medium" ? rng.pick(["given", "sum"] as const) : "given";
  const delta = loss === "sum" ? variant.delta.map((row) => row.map(() => 1)) : variant.delta;
  return { ...variant, delta, rate, loss };
}

const gradientOf = (p: GradDescentStepParams, delta: number[][] = p.delta) => sumsOf(kernelGradientProducts(p.input, delta, p.kernel.length, p));

/** `- $W'_{1,1} = 2 - 0.1 \cdot 7 = 1.3$` for each entry, folded beyond four. */
function stepLines(p: GradDescentStepParams, gradient: number[][], updated: number[][], lang: Lang): string {
  const term = (x: number) => (x < 0 ? `(${x})` : String(x));
  const lines = p.kernel.flatMap((row, a) =>
    row.map((w, b) => `- $W'_{${a + 1},${b + 1}} = ${w} - ${p.rate} \\cdot ${term(gradient[a]![b]!)} = ${updated[a]![b]!}$`),
  );
  if (lines.length <= 4) return lines.join("\n");
  return [`:::details[${messages(lang)("stepsFold", { count: String(lines.length) })}]`, ...lines, ":::"].join("\n");
}

export const gradDescentStepTemplate: ProblemTemplate<GradDescentStepParams> = {
  id: "grad.descent-step",
  topic: "gradients",
  answerKind: "matrix",
  difficulties: CONV_GRAD_DIFFICULTIES,
  // Weights to the hundredth or thousandth; float32 keys agree to a millionth.
  tolerance: 1e-3,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "run", op: { ...convGradOp(p), learning_rate: p.rate }, select: "kernel_after_step" }),

  render(p, key, lang) {
    const t = messages(lang);
    const products = kernelGradientProducts(p.input, p.delta, p.kernel.length, p);
    const gradient = sumsOf(products);
    const updated = stepKernel(p.kernel, gradient, p.rate);
    if (key.kind !== "matrix" || !matricesAgree(updated, key.value, 1e-5)) {
      throw new ProblemError("invalid-variant", `grad.descent-step: the worked solution gives ${JSON.stringify(updated)}, the engine ${JSON.stringify(key.value)}`);
    }
    const tex = convGradTex(p);
    const prompt = t("prompt", {
      forward: tex.forward,
      stride: inlineNumber(p.stride),
      padding: inlineNumber(p.padding),
      input: displayMatrix(p.input, "X"),
      kernel: displayMatrix(p.kernel, "W"),
      loss: p.loss,
      deltaName: tex.delta,
      delta: displayMatrix(p.delta, "\\delta"),
      sumLoss: "$L = \\sum_{i,j} Y_{i,j}$",
      rate: `$\\eta = ${p.rate}$`,
    });
    const solution = t("solution", {
      update: "$W \\leftarrow W - \\eta \\frac{\\partial L}{\\partial W}$",
      loss: p.loss,
      ones: "$\\delta_{i,j} = \\frac{\\partial L}{\\partial Y_{i,j}} = 1$",
      formula: tex.kernelFormula,
      gradientSteps: gradientSteps("W", products, lang),
      gradient: displayMatrix(gradient, tex.dWName),
      rate: `$\\eta = ${p.rate}$`,
      stepSteps: stepLines(p, gradient, updated, lang),
      answer: displayMatrix(updated, "W'"),
    });
    return { prompt, solution };
  },

  figure(p, key, lang) {
    if (key.kind !== "matrix") return null;
    return descentFigure({ kernel: p.kernel, gradient: gradientOf(p), rate: p.rate, updated: key.value }, lang);
  },

  misconceptions: [
    {
      id: "added-gradient",
      wrongAnswer: (p) => stepKernel(p.kernel, gradientOf(p), -p.rate),
      feedback: (_p, lang) => messages(lang)("mistakes.addedGradient"),
    },
    {
      id: "rate-left-out",
      wrongAnswer: (p) => stepKernel(p.kernel, gradientOf(p), 1),
      feedback: (p, lang) => messages(lang)("mistakes.rateLeftOut", { rate: inlineNumber(p.rate) }),
    },
    {
      id: "gradient-not-applied",
      wrongAnswer: (p) => gradientOf(p),
      feedback: (_p, lang) => messages(lang)("mistakes.gradientNotApplied"),
    },
    {
      id: "delta-rotated",
      wrongAnswer: (p) => stepKernel(p.kernel, gradientOf(p, rotate180(p.delta)), p.rate),
      feedback: (_p, lang) => messages(lang)("mistakes.deltaRotated"),
    },
  ],
};
