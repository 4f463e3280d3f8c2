import type { ArchitectureSpec, LayerSpec } from "../../engine";
import type { DesignConstraint } from "../design/constraints";
import { ProblemError } from "../errors";
import { inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { designPrompt, designSolution, referenceFieldFigure } from "./design-render";
import { designMessages as messages } from "./design.messages";

/**
 * `design.dilated-padding`: choose the padding of dilated convolutions (issue 13's "keep the size
 * with a 5×5 kernel and dilation 2"). A k×k kernel with dilation d covers `d·(k − 1) + 1` pixels
 * (NNDL 5.5.2), and the output side is `⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1` (PyTorch `Conv2d`), so
 * `p = d·(k − 1)/2` keeps the size at stride 1 and halves an even side at stride 2.
 *
 * Difficulty follows the work: easy, one layer keeping the size; medium, one layer of stride 2
 * halving it (the floor of the formula has to be worked); hard, two or three layers keeping the
 * size, with a receptive field to reach and a parameter budget on the channels in between.
 */
export interface DesignDilatedPaddingParams {
  difficulty: Difficulty;
  channelsIn: number;
  filters: number;
  size: number;
  kernel: number;
  dilation: number;
  layers: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): DesignDilatedPaddingParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const kernel = rng.pick([3, 5, 7]);
  const dilation = rng.int(2, kernel === 7 ? 3 : 4);
  const channelsIn = rng.pick([1, 3, 8, 16]);
  const filters = rng.pick([4, 8, 16, 32]);
  // Even sides, so that a stride of 2 halves them exactly, and wider than the dilated kernel.
  const size = 2 * rng.int(10, 32);
  return { difficulty, channelsIn, filters, size, kernel, dilation, layers: difficulty === "hard" ? rng.int(2, 3) : 1 };
}

const stride = (p: DesignDilatedPaddingParams) => (p.difficulty === "medium" ? 2 : 1);
const padding = (p: DesignDilatedPaddingParams) => (p.dilation * (p.kernel - 1)) / 2;
const outSize = (p: DesignDilatedPaddingParams) => p.size / stride(p);
/** Every layer's parameters, `(k²·C_in + 1)·C_out` (d2l 7.4.2), all layers with `filters` outputs. */
const referenceParams = (p: DesignDilatedPaddingParams) =>
  Array.from({ length: p.layers }, (_, index) => (p.kernel * p.kernel * (index === 0 ? p.channelsIn : p.filters) + 1) * p.filters).reduce((a, b) => a + b, 0);
/** Stride-1 layers each add `d·(k − 1)` (d2l 7.2.6). */
const referenceField = (p: DesignDilatedPaddingParams) => 1 + p.layers * p.dilation * (p.kernel - 1);

function reference(p: DesignDilatedPaddingParams): ArchitectureSpec {
  const layers: LayerSpec[] = Array.from({ length: p.layers }, () => ({
    type: "conv2d" as const,
    filters: p.filters,
    kernel: p.kernel,
    dilation: p.dilation,
    padding: padding(p),
    ...(stride(p) === 1 ? {} : { stride: stride(p) }),
  }));
  return { input: [p.channelsIn, p.size, p.size], layers };
}

function constraints(p: DesignDilatedPaddingParams): DesignConstraint[] {
  const base: DesignConstraint[] = [
    { kind: "input-shape", shape: [p.channelsIn, p.size, p.size] },
    { kind: "output-shape", shape: [p.filters, outSize(p), outSize(p)] },
    { kind: "layer-types", allowed: ["conv2d", "relu", "batchnorm"] },
    { kind: "kernel-sizes", allowed: [p.kernel] },
    { kind: "dilation", value: p.dilation },
    { kind: "conv-count", count: p.layers },
  ];
  if (p.difficulty !== "hard") return base;
  return [...base, { kind: "min-receptive-field", min: referenceField(p) }, { kind: "max-params", max: Math.ceil((referenceParams(p) * 1.1) / 100) * 100 }];
}

export const designDilatedPaddingTemplate: ProblemTemplate<DesignDilatedPaddingParams> = {
  id: "design.dilated-padding",
  topic: "design",
  answerKind: "spec",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("keepSize.title"),
  generate,
  designConstraints: constraints,
  check: (p) => ({ mode: "analyze", spec: reference(p), select: "outputShape" }),

  render(p, key, lang) {
    if (key.kind !== "spec") throw new ProblemError("invalid-variant", `design.dilated-padding: a ${key.kind} key`);
    const t = messages(lang);
    const shapes = { inputShape: inlineShape([p.channelsIn, p.size, p.size]), outputShape: inlineShape([p.filters, outSize(p), outSize(p)]) };
    const task = t(stride(p) === 1 ? "keepSize.promptKeep" : "keepSize.promptHalve", shapes);
    const effective = p.dilation * (p.kernel - 1) + 1;
    const out = Math.floor((p.size + 2 * padding(p) - p.dilation * (p.kernel - 1) - 1) / stride(p)) + 1;
    const reasoning = t("keepSize.solution", {
      effective: `$${p.dilation} \\cdot (${p.kernel} - 1) + 1 = ${effective}$`,
      padding: String(padding(p)),
      outWork: `$\\lfloor (${p.size} + 2 \\cdot ${padding(p)} - ${effective - 1} - 1)/${stride(p)} \\rfloor + 1 = ${out}$`,
    });
    if (out !== outSize(p)) throw new ProblemError("invalid-variant", `design.dilated-padding: the working gives ${out}, not ${outSize(p)}`);
    return { prompt: designPrompt(task, key.value, lang), solution: designSolution(reasoning, reference(p), lang) };
  },

  figure: (p, _key, lang) => referenceFieldFigure(reference(p), lang),

  misconceptions: [
    {
      id: "design-padding-undilated",
      wrongAnswer: () => [{ kind: "output-shape", shape: [] }],
      feedback: (_p, lang) => messages(lang)("keepSize.mistakes.paddingUndilated"),
    },
    {
      id: "design-over-budget",
      wrongAnswer: (p) => (p.difficulty === "hard" ? [{ kind: "max-params", max: 0 }] : null),
      feedback: (_p, lang) => messages(lang)("keepSize.mistakes.budget"),
    },
  ],
};
