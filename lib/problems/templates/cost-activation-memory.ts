import type { ArchitectureSpec } from "../../engine";
import { ProblemError } from "../errors";
import { specStackFigure } from "../figures/spec-stack-figure";
import { displayMath, inlineCount, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { costActivationMemoryMessages as messages } from "./cost-activation-memory.messages";
import { conv, type CostLayer, describeLayer, layerSpec, shapeAfter } from "./cost-layers";

/**
 * `cost.activation-memory`: the float32 memory of one layer's output, or of every layer's output
 * in a small network, in bytes, KiB or MiB: what the forward pass keeps for backpropagation when
 * nothing is computed in place. The key is the engine's `outputBytes` of the layer, or its
 * `totalOutputKiB` / `totalOutputMiB` for the network (float32, 1 KiB = 1024 B).
 *
 * Difficulties: easy, the one layer is a convolution that keeps the size, answered in bytes;
 * medium, one layer of a four-layer stack (convolution, ReLU, max pooling, convolution), whose
 * shape is carried to it, in bytes; hard, every layer's output of a LeNet-like network (ten layers,
 * flatten and dense ones included), in KiB, or in MiB for inputs of 96 × 96 and larger.
 */
export interface CostActivationMemoryParams {
  difficulty: Difficulty;
  input: [number, number, number];
  layers: CostLayer[];
  /** 0-based index of the asked layer; `null` for the whole network. */
  target: number | null;
  unit: "bytes" | "KiB" | "MiB";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const BYTES_PER_UNIT = { bytes: 1, KiB: 1024, MiB: 1024 * 1024 } as const;

function generate(rng: Rng): CostActivationMemoryParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const kernel = rng.pick([1, 3, 5]);
    const size = rng.int(4, 32);
    return { difficulty, input: [rng.pick([1, 3, 16]), size, size], layers: [{ type: "conv", conv: conv(rng.pick([4, 8, 16, 32, 64]), kernel, { padding: (kernel - 1) / 2 }) }], target: 0, unit: "bytes" };
  }
  if (difficulty === "medium") {
    const size = rng.int(16, 64);
    const kernel = rng.pick([3, 5]);
    const layers: CostLayer[] = [
      { type: "conv", conv: conv(rng.pick([8, 16, 32, 64]), kernel, { padding: rng.int(0, (kernel - 1) / 2) }) },
      { type: "relu" },
      { type: "maxpool", kernel: 2 },
      { type: "conv", conv: conv(rng.pick([16, 32, 64, 128]), 3, { stride: rng.pick([1, 2]), padding: 1 }) },
    ];
    return { difficulty, input: [rng.pick([1, 3]), size, size], layers, target: rng.pick([0, 2, 3]), unit: "bytes" };
  }
  // MiB from 96 up, where every network keeps at least 0.7 MiB: a fraction of a MiB would read
  // better in KiB, and stays off the answer hints' examples (0.37, 1/7; lib/grading/answer-examples).
  const size = rng.pick([28, 32, 40, 48, 56, 64, 96, 112, 128]);
  const kernel = rng.pick([3, 5]);
  const layers: CostLayer[] = [
    { type: "conv", conv: conv(rng.pick([6, 8, 16, 32]), kernel, { padding: (kernel - 1) / 2 }) },
    { type: "relu" },
    { type: "maxpool", kernel: 2 },
    { type: "conv", conv: conv(rng.pick([16, 32, 64]), kernel) },
    { type: "relu" },
    { type: "maxpool", kernel: 2 },
    { type: "flatten" },
    { type: "dense", units: rng.pick([84, 120, 256, 512]) },
    { type: "relu" },
    { type: "dense", units: 10 },
  ];
  return { difficulty, input: [rng.pick([1, 3]), size, size], layers, target: null, unit: size >= 96 ? "MiB" : "KiB" };
}

const specOf = (p: CostActivationMemoryParams): ArchitectureSpec => ({ input: p.input, layers: p.layers.map(layerSpec) });

/** Every layer's output shape and size, by hand. */
function shapesOf(p: CostActivationMemoryParams): { shape: number[]; count: number }[] {
  let shape: number[] = p.input;
  return p.layers.map((layer) => {
    shape = shapeAfter(layer, shape);
    return { shape, count: shape.reduce((a, b) => a * b, 1) };
  });
}

