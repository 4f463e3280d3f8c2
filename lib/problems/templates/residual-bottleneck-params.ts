import { convOutputSize, type LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { figureMessages } from "../figures/figure.messages";
import { stackFigure } from "../figures/stack-figure";
import { inlineCount, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { residualBottleneckParamsMessages as messages } from "./residual-bottleneck-params.messages";

/**
 * `residual.bottleneck-params`: the trainable parameters of a ResNet bottleneck block, 1×1
 * reduction to `m` channels, 3×3 convolution, 1×1 expansion to `e·m` (He et al. 2016, "Deep
 * Residual Learning for Image Recognition", fig. 5; d2l 7.6 zh / 8.6 en, exercises; torchvision's
 * `Bottleneck`). The key is the engine's `totalParams` of the block.
 *
 * Difficulty follows the terms to count: easy, an identity shortcut (the input already has `e·m`
 * channels) and convolutions with bias, three products; medium, a 1×1 projection shortcut with
 * bias (other channels, sometimes stride 2), four; hard, torchvision's form, convolutions without
 * bias each followed by batch normalization (γ and β counted, running statistics not), with the
 * projection shortcut and its batch normalization.
 */
export interface BottleneckParams {
  difficulty: Difficulty;
  channelsIn: number;
  /** The bottleneck's width `m`. */
  width: number;
  expansion: number;
  size: number;
  stride: number;
  projection: boolean;
  /** torchvision's convolutions without bias, each followed by batch normalization. */
  norm: boolean;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const WIDTHS = [16, 32, 48, 64, 96, 128, 256, 512];
const SIZES = [7, 14, 28, 56];

function generate(rng: Rng): BottleneckParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const width = rng.pick(WIDTHS);
  const expansion = rng.pick([2, 4]);
  const size = rng.pick(SIZES);
  if (difficulty === "easy") return { difficulty, channelsIn: expansion * width, width, expansion, size, stride: 1, projection: false, norm: false };
  // The block that opens a stage: from the previous stage's channels (half of e·m, or the stem's 64), often halving the size.
  const channelsIn = rng.pick([64, (expansion * width) / 2, 2 * width].filter((c) => c !== expansion * width));
  const stride = rng.pick([1, 2]);
  return { difficulty, channelsIn, width, expansion, size, stride, projection: true, norm: difficulty === "hard" };
}

const conv = (filters: number, kernel: number, norm: boolean, stride = 1): LayerSpec[] => [
  { type: "conv2d", filters, kernel, ...(stride === 1 ? {} : { stride }), ...(kernel === 3 ? { padding: 1 } : {}), ...(norm ? { bias: false } : {}) },
  ...(norm ? [{ type: "batchnorm" as const }] : []),
];

/** The block as the engine reads it: torchvision's v1.5 places the stride on the 3×3 convolution. */
function blockSpec(p: BottleneckParams): LayerSpec {
  return {
    type: "residual",
    body: [...conv(p.width, 1, p.norm), { type: "relu" }, ...conv(p.width, 3, p.norm, p.stride), { type: "relu" }, ...conv(p.expansion * p.width, 1, p.norm)],
    shortcut: p.projection ? conv(p.expansion * p.width, 1, p.norm, p.stride) : [],
    activation: "relu",
  };
}

interface Term {
  name: "reduce" | "middle" | "expand" | "shortcut";
  kernel: number;
  channelsIn: number;
  channelsOut: number;
}

function terms(p: BottleneckParams): Term[] {
  const expanded = p.expansion * p.width;
  const list: Term[] = [
    { name: "reduce", kernel: 1, channelsIn: p.channelsIn, channelsOut: p.width },
    { name: "middle", kernel: 3, channelsIn: p.width, channelsOut: p.width },
    { name: "expand", kernel: 1, channelsIn: p.width, channelsOut: expanded },
  ];
  if (p.projection) list.push({ name: "shortcut", kernel: 1, channelsIn: p.channelsIn, channelsOut: expanded });
  return list;
}

interface Rule {
  noShortcut?: boolean;
  weightsOnly?: boolean;
  runningStats?: boolean;
  noExpansion?: boolean;
}

/** `Σ k²·c_i·c_o + c_o` (bias) or `+ 2·c_o` (γ, β) over the convolutions, by the rule. */
function count(p: BottleneckParams, rule: Rule = {}): number {
  return terms(p)
    .filter((term) => !(rule.noShortcut && term.name === "shortcut"))
    .map((term) => {
      const out = rule.noExpansion && term.name !== "reduce" && term.name !== "middle" ? p.width : term.channelsOut;
      const extra = rule.weightsOnly ? 0 : p.norm ? (rule.runningStats ? 4 : 2) * out : out;
      return term.kernel * term.kernel * term.channelsIn * out + extra;
    })
    .reduce((a, b) => a + b, 0);
}

function describeLayers(p: BottleneckParams, lang: Lang): string {
  const t = messages(lang);
  const convLine = (filters: number, kernel: number, stride: number) =>
    t("conv", { kernel: inlineSize(kernel, kernel), filters: `$${filters}$`, stride: String(stride), padding: kernel === 3 ? "1" : "0", bias: p.norm ? "no" : "yes" });
  const lines = [convLine(p.width, 1, 1), ...(p.norm ? [t("batchnorm")] : []), t("relu"), convLine(p.width, 3, p.stride), ...(p.norm ? [t("batchnorm")] : []), t("relu"), convLine(p.expansion * p.width, 1, 1), ...(p.norm ? [t("batchnorm")] : [])];
  return lines.map((line, i) => `${i + 1}. ${line}`).join("\n");
}

function describeShortcut(p: BottleneckParams, lang: Lang): string {
  const t = messages(lang);
  const line = t("conv", { kernel: inlineSize(1, 1), filters: `$${p.expansion * p.width}$`, stride: String(p.stride), padding: "0", bias: p.norm ? "no" : "yes" });
  return p.norm ? `${line}, ${t("batchnorm")}` : line;
}

const outputShape = (p: BottleneckParams) => {
  const size = convOutputSize(p.size, 3, 1, p.stride);
  return [p.expansion * p.width, size, size];
};

export const residualBottleneckParamsTemplate: ProblemTemplate<BottleneckParams> = {
  id: "residual.bottleneck-params",
  topic: "residual",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: { input: [p.channelsIn, p.size, p.size], layers: [blockSpec(p)] }, select: "totalParams" }),

  render(p, key, lang) {
    const t = messages(lang);
    const total = count(p);
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `residual.bottleneck-params: the worked solution gives ${total}, the engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("prompt", {
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
      layers: describeLayers(p, lang),
      shortcut: p.projection ? "projection" : "identity",
      projection: p.projection ? describeShortcut(p, lang) : "",
      norm: p.norm ? "bn" : "bias",
    });
    const steps = terms(p)
      .map((term) => {
        const product = `${term.kernel === 1 ? "" : `${term.kernel}^2 \\cdot `}${term.channelsIn} \\cdot ${term.channelsOut}`;
        const extra = p.norm ? `2 \\cdot ${term.channelsOut}` : `${term.channelsOut}`;
        const value = term.kernel * term.kernel * term.channelsIn * term.channelsOut + (p.norm ? 2 : 1) * term.channelsOut;
        return `- ${t("step", { name: t(`names.${term.name}`), work: `$${product} + ${extra} = ${value}$` })}`;
      })
      .join("\n");
    const solution = t("solution", {
      norm: p.norm ? "bn" : "bias",
      steps,
      total: inlineCount(total),
      output: inlineShape(outputShape(p)),
      stride: String(p.stride),
      expanded: `$${p.expansion * p.width}$`,
    });
    return { prompt, solution };
  },

  // The column of layers with their shapes; the key (a parameter count) is not drawn.
  promptFigure: (p, lang) => {
    const t = messages(lang);
    const inner = convOutputSize(p.size, 3, 1, p.stride);
    return stackFigure(
      [
        { label: figureMessages(lang)("layer.input"), shape: [p.channelsIn, p.size, p.size] },
        { label: t("names.reduce"), shape: [p.width, p.size, p.size] },
        { label: t("names.middle"), shape: [p.width, inner, inner] },
        { label: t("names.expand"), shape: outputShape(p) },
        ...(p.projection ? [{ label: t("names.shortcut"), shape: outputShape(p) }] : []),
      ],
      lang,
    );
  },

  misconceptions: [
    {
      id: "shortcut-always-identity",
      wrongAnswer: (p) => (p.projection ? count(p, { noShortcut: true }) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.shortcutForgotten"),
    },
    {
      id: "forgot-bias-or-norm",
      wrongAnswer: (p) => count(p, { weightsOnly: true }),
      feedback: (p, lang) => messages(lang)("mistakes.forgotBiasOrNorm", { norm: p.norm ? "bn" : "bias" }),
    },
    {
      id: "running-stats-counted",
      wrongAnswer: (p) => (p.norm ? count(p, { runningStats: true }) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.runningStatsCounted"),
    },
    {
      id: "expansion-ignored",
      wrongAnswer: (p) => count(p, { noExpansion: true }),
      feedback: (p, lang) => messages(lang)("mistakes.expansionIgnored", { expanded: `$${p.expansion * p.width}$` }),
    },
  ],
};
