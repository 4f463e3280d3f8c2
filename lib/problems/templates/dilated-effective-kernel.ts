import { receptiveFieldFigure } from "../figures/receptive-field-figure";
import type { LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { dilatedConvMessages as messages } from "./dilated-conv.messages";

/**
 * `dilated.effective-kernel`: a kernel of size `k` with dilation `d` covers `d·(k − 1) + 1` input
 * pixels (PyTorch `Conv2d`, "dilation"; NNDL 5.5.2 空洞卷积). The key is the engine's receptive
 * field of the last layer, which for one stride-1 layer is exactly the effective kernel size.
 *
 * Difficulty follows the work, one product `d·(k − 1)` a layer: easy, one layer (a 3×3, 5×5 or
 * 7×7 kernel, dilation 2–12); medium, two layers with any rates 1–5; hard, three or four layers,
 * either 3×3 with the doubling rates 1, 2, 4, 8 of the context module of Yu & Koltun (2016, "Multi-Scale
 * Context Aggregation by Dilated Convolutions") or any rates 1–4.
 */
export interface DilatedEffectiveKernelParams {
  difficulty: Difficulty;
  kernel: number;
  /** One per layer. */
  dilations: number[];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): DilatedEffectiveKernelParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const kernel = rng.pick([3, 5, 7]);
    // Up to 61 pixels, so that the field stays within the 64-pixel input.
    return { difficulty, kernel, dilations: [rng.int(2, kernel === 7 ? 10 : 12)] };
  }
  if (difficulty === "medium") {
    const kernel = rng.pick([3, 5]);
    const first = rng.int(1, 5);
    // Not both 1: that stack has no dilation at all.
    return { difficulty, kernel, dilations: [first, first === 1 ? rng.int(2, 5) : rng.int(1, 5)] };
  }
  const count = rng.int(3, 4);
  // The context module stacks 3×3 kernels.
  if (rng.pick([true, false])) return { difficulty, kernel: 3, dilations: Array.from({ length: count }, (_, index) => 2 ** index) };
  const kernel = rng.pick([3, 5]);
  // Rates up to 4 (3 for 5×5 kernels) keep the field within the 64-pixel input.
  return { difficulty, kernel, dilations: Array.from({ length: count }, () => rng.int(1, kernel === 5 ? 3 : 4)) };
}

/** The context module's rates 1, 2, 4, …: the prompt names where they come from. */
export const isDoubling = (dilations: readonly number[]) => dilations.every((dilation, index) => dilation === 2 ** index);

/** Same-size padding `d·(k − 1)/2` (k odd) keeps every map at 64 pixels. */
const layersOf = (p: DilatedEffectiveKernelParams): LayerSpec[] =>
  p.dilations.map((dilation) => ({ type: "conv2d", filters: 4, kernel: p.kernel, dilation, padding: (dilation * (p.kernel - 1)) / 2 }));

const sumOver = (p: DilatedEffectiveKernelParams, term: (dilation: number) => number) =>
  p.dilations.reduce((sum, dilation) => sum + term(dilation), 0);

export const dilatedEffectiveKernelTemplate: ProblemTemplate<DilatedEffectiveKernelParams> = {
  id: "dilated.effective-kernel",
  topic: "dilated-conv",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("effectiveKernel.title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [1, 64, 64], layers: layersOf(p) },
    select: `layers.${p.dilations.length - 1}.receptiveField.0`,
  }),

  render(p, key, lang) {
    const t = messages(lang);
    let field = 1;
    const steps = p.dilations.map((dilation) => {
      const next = field + dilation * (p.kernel - 1);
      const line = `- $r = ${field} + ${dilation} \\cdot (${p.kernel} - 1) = ${next}$`;
      field = next;
      return line;
    });
    if (key.kind !== "integer" || key.value !== field) {
      throw new ProblemError("invalid-variant", `dilated.effective-kernel: the worked solution gives ${field}, the engine ${JSON.stringify(key.value)}`);
    }
    const kernel = inlineSize(p.kernel, p.kernel);
    const [first] = p.dilations;
    const prompt =
      p.dilations.length === 1 && first !== undefined
        ? t("effectiveKernel.promptSingle", { kernel, dilation: inlineNumber(first), gaps: inlineNumber(first - 1) })
        : t(isDoubling(p.dilations) ? "effectiveKernel.promptStack" : "effectiveKernel.promptStackRates", { count: String(p.dilations.length), kernel, dilations: `$${p.dilations.join(", ")}$` });
    const solution = t("effectiveKernel.solution", { steps: ["- $r = 1$", ...steps].join("\n"), answer: inlineNumber(key.value) });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => receptiveFieldFigure(p.dilations.map((dilation) => ({ kind: "conv" as const, kernel: p.kernel, stride: 1, dilation })), lang),

  misconceptions: [
    {
      id: "dilation-ignored",
      wrongAnswer: (p) => 1 + sumOver(p, () => p.kernel - 1),
      feedback: (_p, lang) => messages(lang)("effectiveKernel.mistakes.dilationIgnored"),
    },
    {
      id: "kernel-times-dilation",
      wrongAnswer: (p) => 1 + sumOver(p, (dilation) => dilation * p.kernel - 1),
      feedback: (_p, lang) => messages(lang)("effectiveKernel.mistakes.kernelTimesDilation"),
    },
    {
      id: "forgot-plus-one",
      wrongAnswer: (p) => sumOver(p, (dilation) => dilation * (p.kernel - 1)),
      feedback: (_p, lang) => messages(lang)("effectiveKernel.mistakes.forgotPlusOne"),
    },
  ],
};
