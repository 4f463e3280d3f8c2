import type { ArchitectureSpec } from "../../engine";
import { ProblemError } from "../errors";
import { specStackFigure } from "../figures/spec-stack-figure";
import { displayMath, inlineCount, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { conv, convOut, convSpec, type CostConv, describeConv, macsConvention } from "./cost-layers";
import { costGroupedConvMessages as messages } from "./cost-grouped-conv.messages";

/**
 * `cost.grouped-conv`: the parameters or MACs of a grouped convolution (PyTorch `groups`; AlexNet's
 * two-GPU split, ResNeXt's cardinality, Xie et al. 2017): g groups, each an ordinary convolution
 * from C_in/g to C_out/g channels, so `C_out · (C_in/g) · k²` weights, one bias per output
 * channel. Keys: the engine's `params` or `macs` of the layer.
 *
 * Difficulties: easy, the parameters of a layer without bias; medium, with bias, and groups up to
 * 32 (ResNeXt's 32 groups of 4 channels among them); hard, the MACs, on an output whose size
 * stride and padding change.
 */
export interface CostGroupedConvParams {
  difficulty: Difficulty;
  channelsIn: number;
  size: number;
  conv: CostConv;
  asked: "params" | "macs";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): CostGroupedConvParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const groups = rng.pick([2, 4]);
    return { difficulty, channelsIn: rng.pick([8, 16, 32, 64, 128]), size: rng.int(8, 32), conv: conv(rng.pick([8, 16, 32, 64, 128]), rng.pick([1, 3, 5]), { groups, padding: 0, bias: false }), asked: "params" };
  }
  if (difficulty === "medium") {
    const groups = rng.pick([4, 8, 16, 32]);
    const channelsIn = rng.pick([64, 128, 256]);
    return { difficulty, channelsIn, size: rng.int(8, 56), conv: conv(rng.pick([64, 128, 256, 512]), 3, { groups, padding: 1 }), asked: "params" };
  }
  const groups = rng.pick([2, 4, 8, 32]);
  const kernel = rng.pick([3, 5]);
  return {
    difficulty,
    channelsIn: rng.pick([64, 128, 256]),
    size: rng.int(7, 56),
    conv: conv(rng.pick([64, 128, 256]), kernel, { groups, stride: rng.pick([1, 2]), padding: rng.int(0, (kernel - 1) / 2), bias: rng.pick([true, false]) }),
    asked: "macs",
  };
}

const specOf = (p: CostGroupedConvParams): ArchitectureSpec => ({ input: [p.channelsIn, p.size, p.size], layers: [convSpec(p.conv)] });

/** By hand: `C_out · (C_in/g) · k²` weights, each used at `H_out · W_out` positions. */
const weightsOf = (p: CostGroupedConvParams, groups = p.conv.groups) => p.conv.filters * (p.channelsIn / groups) * p.conv.kernel ** 2;
const outputSize = (p: CostGroupedConvParams) => convOut(p.size, p.conv);
const biasesOf = (p: CostGroupedConvParams) => (p.conv.bias ? p.conv.filters : 0);

function keyByHand(p: CostGroupedConvParams, weights = weightsOf(p), biases = biasesOf(p), size = outputSize(p)): number {
  return p.asked === "macs" ? weights * size * size : weights + biases;
}

export const costGroupedConvTemplate: ProblemTemplate<CostGroupedConvParams> = {
  id: "cost.grouped-conv",
  topic: "cost",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: specOf(p), select: p.asked === "macs" ? "layers.0.macs" : "layers.0.params" }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = keyByHand(p);
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `cost.grouped-conv: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const { groups, filters, kernel } = p.conv;
    const groupIn = p.channelsIn / groups;
    const groupOut = filters / groups;
    const weights = weightsOf(p);
    const out = outputSize(p);
    const shared = { groups: inlineNumber(groups), groupIn: inlineNumber(groupIn), groupOut: inlineNumber(groupOut) };
    const prompt = t("prompt", {
      ...shared,
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
      layer: describeConv(p.conv, lang),
      channelsIn: inlineNumber(p.channelsIn),
      filters: inlineNumber(filters),
      // The MAC convention matters only where MACs are asked.
      convention: p.asked === "macs" ? macsConvention(lang) : "",
      asked: p.asked,
    });
    const solution = t("solution", {
      ...shared,
      formula: "$g \\cdot \\frac{C_{\\text{in}}}{g} \\cdot \\frac{C_{\\text{out}}}{g} \\cdot k \\cdot k = C_{\\text{out}} \\cdot \\frac{C_{\\text{in}}}{g} \\cdot k \\cdot k$",
      weights: displayMath(`${groups} \\cdot ${groupIn} \\cdot ${groupOut} \\cdot ${kernel} \\cdot ${kernel} = ${weights}`),
      bias: p.conv.bias ? "yes" : "no",
      withBias: `$${weights} + ${filters} = ${weights + filters}$`,
      asked: p.asked,
      outputSize: inlineSize(out, out),
      macs: `$${weights} \\cdot ${out} \\cdot ${out} = ${weights * out * out}$`,
      dense: inlineCount(weightsOf(p, 1)),
      answer: inlineCount(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => specStackFigure(specOf(p), lang),

  misconceptions: [
    {
      id: "groups-ignored",
      wrongAnswer: (p) => keyByHand(p, weightsOf(p, 1)),
      feedback: (p, lang) =>
        messages(lang)("mistakes.groupsIgnored", { groups: inlineNumber(p.conv.groups), groupIn: inlineNumber(p.channelsIn / p.conv.groups), channelsIn: inlineNumber(p.channelsIn) }),
    },
    {
      id: "one-group-only",
      wrongAnswer: (p) => keyByHand(p, weightsOf(p) / p.conv.groups),
      feedback: (p, lang) => messages(lang)("mistakes.oneGroupOnly", { groups: inlineNumber(p.conv.groups) }),
    },
    {
      id: "forgot-bias",
      wrongAnswer: (p) => (p.asked === "params" && p.conv.bias ? weightsOf(p) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotBias"),
    },
    {
      id: "bias-per-group",
      wrongAnswer: (p) => (p.asked === "params" && p.conv.bias ? weightsOf(p) + p.conv.groups : null),
      feedback: (_p, lang) => messages(lang)("mistakes.biasPerGroup"),
    },
    {
      id: "input-size-used",
      wrongAnswer: (p) => (p.asked === "macs" ? keyByHand(p, weightsOf(p), 0, p.size) : null),
      feedback: (p, lang) => {
        const out = outputSize(p);
        return messages(lang)("mistakes.inputSizeUsed", { outputSize: inlineSize(out, out) });
      },
    },
  ],
};