/** The values counted: the asked layer's, or every layer's. */
function valuesCounted(p: CostActivationMemoryParams, keep: (layer: CostLayer) => boolean = () => true): number {
  const rows = shapesOf(p);
  if (p.target !== null) return rows[p.target]?.count ?? NaN;
  return rows.filter((_, index) => keep(p.layers[index] as CostLayer)).reduce((sum, row) => sum + row.count, 0);
}

const inUnit = (p: CostActivationMemoryParams, values: number, bytesPerUnit: number = BYTES_PER_UNIT[p.unit]) => (values * 4) / bytesPerUnit;

/** The engine's field for the whole network's float32 activations in each unit. */
const TOTAL_FIELD = { bytes: "totalOutputBytes", KiB: "totalOutputKiB", MiB: "totalOutputMiB" } as const;

function listLayers(p: CostActivationMemoryParams, lang: Lang): string {
  return p.layers.map((layer, index) => `${index + 1}. ${describeLayer(layer, lang)}`).join("\n");
}

export const costActivationMemoryTemplate: ProblemTemplate<CostActivationMemoryParams> = {
  id: "cost.activation-memory",
  topic: "cost",
  answerKind: "number",
  difficulties: DIFFICULTIES,
  tolerance: 1e-3,
  title: (lang) => messages(lang)("title"),
  generate,

  check(p) {
    // A layer's memory is asked in bytes, the engine's per-layer field; the network's in KiB or MiB.
    if (p.target !== null && p.unit !== "bytes") throw new ProblemError("invalid-variant", `cost.activation-memory: one layer's memory is asked in bytes, not ${p.unit}`);
    return { mode: "analyze", spec: specOf(p), select: p.target === null ? TOTAL_FIELD[p.unit] : `layers.${p.target}.outputBytes` };
  },

  render(p, key, lang) {
    const t = messages(lang);
    const values = valuesCounted(p);
    const worked = inUnit(p, values);
    if (key.kind !== "number" || Math.abs(key.value - worked) > 1e-9 * Math.max(1, worked)) {
      throw new ProblemError("invalid-variant", `cost.activation-memory: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const args = { inputShape: inlineShape(p.input), layers: listLayers(p, lang), unit: p.unit };
    const prompt = p.target === null ? t("networkPrompt", args) : t("layerPrompt", { ...args, target: String(p.target + 1) });
    const rows = shapesOf(p)
      .map((row, index) => ({ ...row, number: index + 1 }))
      .filter((row) => p.target === null || row.number === p.target + 1)
      .map((row) => t("row", { number: String(row.number), shape: `$${row.shape.join(" \\times ")}$`, count: inlineCount(row.count) }))
      .join("\n");
    const counts = shapesOf(p).map((row) => row.count);
    const sumTex = p.target === null ? `(${counts.join(" + ")}) = ${values}` : String(values);
    const unitTex = p.unit === "bytes" ? "" : p.unit === "KiB" ? " / 1024" : " / 1024^2";
    const rounded = Number(worked.toPrecision(6));
    const work = displayMath(`${sumTex} \\times 4\\ \\text{B}${unitTex} ${rounded === worked ? "=" : "\\approx"} ${rounded}\\ \\text{${p.unit === "bytes" ? "B" : p.unit}}`);
    const answer = Number.isInteger(worked) ? inlineCount(worked) : `$${rounded}$`;
    return { prompt, solution: t("solution", { rows, work, answer, unit: p.unit }) };
  },

  figure: (p, _key, lang) => specStackFigure(specOf(p), lang, p.target === null ? "none" : "last"),

  misconceptions: [
    {
      id: "elements-not-bytes",
      wrongAnswer: (p) => inUnit(p, valuesCounted(p)) / 4,
      feedback: (_p, lang) => messages(lang)("mistakes.elementsNotBytes"),
    },
    {
      id: "decimal-kilobytes",
      wrongAnswer: (p) => (p.unit === "bytes" ? null : inUnit(p, valuesCounted(p), p.unit === "KiB" ? 1000 : 1000 * 1000)),
      feedback: (_p, lang) => messages(lang)("mistakes.decimalKilobytes"),
    },
    {
      id: "input-counted",
      wrongAnswer: (p) => (p.target === null ? inUnit(p, valuesCounted(p) + p.input[0] * p.input[1] * p.input[2]) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.inputCounted"),
    },
    {
      id: "activations-in-place",
      wrongAnswer: (p) => (p.target === null ? inUnit(p, valuesCounted(p, (layer) => layer.type !== "relu" && layer.type !== "flatten")) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.activationsInPlace"),
    },
  ],
};
