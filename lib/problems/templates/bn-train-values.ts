import { batchNormFigure } from "../figures/batchnorm-figure";
import { ProblemError } from "../errors";
import { displayMath, inlineBmatrix } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { batchnormMessages as messages } from "./batchnorm.messages";

/**
 * `bn.train-values`: the output of batch normalization in training mode on a tiny `[N][F]`
 * minibatch, `y = γ·(x − μ_B)/√(σ²_B + ε) + β` with the biased batch variance (d2l 7.5 zh / 8.5 en,
 * eq. 7.5.1; PyTorch `BatchNorm1d`). The key is the engine's `run` of a `batchnorm` op.
 *
 * Difficulties: easy, two examples of one feature (normalized to ±1, nearly); medium, three
 * examples of two features; hard, four examples of two features. Every variant has a scale and a
 * shift other than 1 and 0, as after training.
 */
export interface BnTrainValuesParams {
  difficulty: Difficulty;
  /** `[N][F]`, each feature with at least two distinct values. */
  input: number[][];
  gamma: number[];
  beta: number[];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const EPS = 1e-5;

function generate(rng: Rng): BnTrainValuesParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const count = { easy: 2, medium: 3, hard: 4 }[difficulty];
  const features = difficulty === "easy" ? 1 : 2;
  const input = Array.from({ length: count }, () => Array.from({ length: features }, () => rng.int(0, 9)));
  // A constant feature has variance 0, and one of variance 1 hides a missing square root; the
  // first example moves up until neither holds (at most a few steps for digits 0–9).
  for (let f = 0; f < features; f += 1) {
    while ([0, 1].includes(columnVariance(input.map((row) => row[f] as number)))) (input[0] as number[])[f] = (input[0]?.[f] as number) + 1;
  }
  // Always a scale and a shift other than 1 and 0, so that leaving them out is a visible mistake.
  const gamma = Array.from({ length: features }, () => rng.pick([0.5, 2, 3]));
  const beta = Array.from({ length: features }, () => rng.pick([-1, 1, 2]));
  return { difficulty, input, gamma, beta };
}

/** The biased variance (dividing by n) of one feature over the batch. */
function columnVariance(column: readonly number[]): number {
  const mean = column.reduce((a, b) => a + b, 0) / column.length;
  return column.reduce((a, x) => a + (x - mean) ** 2, 0) / column.length;
}

interface Rule {
  unbiased?: boolean;
  noSqrt?: boolean;
  noScaleShift?: boolean;
}

/** `γ·(x − μ)/√(σ² + ε) + β` per feature over the batch, by the rule (d2l 7.5.1). */
function normalize(p: BnTrainValuesParams, rule: Rule = {}): number[][] {
  const n = p.input.length;
  const columns = (p.input[0] ?? []).map((_, f) => p.input.map((row) => row[f] as number));
  const stats = columns.map((column) => {
    const mean = column.reduce((a, b) => a + b, 0) / n;
    const variance = column.reduce((a, x) => a + (x - mean) ** 2, 0) / (rule.unbiased ? n - 1 : n);
    return { mean, variance };
  });
  return p.input.map((row) =>
    row.map((x, f) => {
      const { mean, variance } = stats[f] as { mean: number; variance: number };
      const scaled = (x - mean) / (rule.noSqrt ? variance + EPS : Math.sqrt(variance + EPS));
      return rule.noScaleShift ? scaled : (p.gamma[f] as number) * scaled + (p.beta[f] as number);
    }),
  );
}

/** `+ 2` or `- 1`, a shift written after a term. */
const signed = (x: number) => (x < 0 ? `- ${-x}` : `+ ${x}`);

const round3 = (x: number) => Math.round(x * 1000) / 1000 + 0;

const FORMULA = displayMath("\\mu = \\frac{1}{n} \\sum_i x_i, \\quad \\sigma^2 = \\frac{1}{n} \\sum_i (x_i - \\mu)^2, \\quad y_i = \\gamma \\frac{x_i - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta");

export const bnTrainValuesTemplate: ProblemTemplate<BnTrainValuesParams> = {
  id: "bn.train-values",
  topic: "batchnorm",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  // Per entry: three decimals of a value near ±1 are within 1e-2; the engine computes in float32.
  tolerance: 1e-2,
  title: (lang) => messages(lang)("trainValues.title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "batchnorm", mode: "train", input: p.input, gamma: p.gamma, beta: p.beta, eps: EPS },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = normalize(p);
    const agrees =
      key.kind === "matrix" &&
      key.value.length === worked.length &&
      key.value.every((row, i) => row.every((x, f) => Math.abs(x - (worked[i]?.[f] ?? NaN)) <= 1e-4 * Math.max(1, Math.abs(x))));
    if (!agrees) {
      throw new ProblemError("invalid-variant", `bn.train-values: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const n = p.input.length;
    const features = p.gamma.length;
    const prompt = t("trainValues.prompt", {
      count: String(n),
      features,
      input: inlineBmatrix(p.input),
      gamma: `$\\gamma = ${features === 1 ? p.gamma[0] : `(${p.gamma.join(", ")})`}$`,
      beta: `$\\beta = ${features === 1 ? p.beta[0] : `(${p.beta.join(", ")})`}$`,
      epsilon: "$\\epsilon = 10^{-5}$",
    });
    const steps = p.gamma
      .map((gamma, f) => {
        const column = p.input.map((row) => row[f] as number);
        const mean = column.reduce((a, b) => a + b, 0) / n;
        const variance = column.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
        const work =
          `$\\mu = ${round3(mean)},\\ \\sigma^2 = ${round3(variance)},\\ y = ${gamma} \\cdot \\frac{x - ${round3(mean)}}{\\sqrt{${round3(variance)} + \\epsilon}} ${signed(p.beta[f] as number)}` +
          ` \\to (${worked.map((row) => round3(row[f] as number)).join(", ")})$`;
        return `- ${t("trainValues.feature", { index: String(f + 1), work })}`;
      })
      .join("\n");
    const solution = t("trainValues.solution", { formula: FORMULA, steps, answer: inlineBmatrix(worked.map((row) => row.map(round3))) });
    return { prompt, solution };
  },

  figure: (p, key, lang) => (key.kind === "matrix" ? batchNormFigure({ ...p, output: key.value }, lang) : null),

  misconceptions: [
    {
      id: "unbiased-variance",
      wrongAnswer: (p) => normalize(p, { unbiased: true }),
      feedback: (_p, lang) => messages(lang)("trainValues.mistakes.unbiasedVariance"),
    },
    {
      id: "forgot-sqrt",
      wrongAnswer: (p) => normalize(p, { noSqrt: true }),
      feedback: (_p, lang) => messages(lang)("trainValues.mistakes.forgotSqrt"),
    },
    {
      id: "forgot-scale-shift",
      wrongAnswer: (p) => normalize(p, { noScaleShift: true }),
      feedback: (_p, lang) => messages(lang)("trainValues.mistakes.forgotScaleShift"),
    },
  ],
};

