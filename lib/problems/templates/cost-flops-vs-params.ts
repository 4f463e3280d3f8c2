import { type ArchitectureSpec } from "../../engine";
import { specStackFigure } from "../figures/spec-stack-figure";
import { ProblemError } from "../errors";
import { displayMath, inlineCount, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { conv, convMacs, convOut, convParams, convSpec, convWeights, type CostConv, describeConv, macsConvention } from "./cost-layers";
import { costFlopsVsParamsMessages as messages } from "./cost-flops-vs-params.messages";

/**
 * `cost.flops-vs-params`: the FLOPs (2 · MACs, DESIGN.md's MACs) or the trainable parameters of
 * a convolution or a stack of two, one number asked. The key is the engine's `totalFlops` or
 * `totalParams`. Teaches that parameters are shared across positions (d2l 6.4) while the work is
 * done at each of them.
 *
 * Difficulties: easy, one convolution that keeps the height and width (stride 1, padding
 * (k − 1)/2), with bias; medium, one convolution whose output is smaller than its input (stride 2
 * or no padding), with bias or not; hard, two convolutions (ReLU between), the second on the
 * first's output.
 */
export interface CostFlopsVsParamsParams {
  difficulty: Difficulty;
  input: [number, number, number];
  convs: CostConv[];
  asked: "flops" | "params";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): CostFlopsVsParamsParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const asked = rng.pick(["flops", "params"] as const);
  if (difficulty === "easy") {
    const kernel = rng.pick([1, 3, 5]);
    const input: [number, number, number] = [rng.pick([1, 3, 8, 16]), rng.int(6, 32), 0];
    input[2] = input[1];
    return { difficulty, asked, input, convs: [conv(rng.pick([4, 6, 8, 16, 32, 64]), kernel, { padding: (kernel - 1) / 2 })] };
  }
  if (difficulty === "medium") {
    const kernel = rng.pick([3, 5, 7]);
    const stride = rng.pick([1, 2]);
    // Stride 1 without padding, or stride 2 with up to (k − 1)/2: the output always shrinks.
    const padding = stride === 1 ? 0 : rng.int(0, (kernel - 1) / 2);
    const size = rng.int(12, 64);
    return { difficulty, asked, input: [rng.pick([3, 16, 32, 64]), size, size], convs: [conv(rng.pick([16, 32, 64, 128]), kernel, { stride, padding, bias: rng.pick([true, false]) })] };
  }
  const size = rng.int(16, 56);
  const firstKernel = rng.pick([3, 5, 7]);
  const first = conv(rng.pick([16, 32, 64]), firstKernel, { stride: rng.pick([1, 2]), padding: (firstKernel - 1) / 2 });
  const secondKernel = rng.pick([1, 3]);
  const second = conv(rng.pick([32, 64, 128]), secondKernel, { stride: rng.pick([1, 2]), padding: rng.int(0, (secondKernel - 1) / 2) });
  return { difficulty, asked, input: [rng.pick([1, 3]), size, size], convs: [first, second] };
}

const specOf = (p: CostFlopsVsParamsParams): ArchitectureSpec => ({
  input: p.input,
  layers: p.convs.flatMap((c, index) => (index === 0 ? [convSpec(c)] : [{ type: "relu" as const }, convSpec(c)])),
});

interface Row {
  c: CostConv;
  channelsIn: number;
  sizeIn: number;
  sizeOut: number;
  params: number;
  macs: number;
}

