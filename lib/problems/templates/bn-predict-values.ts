import { ProblemError } from "../errors";
import { displayMath, inlineBmatrix } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { bnPredictValuesMessages as messages } from "./bn-predict-values.messages";

/**
 * `bn.predict-values`: batch normalization's running statistics (d2l 7.5 zh / 8.5 en; PyTorch
 * `BatchNorm1d`). Easy, one output in prediction (eval) mode, normalized with the running mean and
 * variance; medium, the running mean after one training batch, in d2l's convention (`moving =
 * momentum·moving + (1 − momentum)·batch`, momentum 0.9 or 0.8) or PyTorch's (`running = (1 −
 * momentum)·running + momentum·batch`, momentum 0.1 or 0.2), stated; hard, PyTorch's running
 * variance after one batch, which takes the batch's unbiased variance (d2l's code takes the
 * biased one, which the engine does not compute, so hard states PyTorch's rule only).
 *
 * The key is the engine's `run` of a `batchnorm` op: `output` in eval mode, `running_mean` or
 * `running_var` in train mode (the engine's momentum is PyTorch's; d2l's 0.9 is PyTorch's 0.1).
 */
export interface BnPredictValuesParams {
  difficulty: Difficulty;
  /** `[N][F]`. */
  input: number[][];
  runningMean: number[];
  runningVar: number[];
  gamma: number[];
  beta: number[];
  convention: "d2l" | "pytorch";
  /** As the convention states it: d2l's weight of the old value, PyTorch's weight of the batch. */
  momentum: number;
  /** Zero-based example and feature of the asked value. */
  row: number;
  feature: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const EPS = 1e-5;
/** Variances with a short square root, so the working stays on paper. */
const VARIANCES = [0.25, 0.64, 1, 2.25, 4, 6.25, 9];

/**
 * The numbers the answer box shows as examples (lib/grading/answer-examples.ts, NUMBER_EXAMPLES:
 * 0.37, 2.5e-3, 1/7, (31+2-4)/2+1): a key must never be one, or the hint would give it away.
 */
const HINT_VALUES = [0.37, 0.0025, 1 / 7, 15.5];

function generate(rng: Rng): BnPredictValuesParams {
  for (;;) {
    const p = draw(rng);
    const key = worked(p);
    if (HINT_VALUES.every((hint) => Math.abs(key - hint) > 1e-2 * Math.max(1, hint))) return p;
  }
}

function draw(rng: Rng): BnPredictValuesParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const features = rng.pick([1, 2]);
  const count = difficulty === "hard" ? rng.pick([3, 4]) : 3;
  const input = Array.from({ length: count }, () => Array.from({ length: features }, () => rng.int(-4, 9)));
  // A constant feature has no batch variance: the first example moves until the feature varies.
  for (let f = 0; f < features; f += 1) {
    while (input.every((row) => row[f] === input[0]?.[f])) (input[0] as number[])[f] = (input[0]?.[f] as number) + 1;
  }
  const runningMean = Array.from({ length: features }, () => rng.pick([-1, -0.5, 0, 0.5, 1, 1.5, 2, 3]));
  const runningVar = Array.from({ length: features }, () => rng.pick(VARIANCES));
  const gamma = Array.from({ length: features }, () => rng.pick([0.5, 1.5, 2, 3]));
  const beta = Array.from({ length: features }, () => rng.pick([-1, 0.5, 1, 2]));
  const convention = difficulty === "medium" ? rng.pick(["d2l", "pytorch"] as const) : "pytorch";
  const momentum = convention === "d2l" ? rng.pick([0.9, 0.8]) : difficulty === "easy" ? 0.1 : rng.pick([0.1, 0.2]);
  const row = rng.int(0, count - 1);
  const feature = rng.int(0, features - 1);
  // An input at the running mean would give β whatever the rest: the mean moves half a unit.
  if (input[row]?.[feature] === runningMean[feature]) runningMean[feature] = (runningMean[feature] as number) + 0.5;
  return { difficulty, input, runningMean, runningVar, gamma, beta, convention, momentum, row, feature };
}

