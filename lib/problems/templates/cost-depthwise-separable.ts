import type { ArchitectureSpec } from "../../engine";
import { ProblemError } from "../errors";
import { specStackFigure } from "../figures/spec-stack-figure";
import { displayMath, inlineCount, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { conv, convOut, convSpec, macsConvention } from "./cost-layers";
import { costDepthwiseSeparableMessages as messages } from "./cost-depthwise-separable.messages";

/**
 * `cost.depthwise-separable`: a MobileNet depthwise-separable pair (Howard et al. 2017): a k×k
 * convolution with groups = C (one kernel per channel) then a 1×1 convolution to N channels, in
 * place of a standard k×k convolution from C to N. Keys: the engine's `totalParams` or
 * `totalMacs` of the pair. No biases (MobileNet follows each convolution with batch norm), so the
 * ratio to the standard convolution is exactly the paper's 1/N + 1/k².
 *
 * Difficulties: easy, the parameters (k²·C + C·N); medium, the MACs at stride 1 with "same"
 * padding (times H·W); hard, the MACs with a stride-2 depthwise convolution, whose output size
 * has to be worked out first.
 */
export interface CostDepthwiseSeparableParams {
  difficulty: Difficulty;
  channelsIn: number;
  filters: number;
  kernel: number;
  size: number;
  stride: number;
  asked: "params" | "macs";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): CostDepthwiseSeparableParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick([16, 32, 64, 128, 256, 512]);
  const block = { channelsIn, filters: rng.pick([1, 2, 4].map((m) => m * channelsIn).filter((n) => n <= 1024)), kernel: rng.pick([3, 5]) };
  if (difficulty === "easy") return { difficulty, ...block, size: rng.pick([7, 14, 28, 56, 112]), stride: 1, asked: "params" };
  if (difficulty === "medium") return { difficulty, ...block, size: rng.pick([7, 14, 28, 56]), stride: 1, asked: "macs" };
  // From 15 up the stride-2 output is at least 8×8, which also keeps the keys off the answer hints' examples (lib/grading/answer-examples).
  return { difficulty, ...block, size: rng.int(15, 60), stride: 2, asked: "macs" };
}

const depthwise = (p: CostDepthwiseSeparableParams) => conv(p.channelsIn, p.kernel, { groups: p.channelsIn, stride: p.stride, padding: (p.kernel - 1) / 2, bias: false });
const pointwise = (p: CostDepthwiseSeparableParams) => conv(p.filters, 1, { bias: false });

const specOf = (p: CostDepthwiseSeparableParams): ArchitectureSpec => ({
  input: [p.channelsIn, p.size, p.size],
  layers: [convSpec(depthwise(p)), { type: "relu" }, convSpec(pointwise(p))],
});

const outputSize = (p: CostDepthwiseSeparableParams) => convOut(p.size, depthwise(p));
/** Output positions each weight is used at: 1 for parameters. */
const positions = (p: CostDepthwiseSeparableParams, size = outputSize(p)) => (p.asked === "macs" ? size * size : 1);

/** By hand: depthwise `k²·C`, pointwise `C·N`, standard `k²·C·N`, each times the positions for MACs. */
const depthwiseCost = (p: CostDepthwiseSeparableParams) => p.kernel ** 2 * p.channelsIn * positions(p);
const pointwiseCost = (p: CostDepthwiseSeparableParams) => p.channelsIn * p.filters * positions(p);
const standardCost = (p: CostDepthwiseSeparableParams) => p.kernel ** 2 * p.channelsIn * p.filters * positions(p);

export const costDepthwiseSeparableTemplate: ProblemTemplate<CostDepthwiseSeparableParams> = {
  id: "cost.depthwise-separable",
  topic: "cost",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: specOf(p), select: p.asked === "macs" ? "totalMacs" : "totalParams" }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = depthwiseCost(p) + pointwiseCost(p);
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `cost.depthwise-separable: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const kernel = inlineSize(p.kernel, p.kernel);
    const prompt = t("prompt", {
      kernel,
      channelsIn: inlineNumber(p.channelsIn),
      filters: inlineNumber(p.filters),
      stride: inlineNumber(p.stride),
      padding: inlineNumber((p.kernel - 1) / 2),
      one: inlineSize(1, 1),
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
      // The MAC convention matters only where MACs are asked.
      convention: p.asked === "macs" ? macsConvention(lang) : "",
      asked: p.asked,
    });
    const out = outputSize(p);
    const hw = p.asked === "macs" ? `${out} \\cdot ${out} \\cdot ` : "";
    const ratio = 1 / p.filters + 1 / p.kernel ** 2;
    const solution = t("solution", {
      asked: p.asked,
      outputSize: inlineSize(out, out),
      depthwise: `$${hw}${p.kernel} \\cdot ${p.kernel} \\cdot ${p.channelsIn} = ${depthwiseCost(p)}$`,
      pointwise: `$${hw}${p.channelsIn} \\cdot ${p.filters} = ${pointwiseCost(p)}$`,
      total: displayMath(`${depthwiseCost(p)} + ${pointwiseCost(p)} = ${worked}`),
      kernel,
      standard: `$${hw}${p.kernel} \\cdot ${p.kernel} \\cdot ${p.channelsIn} \\cdot ${p.filters} = ${standardCost(p)}$`,
      ratio: `$\\frac{${worked}}{${standardCost(p)}} = \\frac{1}{${p.filters}} + \\frac{1}{${p.kernel ** 2}} \\approx ${Number(ratio.toFixed(4))}$`,
      filters: inlineNumber(p.filters),
      k: inlineNumber(p.kernel),
      answer: inlineCount(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => specStackFigure(specOf(p), lang),

  misconceptions: [
    {
      id: "standard-conv",
      wrongAnswer: standardCost,
      feedback: (p, lang) => messages(lang)("mistakes.standardConv", { kernel: inlineSize(p.kernel, p.kernel) }),
    },
    {
      id: "groups-ignored",
      wrongAnswer: (p) => depthwiseCost(p) * p.channelsIn + pointwiseCost(p),
      feedback: (_p, lang) => messages(lang)("mistakes.groupsIgnored"),
    },
    {
      id: "pointwise-forgotten",
      wrongAnswer: depthwiseCost,
      feedback: (_p, lang) => messages(lang)("mistakes.pointwiseForgotten"),
    },
    {
      id: "input-size-used",
      wrongAnswer: (p) => (p.asked === "macs" && p.stride > 1 ? (p.kernel ** 2 * p.channelsIn + p.channelsIn * p.filters) * p.size * p.size : null),
      feedback: (p, lang) => {
        const out = outputSize(p);
        return messages(lang)("mistakes.inputSizeUsed", { stride: inlineNumber(p.stride), outputSize: inlineSize(out, out) });
      },
    },
  ],
};