function rowsOf(p: CostFlopsVsParamsParams): Row[] {
  let [channelsIn, size] = p.input;
  return p.convs.map((c) => {
    const row = { c, channelsIn, sizeIn: size, sizeOut: convOut(size, c), params: convParams(channelsIn, c), macs: convMacs(channelsIn, size, c) };
    [channelsIn, size] = [c.filters, row.sizeOut];
    return row;
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The asked total when each row's count is `count`. */
const askedTotal = (p: CostFlopsVsParamsParams, count: (row: Row) => number) => sum(rowsOf(p).map(count));

export const costFlopsVsParamsTemplate: ProblemTemplate<CostFlopsVsParamsParams> = {
  id: "cost.flops-vs-params",
  topic: "cost",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: specOf(p), select: p.asked === "flops" ? "totalFlops" : "totalParams" }),

  render(p, key, lang) {
    const t = messages(lang);
    const rows = rowsOf(p);
    const worked = p.asked === "flops" ? 2 * sum(rows.map((r) => r.macs)) : sum(rows.map((r) => r.params));
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `cost.flops-vs-params: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const layers = p.convs.map((c, index) => `${index + 1}. ${describeConv(c, lang)}`).join("\n");
    const prompt = t("prompt", { inputShape: inlineShape(p.input), layers, convention: macsConvention(lang), asked: p.asked, count: p.convs.length === 1 ? "one" : "many" });
    const steps = rows
      .map((r, index) =>
        t("step", {
          number: String(index + 1),
          inputShape: inlineShape([r.channelsIn, r.sizeIn, r.sizeIn]),
          outputShape: inlineShape([r.c.filters, r.sizeOut, r.sizeOut]),
          params: `$${r.c.kernel} \\cdot ${r.c.kernel} \\cdot ${r.channelsIn} \\cdot ${r.c.filters}${r.c.bias ? ` + ${r.c.filters}` : ""} = ${r.params}$`,
          macs: `$${r.c.filters} \\cdot ${r.sizeOut} \\cdot ${r.sizeOut} \\cdot ${r.channelsIn} \\cdot ${r.c.kernel} \\cdot ${r.c.kernel} = ${r.macs}$`,
        }),
      )
      .join("\n");
    const terms = rows.map((r) => String(p.asked === "flops" ? r.macs : r.params));
    const work =
      p.asked === "flops"
        ? displayMath(`2 \\cdot ${terms.length > 1 ? `(${terms.join(" + ")})` : terms[0]} = ${worked}`)
        : displayMath(`${terms.join(" + ")} = ${worked}`);
    const solution = t("solution", {
      paramsFormula: "$k \\cdot k \\cdot C_{\\text{in}} \\cdot C_{\\text{out}}$",
      bias: rows.some((r) => r.c.bias) ? "yes" : "no",
      macsFormula: "$C_{\\text{out}} \\cdot H_{\\text{out}} \\cdot W_{\\text{out}} \\cdot C_{\\text{in}} \\cdot k \\cdot k$",
      steps,
      asked: p.asked,
      work,
      answer: inlineCount(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => specStackFigure(specOf(p), lang),

  misconceptions: [
    {
      id: "macs-not-flops",
      wrongAnswer: (p) => (p.asked === "flops" ? askedTotal(p, (r) => r.macs) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.macsNotFlops"),
    },
    {
      id: "params-instead",
      wrongAnswer: (p) => (p.asked === "flops" ? askedTotal(p, (r) => r.params) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.paramsGivenFlops"),
    },
    {
      id: "flops-instead",
      wrongAnswer: (p) => (p.asked === "params" ? 2 * askedTotal(p, (r) => r.macs) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.flopsGivenParams"),
    },
    {
      id: "forgot-bias",
      wrongAnswer: (p) => (p.asked === "params" ? askedTotal(p, (r) => convWeights(r.channelsIn, r.c)) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotBias"),
    },
    {
      id: "forgot-input-channels",
      wrongAnswer: (p) => {
        const factor = p.asked === "flops" ? 2 : 1;
        return factor * askedTotal(p, (r) => (p.asked === "flops" ? r.macs / r.channelsIn : r.params - convWeights(r.channelsIn, r.c) + convWeights(r.channelsIn, r.c) / r.channelsIn));
      },
      feedback: (_p, lang) => messages(lang)("mistakes.forgotInputChannels"),
    },
    {
      id: "input-size-used",
      // Only where stride or padding change the size; otherwise the input's size is the right one.
      wrongAnswer: (p) =>
        p.asked === "flops" && rowsOf(p).some((r) => r.sizeIn !== r.sizeOut) ? 2 * askedTotal(p, (r) => convWeights(r.channelsIn, r.c) * r.sizeIn * r.sizeIn) : null,
      feedback: (_p, lang) => messages(lang)("mistakes.inputSizeUsed"),
    },
  ],
};