/** PyTorch's momentum, the weight of the batch. */
const batchWeight = (p: BnPredictValuesParams) => (p.convention === "d2l" ? round(1 - p.momentum) : p.momentum);
const round = (x: number, places = 6) => Math.round(x * 10 ** places) / 10 ** places + 0;
const column = (p: BnPredictValuesParams) => p.input.map((row) => row[p.feature] as number);
const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const squares = (xs: readonly number[]) => xs.reduce((a, x) => a + (x - meanOf(xs)) ** 2, 0);
const stat = (p: BnPredictValuesParams): "mean" | "var" => (p.difficulty === "hard" ? "var" : "mean");

interface Rule {
  batchStats?: boolean;
  noSqrt?: boolean;
  noScaleShift?: boolean;
  swapped?: boolean;
  batchOnly?: boolean;
  biased?: boolean;
}

/** The asked value worked by hand, by the rule (d2l 7.5.1 zh / 8.5.1 en; PyTorch's docs for the update). */
function worked(p: BnPredictValuesParams, rule: Rule = {}): number {
  const f = p.feature;
  const xs = column(p);
  if (p.difficulty === "easy") {
    const mean = rule.batchStats ? meanOf(xs) : (p.runningMean[f] as number);
    const variance = rule.batchStats ? squares(xs) / xs.length : (p.runningVar[f] as number);
    const scaled = ((xs[p.row] as number) - mean) / (rule.noSqrt ? variance + EPS : Math.sqrt(variance + EPS));
    return rule.noScaleShift ? scaled : (p.gamma[f] as number) * scaled + (p.beta[f] as number);
  }
  const batch = stat(p) === "mean" ? meanOf(xs) : squares(xs) / (rule.biased ? xs.length : xs.length - 1);
  const old = stat(p) === "mean" ? (p.runningMean[f] as number) : (p.runningVar[f] as number);
  if (rule.batchOnly) return batch;
  const w = rule.swapped ? 1 - batchWeight(p) : batchWeight(p);
  return (1 - w) * old + w * batch;
}

/** A wrong rule's answer, or `null` where it lands within the tolerance of the key (that variant cannot tell them apart). */
function apart(p: BnPredictValuesParams, wrong: number | null): number | null {
  if (wrong === null) return null;
  const key = worked(p);
  return Math.abs(wrong - key) <= 4e-3 * Math.max(1, Math.abs(key)) ? null : wrong;
}

const vector = (values: readonly number[]) => (values.length === 1 ? `$${values[0]}$` : `$(${values.join(", ")})$`);
const r3 = (x: number) => round(x, 3);

