import { ProblemError } from "../errors";
import { matrixFigure } from "../figures/matrix-figure";
import { displayMath, texMatrix } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { normLayerVsBatchMessages as messages } from "./norm-layer-vs-batch.messages";

/**
 * `norm.layer-vs-batch`: layer normalization of a small minibatch written with one column per
 * example (NNDL 7.5.2; d2l.ai 8.5.2 contrasts it with batch normalization): each column is
 * normalized over its own features, `(x − μ)/√(σ² + ε)` with the biased variance, γ = 1, β = 0.
 *
 * The engine has no layer-norm op; the key is its `batchnorm` in training mode on the matrix as
 * written: batch normalization of an `[N][F]` input normalizes each column, and a column here is
 * one example, so it is layer normalization of the examples (batch norm of the transposed
 * `[examples][features]` matrix, transposed back). The tests check that identity against hand numbers.
 *
 * Difficulty follows the size of each example's statistics: easy, two features (every output near
 * ±1); medium, three features of two examples; hard, four features of three examples.
 */
export interface NormLayerVsBatchParams {
  difficulty: Difficulty;
  /** `[features][examples]`: one column per example. */
  input: number[][];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const EPS = 1e-5;

function generate(rng: Rng): NormLayerVsBatchParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const [features, examples] = { easy: [2, 3], medium: [3, 2], hard: [4, 3] }[difficulty] as [number, number];
  const input = Array.from({ length: features }, () => Array.from({ length: examples }, () => rng.int(0, 9)));
  // Every example (column) and every feature (row) must vary, so that neither normalization divides ~0 by ~0.
  for (let e = 0; e < examples; e += 1) {
    while (new Set(input.map((row) => row[e])).size === 1) (input[0] as number[])[e] = (input[0]?.[e] as number) + 1;
  }
  for (const row of input) {
    while (new Set(row).size === 1) row[0] = (row[0] as number) + 1;
  }
  return { difficulty, input };
}

interface Rule {
  batchAxis?: boolean;
  unbiased?: boolean;
  noSqrt?: boolean;
}

const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Per-column statistics (layer norm here) or, by the rule, per-row ones (batch norm). */
function columnStats(p: NormLayerVsBatchParams, rule: Rule = {}): { mean: number; variance: number }[] {
  const columns = (p.input[0] ?? []).map((_, e) => p.input.map((row) => row[e] as number));
  return columns.map((xs) => {
    const mean = meanOf(xs);
    return { mean, variance: xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (rule.unbiased ? xs.length - 1 : xs.length) };
  });
}

function normalize(p: NormLayerVsBatchParams, rule: Rule = {}): number[][] {
  if (rule.batchAxis) {
    return p.input.map((row) => {
      const mean = meanOf(row);
      const variance = row.reduce((a, x) => a + (x - mean) ** 2, 0) / row.length;
      return row.map((x) => (x - mean) / Math.sqrt(variance + EPS));
    });
  }
  const stats = columnStats(p, rule);
  return p.input.map((row) =>
    row.map((x, e) => {
      const { mean, variance } = stats[e] as { mean: number; variance: number };
      return (x - mean) / (rule.noSqrt ? variance + EPS : Math.sqrt(variance + EPS));
    }),
  );
}

const round3 = (x: number) => Math.round(x * 1000) / 1000 + 0;
const close = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) =>
  a.length === b.length && a.every((row, i) => row.length === b[i]?.length && row.every((x, j) => Math.abs(x - (b[i]?.[j] ?? NaN)) <= 1e-2 * Math.max(1, Math.abs(x))));

/** A wrong rule's matrix, or `null` where the key's tolerance cannot tell it from the key. */
function apart(p: NormLayerVsBatchParams, wrong: number[][]): number[][] | null {
  return close(wrong, normalize(p)) ? null : wrong;
}

export const normLayerVsBatchTemplate: ProblemTemplate<NormLayerVsBatchParams> = {
  id: "norm.layer-vs-batch",
  topic: "batchnorm",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  // Per entry: three decimals of values near ±1; the engine computes in float32.
  tolerance: 1e-2,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "run", op: { op: "batchnorm", mode: "train", input: p.input, eps: EPS }, select: "output" }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = normalize(p);
    if (key.kind !== "matrix" || !close(key.value, worked)) {
      throw new ProblemError("invalid-variant", `norm.layer-vs-batch: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const features = p.input.length;
    const prompt = t("prompt", {
      count: String(p.input[0]?.length ?? 0),
      features: String(features),
      featuresLess: String(features - 1),
      input: displayMath(texMatrix(p.input)),
      epsilon: "$\\epsilon = 10^{-5}$",
      vector: "$\\boldsymbol x^{(n)}$",
    });
    const steps = columnStats(p)
      .map(({ mean, variance }, e) => {
        const xs = p.input.map((row) => row[e] as number);
        const work = `$\\mu = \\frac{${xs.join(" + ")}}{${features}} = ${round3(mean)},\\ \\sigma^2 = ${round3(variance)},\\ \\frac{x - ${round3(mean)}}{\\sqrt{${round3(variance)} + \\epsilon}} \\to (${worked.map((row) => round3(row[e] as number)).join(", ")})$`;
        return `- ${t("column", { index: String(e + 1), work })}`;
      })
      .join("\n");
    const solution = t("solution", { steps, answer: displayMath(texMatrix(worked.map((row) => row.map(round3)))) });
    return { prompt, solution };
  },

  figure: (p, key, lang) => {
    if (key.kind !== "matrix") return null;
    const t = messages(lang);
    const stats = columnStats(p);
    const svg = matrixFigure(t("figureTitle"), [
      [
        { caption: t("figureInput"), cells: p.input },
        "\u2192",
        { caption: t("figureMean"), cells: [stats.map((s) => round3(s.mean))] },
        { caption: t("figureVariance"), cells: [stats.map((s) => round3(s.variance))] },
      ],
      [{ caption: t("figureOutput"), cells: key.value.map((row) => row.map(round3)) }],
    ]);
    return { svg, alt: t("figureAlt") };
  },

  misconceptions: [
    {
      id: "batch-norm-axis",
      wrongAnswer: (p) => apart(p, normalize(p, { batchAxis: true })),
      feedback: (_p, lang) => messages(lang)("mistakes.batchAxis"),
    },
    {
      id: "unbiased-variance",
      wrongAnswer: (p) => apart(p, normalize(p, { unbiased: true })),
      feedback: (p, lang) => messages(lang)("mistakes.unbiasedVariance", { features: String(p.input.length), featuresLess: String(p.input.length - 1) }),
    },
    {
      id: "forgot-sqrt",
      wrongAnswer: (p) => apart(p, normalize(p, { noSqrt: true })),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotSqrt"),
    },
  ],
};
