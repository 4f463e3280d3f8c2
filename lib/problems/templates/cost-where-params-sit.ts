import type { ArchitectureSpec } from "../../engine";
import { ProblemError } from "../errors";
import { specStackFigure } from "../figures/spec-stack-figure";
import { displayMath, inlineCount, inlineNumber, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { conv, type CostLayer, describeLayer, layerSpec, macsConvention, shapeAfter } from "./cost-layers";
import { costWhereParamsSitMessages as messages } from "./cost-where-params-sit.messages";

/**
 * `cost.where-params-sit`: in a LeNet-like or VGG-like network, the parameters or the MACs of its
 * convolutional part or of its fully connected part (NNDL 5.2.4; d2l's LeNet, AlexNet and VGG
 * hold most parameters in their dense layers and most compute in their convolutions). The spec
 * is two `sequential` blocks, features then classifier, and the key is the engine's
 * `subtreeParams` or `subtreeMacs` of one of them.
 *
 * Difficulties: easy, the parameters of a LeNet-like network's two convolutions (no shape to
 * carry); medium, the parameters of the fully connected part, whose first layer's inputs are the
 * flattened shape carried through every convolution and pooling; hard, the MACs of either part,
 * which need every layer's output size.
 */
export interface CostWhereParamsSitParams {
  difficulty: Difficulty;
  input: [number, number, number];
  features: CostLayer[];
  classifier: CostLayer[];
  part: "features" | "classifier";
  asked: "params" | "macs";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function lenetLike(rng: Rng): Pick<CostWhereParamsSitParams, "input" | "features" | "classifier"> {
  const kernel = rng.pick([3, 5]);
  const size = rng.pick([28, 32]);
  return {
    input: [rng.pick([1, 3]), size, size],
    features: [
      { type: "conv", conv: conv(rng.pick([4, 6, 8, 12, 16]), kernel, { padding: (kernel - 1) / 2 }) },
      { type: "relu" },
      { type: "maxpool", kernel: 2 },
      { type: "conv", conv: conv(rng.pick([12, 16, 24, 32]), kernel) },
      { type: "relu" },
      { type: "maxpool", kernel: 2 },
    ],
    classifier: [
      { type: "flatten" },
      { type: "dense", units: rng.pick([64, 100, 120, 128]) },
      { type: "relu" },
      { type: "dense", units: rng.pick([64, 84, 96]) },
      { type: "relu" },
      { type: "dense", units: 10 },
    ],
  };
}

/** Three VGG blocks of 3×3 convolutions with padding 1, each halved by 2×2 max pooling (d2l 7.2 zh / 8.2 en). */
function vggLike(rng: Rng): Pick<CostWhereParamsSitParams, "input" | "features" | "classifier"> {
  const width = rng.pick([8, 16, 32]);
  const size = rng.pick([32, 64]);
  const block = (filters: number, convs: number): CostLayer[] => [
    ...Array.from({ length: convs }, () => [{ type: "conv" as const, conv: conv(filters, 3, { padding: 1 }) }, { type: "relu" as const }]).flat(),
    { type: "maxpool", kernel: 2 },
  ];
  const units = rng.pick([128, 256, 512]);
  return {
    input: [3, size, size],
    features: [...block(width, 1), ...block(2 * width, rng.pick([1, 2])), ...block(4 * width, 2)],
    classifier: [{ type: "flatten" }, { type: "dense", units }, { type: "relu" }, { type: "dense", units }, { type: "relu" }, { type: "dense", units: 10 }],
  };
}

function generate(rng: Rng): CostWhereParamsSitParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") return { difficulty, ...lenetLike(rng), part: "features", asked: "params" };
  if (difficulty === "medium") return { difficulty, ...(rng.pick([true, false]) ? lenetLike(rng) : vggLike(rng)), part: "classifier", asked: "params" };
  return { difficulty, ...(rng.pick([true, false]) ? lenetLike(rng) : vggLike(rng)), part: rng.pick(["features", "classifier"] as const), asked: "macs" };
}

const specOf = (p: CostWhereParamsSitParams): ArchitectureSpec => ({
  input: p.input,
  layers: [
    { type: "sequential", name: "features", layers: p.features.map(layerSpec) },
    { type: "sequential", name: "classifier", layers: p.classifier.map(layerSpec) },
  ],
});

interface Counted {
  layer: CostLayer;
  number: number;
  part: "features" | "classifier";
  inputShape: number[];
  outputShape: number[];
  weights: number;
  biases: number;
  macs: number;
}

/** Every layer's counts by hand: `k²·C_in·C_out + C_out` and `C_out·H·W·k²·C_in`; `in·out + out` and `in·out`. */
function countLayers(p: CostWhereParamsSitParams): Counted[] {
  let shape: number[] = p.input;
  const layers = [...p.features.map((layer) => ({ layer, part: "features" as const })), ...p.classifier.map((layer) => ({ layer, part: "classifier" as const }))];
  return layers.map(({ layer, part }, index) => {
    const inputShape = shape;
    shape = shapeAfter(layer, shape);
    const counted = { layer, number: index + 1, part, inputShape, outputShape: shape, weights: 0, biases: 0, macs: 0 };
    if (layer.type === "conv") {
      const weights = layer.conv.kernel ** 2 * (inputShape[0] as number) * layer.conv.filters;
      return { ...counted, weights, biases: layer.conv.filters, macs: weights * (shape[1] as number) * (shape[2] as number) };
    }
    if (layer.type === "dense") {
      const weights = (inputShape[0] as number) * layer.units;
      return { ...counted, weights, biases: layer.units, macs: weights };
    }
    return counted;
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const partOf = (p: CostWhereParamsSitParams, part = p.part) => countLayers(p).filter((row) => row.part === part);
const countOf = (row: Counted, asked: CostWhereParamsSitParams["asked"]) => (asked === "params" ? row.weights + row.biases : row.macs);
const totalOf = (p: CostWhereParamsSitParams, part = p.part, asked = p.asked) => sum(partOf(p, part).map((row) => countOf(row, asked)));
const otherPart = (p: CostWhereParamsSitParams) => (p.part === "features" ? "classifier" : "features");
const percent = (part: number, whole: number) => Number(((100 * part) / whole).toFixed(1));

export const costWhereParamsSitTemplate: ProblemTemplate<CostWhereParamsSitParams> = {
  id: "cost.where-params-sit",
  topic: "cost",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: specOf(p),
    // Rows in pre-order: the features block at 0, its layers, then the classifier block.
    select: `layers.${p.part === "features" ? 0 : 1 + p.features.length}.${p.asked === "params" ? "subtreeParams" : "subtreeMacs"}`,
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = totalOf(p);
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `cost.where-params-sit: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const all = countLayers(p);
    const layers = all.map((row) => `${row.number}. ${describeLayer(row.layer, lang)}`).join("\n");
    const prompt = t("prompt", {
      inputShape: inlineShape(p.input),
      featuresEnd: String(p.features.length),
      classifierStart: String(p.features.length + 1),
      last: String(all.length),
      layers,
      // The MAC convention matters only where MACs are asked.
      convention: p.asked === "macs" ? macsConvention(lang) : "",
      asked: p.asked,
      part: p.part,
    });
    const shown = partOf(p).filter((row) => row.layer.type === "conv" || row.layer.type === "dense");
    const rows = shown
      .map((row) => {
        const params = `$${row.weights} + ${row.biases} = ${row.weights + row.biases}$`;
        const macs = inlineCount(row.macs);
        return row.layer.type === "conv"
          ? t("convRow", { number: String(row.number), inputShape: inlineShape(row.inputShape), outputShape: inlineShape(row.outputShape), params, macs })
          : t("denseRow", { number: String(row.number), inputs: inlineNumber(row.inputShape[0] as number), outputs: inlineNumber(row.outputShape[0] as number), params, macs });
      })
      .join("\n");
    const work = displayMath(`${shown.map((row) => countOf(row, p.asked)).join(" + ")} = ${worked}`);
    const params = (part: "features" | "classifier") => totalOf(p, part, "params");
    const macs = (part: "features" | "classifier") => totalOf(p, part, "macs");
    const solution = t("solution", {
      rows,
      work,
      answer: inlineCount(key.value),
      denseParamShare: String(percent(params("classifier"), params("classifier") + params("features"))),
      denseMacShare: String(percent(macs("classifier"), macs("classifier") + macs("features"))),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => specStackFigure({ input: p.input, layers: [...p.features, ...p.classifier].map(layerSpec) }, lang, "none"),

  misconceptions: [
    {
      id: "other-part",
      wrongAnswer: (p) => totalOf(p, otherPart(p)),
      feedback: (p, lang) => messages(lang)("mistakes.otherPart", { part: p.part }),
    },
    {
      id: "whole-network",
      wrongAnswer: (p) => totalOf(p) + totalOf(p, otherPart(p)),
      feedback: (p, lang) => messages(lang)("mistakes.wholeNetwork", { part: p.part }),
    },
    {
      id: "forgot-bias",
      wrongAnswer: (p) => (p.asked === "params" ? sum(partOf(p).map((row) => row.weights)) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotBias"),
    },
    {
      id: "params-instead",
      wrongAnswer: (p) => (p.asked === "macs" ? totalOf(p, p.part, "params") : null),
      feedback: (_p, lang) => messages(lang)("mistakes.paramsInstead"),
    },
  ],
};
