import { specStackFigure } from "../figures/spec-stack-figure";
import type { LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { batchnormMessages as messages } from "./batchnorm.messages";
import { walkLayers } from "./zoo-walk";

/**
 * `bn.params-vs-buffers`: the trainable parameters of a small network with batch normalization
 * (d2l 7.5 zh / 8.5 en): γ and β count (2C per layer), the running mean and variance do not (they
 * are buffers, DESIGN.md "Reference semantics"). The key is the engine's `totalParams`.
 *
 * Difficulties: easy, conv → BN → ReLU; medium, two such stages; hard, a conv stage, pooling and a
 * fully connected layer followed by a 1-D batch normalization, then the output layer.
 */
export interface BnParamsVsBuffersParams {
  difficulty: Difficulty;
  channelsIn: number;
  size: number;
  layers: LayerSpec[];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): BnParamsVsBuffersParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick([1, 3]);
  const size = rng.pick([8, 16, 28, 32]);
  const stage = (): LayerSpec[] => {
    const kernel = rng.pick([3, 5]);
    return [{ type: "conv2d", filters: rng.pick([4, 6, 8, 16, 32]), kernel, padding: (kernel - 1) / 2 }, { type: "batchnorm" }, { type: "relu" }];
  };
  if (difficulty === "easy") return { difficulty, channelsIn, size, layers: stage() };
  if (difficulty === "medium") return { difficulty, channelsIn, size, layers: [...stage(), ...stage()] };
  const layers: LayerSpec[] = [
    ...stage(),
    { type: "maxpool2d", kernel: 2 },
    { type: "flatten" },
    { type: "dense", units: rng.pick([16, 32, 64, 120]) },
    { type: "batchnorm" },
    { type: "relu" },
    { type: "dense", units: 10 },
  ];
  return { difficulty, channelsIn, size: rng.pick([8, 16]), layers };
}

interface LayerCount {
  index: number;
  layer: LayerSpec;
  params: number;
  buffers: number;
  /** γ and β per pixel: the per-pixel misconception's count for a BN after a convolution. */
  perPixel: number;
  work: string;
}

/** Each layer's parameters by d2l's counts: conv `k²·c_i·c_o + c_o`, dense `in·out + out`, BN `2C`. */
function countLayers(p: BnParamsVsBuffersParams): LayerCount[] {
  return walkLayers(p.layers, [p.channelsIn, p.size, p.size]).map(({ index, layer, inputShape }) => {
    const channels = inputShape[0] as number;
    if (layer.type === "conv2d") {
      const k = layer.kernel as number;
      const params = k * k * channels * layer.filters + layer.filters;
      return { index, layer, params, buffers: 0, perPixel: params, work: `$${k} \\cdot ${k} \\cdot ${channels} \\cdot ${layer.filters} + ${layer.filters} = ${params}$` };
    }
    if (layer.type === "dense") {
      const params = channels * layer.units + layer.units;
      return { index, layer, params, buffers: 0, perPixel: params, work: `$${channels} \\cdot ${layer.units} + ${layer.units} = ${params}$` };
    }
    if (layer.type === "batchnorm") {
      const pixels = inputShape.slice(1).reduce((product, size) => product * size, 1);
      return { index, layer, params: 2 * channels, buffers: 2 * channels, perPixel: 2 * channels * pixels, work: `$2 \\cdot ${channels} = ${2 * channels}$` };
    }
    return { index, layer, params: 0, buffers: 0, perPixel: 0, work: "$0$" };
  });
}

function describe(layer: LayerSpec, lang: Lang): string {
  const t = messages(lang);
  switch (layer.type) {
    case "conv2d": {
      const k = layer.kernel as number;
      return t("layer.conv2d", { filters: inlineNumber(layer.filters), kernel: inlineSize(k, k), padding: inlineNumber(layer.padding as number) });
    }
    case "dense":
      return t("layer.dense", { units: inlineNumber(layer.units) });
    case "maxpool2d":
      return t("layer.maxpool2d", { kernel: inlineNumber(layer.kernel as number) });
    case "batchnorm":
      return t("layer.batchnorm");
    case "flatten":
      return t("layer.flatten");
    default:
      return t("layer.relu");
  }
}

const sum = (counts: LayerCount[], field: "params" | "buffers" | "perPixel") => counts.reduce((total, count) => total + count[field], 0);

export const bnParamsVsBuffersTemplate: ProblemTemplate<BnParamsVsBuffersParams> = {
  id: "bn.params-vs-buffers",
  topic: "batchnorm",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("paramsVsBuffers.title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: { input: [p.channelsIn, p.size, p.size], layers: p.layers }, select: "totalParams" }),

  render(p, key, lang) {
    const t = messages(lang);
    const counts = countLayers(p);
    const total = sum(counts, "params");
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `bn.params-vs-buffers: the worked solution gives ${total}, the engine ${JSON.stringify(key.value)}`);
    }
    const layers = p.layers.map((layer, index) => `${index + 1}. ${describe(layer, lang)}`).join("\n");
    const prompt = t("paramsVsBuffers.prompt", { inputShape: inlineShape([p.channelsIn, p.size, p.size]), layers });
    const steps = counts
      .map((count) => `- ${t("paramsVsBuffers.step", { index: String(count.index + 1), name: describe(count.layer, lang), work: count.work })}`)
      .join("\n");
    const solution = t("paramsVsBuffers.solution", {
      steps,
      total: `$${counts.map((count) => count.params).filter((params) => params > 0).join(" + ")} = ${total}$`,
      buffers: inlineNumber(sum(counts, "buffers")),
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    const check = this.check(p);
    return check?.mode === "analyze" ? specStackFigure(check.spec, lang, "none") : null;
  },

  misconceptions: [
    {
      id: "running-stats-counted",
      wrongAnswer: (p) => {
        const counts = countLayers(p);
        return sum(counts, "params") + sum(counts, "buffers");
      },
      feedback: (_p, lang) => messages(lang)("paramsVsBuffers.mistakes.runningStatsCounted"),
    },
    {
      id: "batchnorm-ignored",
      wrongAnswer: (p) => {
        const counts = countLayers(p);
        return sum(counts, "params") - sum(counts, "buffers");
      },
      feedback: (_p, lang) => messages(lang)("paramsVsBuffers.mistakes.batchNormIgnored"),
    },
    {
      id: "per-pixel-scale",
      wrongAnswer: (p) => sum(countLayers(p), "perPixel"),
      feedback: (_p, lang) => messages(lang)("paramsVsBuffers.mistakes.perPixelScale"),
    },
  ],
};
