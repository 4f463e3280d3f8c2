import type { ArchitectureSpec } from "../../engine";
import { ProblemError } from "../errors";
import { specStackFigure } from "../figures/spec-stack-figure";
import { displayMath, inlineCount, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { conv, convSpec, macsConvention } from "./cost-layers";
import { costInceptionReductionMessages as messages } from "./cost-inception-reduction.messages";

/**
 * `cost.inception-reduction`: what a 1×1 reduction saves in an Inception branch (d2l 7.4 zh /
 * 8.4 en; NNDL 5.4.3 and its exercise 5-4). A k×k convolution maps `C` channels to `N` at the
 * same size, directly or after a 1×1 convolution to `R < C` channels; the learner gives the
 * parameters or MACs of one branch, the solution both and the saving. Keys: the engine's
 * `totalParams` or `totalMacs` of the branch. No biases, so the counts are the weights' alone.
 *
 * Difficulties: easy, the direct convolution (one product); medium, the reduced branch's
 * parameters (two products, no spatial size); hard, the reduced branch's MACs (two products,
 * each times the map's height and width). Sizes include GoogLeNet's 28 (block 3a) and NNDL
 * exercise 5-4's 100.
 */
export interface CostInceptionReductionParams {
  difficulty: Difficulty;
  channelsIn: number;
  size: number;
  kernel: number;
  reduce: number;
  filters: number;
  variant: "direct" | "reduced";
  asked: "params" | "macs";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): CostInceptionReductionParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick([64, 96, 128, 192, 256, 480, 512]);
  const reduce = rng.pick([16, 24, 32, 48, 64].filter((r) => r < channelsIn / 2));
  const block = { channelsIn, reduce, size: rng.pick([7, 14, 28, 56, 100]), kernel: rng.pick([3, 5]), filters: rng.pick([32, 48, 64, 96, 128, 256]) };
  if (difficulty === "easy") return { difficulty, ...block, variant: "direct", asked: rng.pick(["params", "macs"] as const) };
  return { difficulty, ...block, variant: "reduced", asked: difficulty === "medium" ? "params" : "macs" };
}

const direct = (p: CostInceptionReductionParams) => conv(p.filters, p.kernel, { padding: (p.kernel - 1) / 2, bias: false });
const reduction = (p: CostInceptionReductionParams) => conv(p.reduce, 1, { bias: false });

export const branchSpec = (p: CostInceptionReductionParams, variant = p.variant): ArchitectureSpec => ({
  input: [p.channelsIn, p.size, p.size],
  layers: variant === "direct" ? [convSpec(direct(p))] : [convSpec(reduction(p)), { type: "relu" }, convSpec(direct(p))],
});

/** Weights by hand: `k²·C·N` directly, `C·R + k²·R·N` reduced; MACs are these times `H·W` (the size is kept). */
function costOf(p: CostInceptionReductionParams, variant = p.variant, asked = p.asked): number {
  const positions = asked === "macs" ? p.size * p.size : 1;
  const weights = variant === "direct" ? p.kernel ** 2 * p.channelsIn * p.filters : p.channelsIn * p.reduce + p.kernel ** 2 * p.reduce * p.filters;
  return weights * positions;
}

function workTex(p: CostInceptionReductionParams, variant: "direct" | "reduced"): string {
  const hw = p.asked === "macs" ? `${p.size} \\cdot ${p.size} \\cdot ` : "";
  const k = `${p.kernel} \\cdot ${p.kernel}`;
  const terms = variant === "direct" ? `${hw}${k} \\cdot ${p.channelsIn} \\cdot ${p.filters}` : `${hw}(${p.channelsIn} \\cdot ${p.reduce} + ${k} \\cdot ${p.reduce} \\cdot ${p.filters})`;
  return displayMath(`${terms} = ${costOf(p, variant)}`);
}

/** `1/3.6` style: how many times cheaper, rounded to two decimals. */
const ratioTex = (p: CostInceptionReductionParams) => `$1/${Number((costOf(p, "direct") / costOf(p, "reduced")).toFixed(2))}$`;

export const costInceptionReductionTemplate: ProblemTemplate<CostInceptionReductionParams> = {
  id: "cost.inception-reduction",
  topic: "cost",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: branchSpec(p), select: p.asked === "macs" ? "totalMacs" : "totalParams" }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = costOf(p);
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `cost.inception-reduction: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const kernel = inlineSize(p.kernel, p.kernel);
    const one = inlineSize(1, 1);
    const prompt = t("prompt", {
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
      filters: inlineNumber(p.filters),
      kernel,
      padding: inlineNumber((p.kernel - 1) / 2),
      variant: p.variant,
      one,
      reduce: inlineNumber(p.reduce),
      // The MAC convention matters only where MACs are asked.
      convention: p.asked === "macs" ? macsConvention(lang) : "",
      asked: p.asked,
    });
    const solution = t("solution", {
      direct: t("directLine", { kernel, channelsIn: inlineNumber(p.channelsIn), work: workTex(p, "direct") }),
      bottleneck: t("bottleneckLine", { one, kernel, channelsIn: inlineNumber(p.channelsIn), reduce: inlineNumber(p.reduce), filters: inlineNumber(p.filters), work: workTex(p, "reduced") }),
      saved: inlineCount(costOf(p, "direct") - costOf(p, "reduced")),
      asked: p.asked,
      ratio: ratioTex(p),
      answer: inlineCount(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => specStackFigure(branchSpec(p), lang),

  misconceptions: [
    {
      id: "bottleneck-ignored",
      wrongAnswer: (p) => (p.variant === "reduced" ? costOf(p, "direct") : null),
      feedback: (p, lang) => messages(lang)("mistakes.bottleneckIgnored", { kernel: inlineSize(p.kernel, p.kernel), reduce: inlineNumber(p.reduce) }),
    },
    {
      id: "reduction-cost-forgotten",
      wrongAnswer: (p) => (p.variant === "reduced" ? costOf(p) - p.channelsIn * p.reduce * (p.asked === "macs" ? p.size * p.size : 1) : null),
      feedback: (p, lang) => messages(lang)("mistakes.reductionCostForgotten", { kernel: inlineSize(p.kernel, p.kernel) }),
    },
    {
      id: "forgot-input-channels",
      wrongAnswer: (p) => (p.variant === "direct" ? costOf(p) / p.channelsIn : null),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotInputChannels"),
    },
    {
      id: "reduced-input-used",
      wrongAnswer: (p) => (p.variant === "direct" ? (costOf(p) / p.channelsIn) * p.reduce : null),
      feedback: (p, lang) => messages(lang)("mistakes.reducedInputUsed", { kernel: inlineSize(p.kernel, p.kernel), channelsIn: inlineNumber(p.channelsIn) }),
    },
  ],
};