export const bnPredictValuesTemplate: ProblemTemplate<BnPredictValuesParams> = {
  id: "bn.predict-values",
  topic: "batchnorm",
  answerKind: "number",
  difficulties: DIFFICULTIES,
  // Three decimals of values of order 1 to 10; the engine computes in float32.
  tolerance: 2e-3,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) =>
    p.difficulty === "easy"
      ? {
          mode: "run",
          op: { op: "batchnorm", mode: "eval", input: p.input, gamma: p.gamma, beta: p.beta, running_mean: p.runningMean, running_var: p.runningVar, eps: EPS },
          select: `output.${p.row}.${p.feature}`,
        }
      : {
          mode: "run",
          op: { op: "batchnorm", mode: "train", input: p.input, gamma: p.gamma, beta: p.beta, running_mean: p.runningMean, running_var: p.runningVar, eps: EPS, momentum: batchWeight(p) },
          select: `running_${stat(p)}.${p.feature}`,
        },

  render(p, key, lang) {
    const t = messages(lang);
    const value = worked(p);
    if (key.kind !== "number" || Math.abs(key.value - value) > 1e-4 * Math.max(1, Math.abs(value))) {
      throw new ProblemError("invalid-variant", `bn.predict-values: the worked solution gives ${value}, the engine ${JSON.stringify(key.value)}`);
    }
    const features = p.gamma.length;
    const common = {
      count: String(p.input.length),
      features,
      input: inlineBmatrix(p.input),
      runningMean: vector(p.runningMean),
      runningVar: vector(p.runningVar),
      feature: String(p.feature + 1),
    };
    const f = p.feature;
    const xs = column(p);
    if (p.difficulty === "easy") {
      const x = xs[p.row] as number;
      const prompt = t("evalPrompt", { ...common, gamma: vector(p.gamma), beta: vector(p.beta), epsilon: "$\\epsilon = 10^{-5}$", row: String(p.row + 1) });
      const formula = displayMath("y = \\gamma \\cdot \\frac{x - \\hat\\mu}{\\sqrt{\\hat\\sigma^2 + \\epsilon}} + \\beta");
      const work = `$${p.gamma[f]} \\cdot \\frac{${x} - (${p.runningMean[f]})}{\\sqrt{${p.runningVar[f]} + \\epsilon}} + (${p.beta[f]}) = ${p.gamma[f]} \\cdot ${r3((x - (p.runningMean[f] as number)) / Math.sqrt(p.runningVar[f] as number))} + (${p.beta[f]}) \\approx ${r3(value)}$`;
      return { prompt, solution: t("evalSolution", { formula, feature: common.feature, work }) };
    }
    const rule =
      p.convention === "d2l"
        ? "$\\hat\\mu \\leftarrow \\text{momentum} \\cdot \\hat\\mu + (1 - \\text{momentum}) \\cdot \\mu_B$"
        : "$\\hat\\mu \\leftarrow (1 - \\text{momentum}) \\cdot \\hat\\mu + \\text{momentum} \\cdot \\mu_B$";
    const prompt = t("updatePrompt", { ...common, convention: p.convention, momentum: `$${p.momentum}$`, momentumCode: String(p.momentum), rule, stat: stat(p) });
    const mean = meanOf(xs);
    const sum = xs.map((x) => `${x}`).join(" + ").replace(/\+ -/g, "- ");
    const batchWork =
      stat(p) === "mean"
        ? `$\\mu_B = (${sum}) / ${xs.length} = ${r3(mean)}$`
        : `$\\frac{1}{${xs.length - 1}} \\sum_i (x_i - ${r3(mean)})^2 = \\frac{${r3(squares(xs))}}{${xs.length - 1}} = ${r3(squares(xs) / (xs.length - 1))}$`;
    const old = stat(p) === "mean" ? p.runningMean[f] : p.runningVar[f];
    const batch = stat(p) === "mean" ? mean : squares(xs) / (xs.length - 1);
    const w = batchWeight(p);
    const work = `$${round(1 - w)} \\cdot ${old} + ${w} \\cdot ${r3(batch)} = ${r3(value)}$`;
    const solution = t("updateSolution", {
      convention: p.convention,
      momentum: `$${p.momentum}$`,
      weight: `$${p.convention === "d2l" ? w : round(1 - w)}$`,
      stat: stat(p),
      feature: common.feature,
      batchMean: `$${r3(mean)}$`,
      batchWork,
      work,
    });
    return { prompt, solution };
  },

  misconceptions: [
    {
      id: "batch-stats-at-prediction",
      wrongAnswer: (p) => apart(p, p.difficulty === "easy" ? worked(p, { batchStats: true }) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.batchStats"),
    },
    {
      id: "forgot-sqrt",
      wrongAnswer: (p) => apart(p, p.difficulty === "easy" && p.runningVar[p.feature] !== 1 ? worked(p, { noSqrt: true }) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotSqrt"),
    },
    {
      id: "forgot-scale-shift",
      wrongAnswer: (p) => apart(p, p.difficulty === "easy" ? worked(p, { noScaleShift: true }) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotScaleShift"),
    },
    {
      id: "momentum-swapped",
      wrongAnswer: (p) => apart(p, p.difficulty === "easy" ? null : worked(p, { swapped: true })),
      feedback: (p, lang) => messages(lang)("mistakes.momentumSwapped", { convention: p.convention, momentum: `$${p.momentum}$` }),
    },
    {
      id: "batch-stat-as-running",
      wrongAnswer: (p) => apart(p, p.difficulty === "easy" ? null : worked(p, { batchOnly: true })),
      feedback: (_p, lang) => messages(lang)("mistakes.batchStatAsRunning"),
    },
    {
      id: "biased-running-variance",
      wrongAnswer: (p) => apart(p, stat(p) === "var" && p.difficulty === "hard" ? worked(p, { biased: true }) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.biasedRunningVariance"),
    },
  ],
};
