import { convOutputSize, type LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { figureMessages } from "../figures/figure.messages";
import { stackFigure } from "../figures/stack-figure";
import { inlineCount, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { residualResnextParamsMessages as messages } from "./residual-resnext-params.messages";

/**
 * `residual.resnext-params`: the trainable parameters of d2l's `ResNeXtBlock` (d2l.ai 8.6, the
 * ResNeXt block; Xie et al. 2017, "Aggregated Residual Transformations"): 1×1 convolution to `b`
 * channels, a 3×3 convolution with `g` groups, 1×1 convolution to `c`, each with bias and followed
 * by batch normalization; the shortcut is the identity or a 1×1 convolution with batch
 * normalization. The key is the engine's `params` of the grouped layer or `totalParams`.
 *
 * Difficulty follows the terms to count: easy, the grouped 3×3 convolution alone (one product
 * divided by g, plus biases); medium, the whole block with an identity shortcut (three
 * convolutions and three batch normalizations); hard, the whole block opening a stage: other input
 * channels, stride 2 and a projection shortcut with its batch normalization.
 */
export interface ResnextParams {
  difficulty: Difficulty;
  channelsIn: number;
  /** The block's output channels `c`. */
  channels: number;
  /** The bottleneck's channels `b`, which the 3×3 convolution keeps. */
  bottleneck: number;
  groups: number;
  size: number;
  stride: number;
  projection: boolean;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
/** The grouped layer's place in the engine's pre-order rows: residual, conv, BN, ReLU, grouped conv. */
const MIDDLE_ROW = 4;

function generate(rng: Rng): ResnextParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channels = rng.pick([64, 128, 256, 512]);
  const bottleneck = difficulty === "easy" ? rng.pick([32, 48, 64, 96, 128, 192, 256, 384, 512]) : channels * rng.pick([0.25, 0.5, 1]);
  // At least 4 channels a group, as in every ResNeXt (32 groups of 4 at the narrowest).
  const groups = rng.pick([2, 4, 8, 16, 32].filter((g) => bottleneck % g === 0 && bottleneck / g >= 4));
  const size = rng.pick([12, 24, 28, 48, 56, 96]);
  if (difficulty !== "hard") return { difficulty, channelsIn: channels, channels, bottleneck, groups, size, stride: 1, projection: false };
  return { difficulty, channelsIn: channels / 2, channels, bottleneck, groups, size, stride: 2, projection: true };
}

const normed = (layer: LayerSpec): LayerSpec[] => [layer, { type: "batchnorm" }];

/** d2l's `ResNeXtBlock`: convolutions with bias (`nn.LazyConv2d`), batch normalization after each. */
function blockSpec(p: ResnextParams): LayerSpec {
  return {
    type: "residual",
    body: [
      ...normed({ type: "conv2d", filters: p.bottleneck, kernel: 1 }),
      { type: "relu" },
      ...normed({ type: "conv2d", filters: p.bottleneck, kernel: 3, padding: 1, groups: p.groups, ...(p.stride === 1 ? {} : { stride: p.stride }) }),
      { type: "relu" },
      ...normed({ type: "conv2d", filters: p.channels, kernel: 1 }),
    ],
    shortcut: p.projection ? normed({ type: "conv2d", filters: p.channels, kernel: 1, stride: p.stride }) : [],
    activation: "relu",
  };
}

interface Term {
  name: "reduce" | "middle" | "expand" | "shortcut";
  kernel: number;
  channelsIn: number;
  channelsOut: number;
  groups: number;
}

function terms(p: ResnextParams): Term[] {
  const list: Term[] = [
    { name: "reduce", kernel: 1, channelsIn: p.channelsIn, channelsOut: p.bottleneck, groups: 1 },
    { name: "middle", kernel: 3, channelsIn: p.bottleneck, channelsOut: p.bottleneck, groups: p.groups },
    { name: "expand", kernel: 1, channelsIn: p.bottleneck, channelsOut: p.channels, groups: 1 },
  ];
  if (p.projection) list.push({ name: "shortcut", kernel: 1, channelsIn: p.channelsIn, channelsOut: p.channels, groups: 1 });
  return list;
}

const asksMiddle = (p: ResnextParams) => p.difficulty === "easy";

interface Rule {
  /** The grouped layer's divisor in place of g. */
  divisor?: (p: ResnextParams) => number;
  noNorm?: boolean;
  noShortcut?: boolean;
}

/** `k²·(c_i/g)·c_o + c_o` per convolution, `+ 2·c_o` for the batch normalization after it. */
function count(p: ResnextParams, rule: Rule = {}): number {
  return terms(p)
    .filter((term) => (asksMiddle(p) ? term.name === "middle" : !(rule.noShortcut && term.name === "shortcut")))
    .map((term) => {
      const divisor = term.name === "middle" && rule.divisor ? rule.divisor(p) : term.groups;
      const norm = asksMiddle(p) || rule.noNorm ? 0 : 2 * term.channelsOut;
      return (term.kernel * term.kernel * term.channelsIn * term.channelsOut) / divisor + term.channelsOut + norm;
    })
    .reduce((a, b) => a + b, 0);
}

function convLine(lang: Lang, kernel: number, filters: number, groups: number, stride: number): string {
  return messages(lang)("conv", { kernel: inlineSize(kernel, kernel), filters: `$${filters}$`, groups: String(groups), stride: String(stride), padding: kernel === 3 ? "1" : "0" });
}

function describeLayers(p: ResnextParams, lang: Lang): string {
  const t = messages(lang);
  const lines = [
    convLine(lang, 1, p.bottleneck, 1, 1), t("batchnorm"), t("relu"),
    convLine(lang, 3, p.bottleneck, p.groups, p.stride), t("batchnorm"), t("relu"),
    convLine(lang, 1, p.channels, 1, 1), t("batchnorm"),
  ];
  return lines.map((line, i) => `${i + 1}. ${line}`).join("\n");
}

const outputShape = (p: ResnextParams) => {
  const size = convOutputSize(p.size, 3, 1, p.stride);
  return [p.channels, size, size];
};

export const residualResnextParamsTemplate: ProblemTemplate<ResnextParams> = {
  id: "residual.resnext-params",
  topic: "residual",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [p.channelsIn, p.size, p.size], layers: [blockSpec(p)] },
    select: asksMiddle(p) ? `layers.${MIDDLE_ROW}.params` : "totalParams",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const total = count(p);
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `residual.resnext-params: the worked solution gives ${total}, the engine ${JSON.stringify(key.value)}`);
    }
    const asked = asksMiddle(p) ? "middle" : "block";
    const prompt = t("prompt", {
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
      layers: describeLayers(p, lang),
      shortcut: p.projection ? "projection" : "identity",
      projection: p.projection ? convLine(lang, 1, p.channels, 1, p.stride) : "",
      asked,
    });
    const steps = terms(p)
      .filter((term) => !asksMiddle(p) || term.name === "middle")
      .map((term) => {
        const inputs = term.groups === 1 ? `${term.channelsIn}` : `(${term.channelsIn} / ${term.groups})`;
        const product = `${term.kernel === 1 ? "" : `${term.kernel}^2 \\cdot `}${inputs} \\cdot ${term.channelsOut}`;
        const value = (term.kernel * term.kernel * term.channelsIn * term.channelsOut) / term.groups + term.channelsOut;
        const norm = asksMiddle(p) ? "" : ` + 2 \\cdot ${term.channelsOut}`;
        const withNorm = asksMiddle(p) ? value : value + 2 * term.channelsOut;
        return `- ${t("step", { name: t(`names.${term.name}`), work: `$${product} + ${term.channelsOut}${norm} = ${withNorm}$` })}`;
      })
      .join("\n");
    const solution = t("solution", { steps, asked, total: inlineCount(total), output: inlineShape(outputShape(p)) });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => {
    const t = messages(lang);
    const inner = convOutputSize(p.size, 3, 1, p.stride);
    return stackFigure(
      [
        { label: figureMessages(lang)("layer.input"), shape: [p.channelsIn, p.size, p.size] },
        { label: t("names.reduce"), shape: [p.bottleneck, p.size, p.size] },
        { label: t("names.middle"), shape: [p.bottleneck, inner, inner], highlight: asksMiddle(p) },
        { label: t("names.expand"), shape: outputShape(p) },
        ...(p.projection ? [{ label: t("names.shortcut"), shape: outputShape(p) }] : []),
      ],
      lang,
    );
  },

  misconceptions: [
    {
      id: "groups-ignored",
      wrongAnswer: (p) => count(p, { divisor: () => 1 }),
      feedback: (p, lang) => messages(lang)("mistakes.groupsIgnored", { groups: String(p.groups) }),
    },
    {
      id: "groups-as-width",
      // Taking g as the channels a group holds divides by b/g; the same number when g² = b.
      wrongAnswer: (p) => (p.groups * p.groups === p.bottleneck ? null : count(p, { divisor: (q) => q.bottleneck / q.groups })),
      feedback: (p, lang) => messages(lang)("mistakes.groupsAsWidth", { groups: String(p.groups), perGroup: String(p.bottleneck / p.groups) }),
    },
    {
      id: "batchnorm-ignored",
      wrongAnswer: (p) => (asksMiddle(p) ? null : count(p, { noNorm: true })),
      feedback: (_p, lang) => messages(lang)("mistakes.batchNormIgnored"),
    },
    {
      id: "shortcut-always-identity",
      wrongAnswer: (p) => (p.projection ? count(p, { noShortcut: true }) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.shortcutForgotten"),
    },
  ],
};
