import type { ArchitectureSpec, LayerSpec } from "../../engine";
import type { DesignConstraint } from "../design/constraints";
import { ProblemError } from "../errors";
import { inlineNumber, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { designPrompt, designSolution } from "./design-render";
import { designMessages as messages } from "./design.messages";

/**
 * `design.downsample`: design a network of 3×3 convolutions and pooling that maps `[C, n, n]` to
 * `[F, n/2^h, n/2^h]` within a parameter budget (issue 13's "map a 3×32×32 input to 64×8×8 with at
 * most 20,000 parameters using only 3×3 convolutions and pooling"). Same-size 3×3 convolutions
 * (padding 1, d2l 7.3.1) and 2×2 pooling of stride 2 (d2l 7.5.2); a convolution has
 * `(9·C_in + 1)·C_out` parameters (d2l 7.4.2).
 *
 * Difficulty follows the work: easy, one halving and one convolution to the asked channels with a
 * loose budget (1.5× the reference); medium, two halvings, two convolutions (1.25×); hard, three
 * halvings, three convolutions, the budget 1.1× the reference, so wide early layers do not fit.
 */
export interface DesignDownsampleParams {
  difficulty: Difficulty;
  channelsIn: number;
  size: number;
  /** The output channels of each reference convolution, the last being the asked channels. */
  widths: number[];
  budget: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const SLACK: Record<Difficulty, number> = { easy: 1.5, medium: 1.25, hard: 1.1 };

/** `(9·C_in + 1)·C_out` summed over the reference's convolutions (d2l 7.4.2), written here apart from the engine. */
export const referenceParams = (p: Pick<DesignDownsampleParams, "channelsIn" | "widths">) =>
  p.widths.reduce((sum, width, index) => sum + (9 * (index === 0 ? p.channelsIn : (p.widths[index - 1] as number)) + 1) * width, 0);

function generate(rng: Rng): DesignDownsampleParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick([1, 3]);
  const halvings = { easy: 1, medium: 2, hard: 3 }[difficulty];
  const step = 2 ** halvings;
  // Sides that halve exactly, from 4 output pixels up to 64 input pixels.
  const size = step * rng.int(Math.max(2, Math.ceil(16 / step)), 64 / step);
  const out = difficulty === "easy" ? rng.pick([8, 12, 16, 24, 32]) : difficulty === "medium" ? rng.pick([16, 24, 32, 48, 64]) : rng.pick([32, 48, 64, 96, 128]);
  const widths = difficulty === "easy" ? [out] : difficulty === "medium" ? [out / 2, out] : [out / 4, out / 2, out];
  const base = { difficulty, channelsIn, size, widths };
  // A round budget above the reference, so that the reference fits and the number reads easily.
  const unit = difficulty === "easy" ? 100 : 1000;
  return { ...base, budget: Math.ceil((referenceParams(base) * SLACK[difficulty]) / unit) * unit };
}

const outSize = (p: DesignDownsampleParams) => p.size / 2 ** p.widths.length;
const outChannels = (p: DesignDownsampleParams) => p.widths.at(-1) as number;

/** Per halving: a same-size 3×3 convolution, ReLU, and a 2×2 max pooling of stride 2. */
function reference(p: DesignDownsampleParams): ArchitectureSpec {
  const layers: LayerSpec[] = p.widths.flatMap((width): LayerSpec[] => [
    { type: "conv2d", filters: width, kernel: 3, padding: 1 },
    { type: "relu" },
    { type: "maxpool2d", kernel: 2, stride: 2 },
  ]);
  return { input: [p.channelsIn, p.size, p.size], layers };
}

function constraints(p: DesignDownsampleParams): DesignConstraint[] {
  return [
    { kind: "input-shape", shape: [p.channelsIn, p.size, p.size] },
    { kind: "output-shape", shape: [outChannels(p), outSize(p), outSize(p)] },
    { kind: "max-params", max: p.budget },
    { kind: "layer-types", allowed: ["conv2d", "relu", "batchnorm", "maxpool2d", "avgpool2d"] },
    { kind: "kernel-sizes", allowed: [3] },
  ];
}

export const designDownsampleTemplate: ProblemTemplate<DesignDownsampleParams> = {
  id: "design.downsample",
  topic: "design",
  answerKind: "spec",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("downsample.title"),
  generate,
  designConstraints: constraints,
  check: (p) => ({ mode: "analyze", spec: reference(p), select: "totalParams" }),

  render(p, key, lang) {
    if (key.kind !== "spec") throw new ProblemError("invalid-variant", `design.downsample: a ${key.kind} key`);
    const t = messages(lang);
    const ref = reference(p);
    const terms = p.widths.map((width, index) => `(9 \\cdot ${index === 0 ? p.channelsIn : p.widths[index - 1]} + 1) \\cdot ${width}`);
    const prompt = designPrompt(
      t("downsample.prompt", { inputShape: inlineShape([p.channelsIn, p.size, p.size]), outputShape: inlineShape([outChannels(p), outSize(p), outSize(p)]) }),
      key.value,
      lang,
    );
    const reasoning = t("downsample.solution", {
      halvings: inlineNumber(p.widths.length),
      size: inlineNumber(p.size),
      outSize: inlineNumber(outSize(p)),
      paramsWork: `$${terms.join(" + ")} = ${referenceParams(p)} \\le ${p.budget}$`,
    });
    return { prompt, solution: designSolution(reasoning, ref, lang) };
  },

  misconceptions: [
    {
      id: "design-shape-off",
      wrongAnswer: () => [{ kind: "output-shape", shape: [] }],
      feedback: (_p, lang) => messages(lang)("downsample.mistakes.shapeOnly"),
    },
    {
      id: "design-over-budget",
      wrongAnswer: (p) => [{ kind: "max-params", max: p.budget }],
      feedback: (_p, lang) => messages(lang)("downsample.mistakes.budgetOnly"),
    },
  ],
};
