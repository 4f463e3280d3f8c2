import { ProblemError } from "../errors";
import { matrixFigure } from "../figures/matrix-figure";
import { displayMath, inlineBmatrix, inlineShape, texMatrix } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { bnPerChannelMessages as messages } from "./bn-per-channel.messages";

/**
 * `bn.per-channel`: batch normalization after a convolution (PyTorch `BatchNorm2d`, training
 * mode) on an `[N][C][H][W]` minibatch: each channel's mean and biased variance over all `N·H·W`
 * of its values (d2l 7.5.2 zh / 8.5.2 en, "for convolutional layers ... per channel ... over all
 * locations"), and the output of one channel of one example. The key is the engine's `run` of a
 * `batchnorm` op, `output.n.c`.
 *
 * Difficulty follows the values a statistic is taken over and the traps: easy, one example of two
 * channels on a 2×2 map (four values; γ = 1, β = 0); medium, two examples (eight values, the trap
 * of taking one example's statistics) with γ and β; hard, two examples of three channels on 2×3
 * maps (twelve values) with γ and β.
 */
export interface BnPerChannelParams {
  difficulty: Difficulty;
  /** `[N][C][H][W]`. */
  input: number[][][][];
  gamma: number[];
  beta: number[];
  /** Zero-based example and channel asked. */
  example: number;
  channel: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const EPS = 1e-5;

function generate(rng: Rng): BnPerChannelParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const [n, c, h, w] = { easy: [1, 2, 2, 2], medium: [2, 2, 2, 2], hard: [2, 3, 2, 3] }[difficulty] as [number, number, number, number];
  const input = Array.from({ length: n }, () => Array.from({ length: c }, () => Array.from({ length: h }, () => Array.from({ length: w }, () => rng.int(0, 9)))));
  // A channel of equal values has no variance: its first value moves until the channel varies.
  for (let ch = 0; ch < c; ch += 1) {
    while (new Set(channelValues(input, ch)).size === 1) (input[0]![ch]![0] as number[])[0] = (input[0]![ch]![0]![0] as number) + 1;
  }
  const affine = difficulty !== "easy";
  return {
    difficulty,
    input,
    gamma: Array.from({ length: c }, () => (affine ? rng.pick([0.5, 2, 3]) : 1)),
    beta: Array.from({ length: c }, () => (affine ? rng.pick([-1, 1, 2]) : 0)),
    example: rng.int(0, n - 1),
    channel: rng.int(0, c - 1),
  };
}

/** Every value of channel `ch`, over examples and positions. */
function channelValues(input: readonly (readonly (readonly (readonly number[])[])[])[], ch: number): number[] {
  return input.flatMap((example) => (example[ch] ?? []).flat());
}

const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Rule {
  perExample?: boolean;
  channelsPooled?: boolean;
  unbiased?: boolean;
  noScaleShift?: boolean;
}

/** The asked map, `γ·(x − μ)/√(σ² + ε) + β` with the statistics the rule takes. */
function normalize(p: BnPerChannelParams, rule: Rule = {}): number[][] {
  const source = rule.perExample ? [p.input[p.example] as number[][][]] : p.input;
  const values = rule.channelsPooled ? source.flat(3) : channelValues(source, p.channel);
  const mean = meanOf(values);
  const variance = values.reduce((a, x) => a + (x - mean) ** 2, 0) / (rule.unbiased ? values.length - 1 : values.length);
  const gamma = p.gamma[p.channel] as number;
  const beta = p.beta[p.channel] as number;
  return (p.input[p.example]?.[p.channel] ?? []).map((row) =>
    row.map((x) => {
      const scaled = (x - mean) / Math.sqrt(variance + EPS);
      return rule.noScaleShift ? scaled : gamma * scaled + beta;
    }),
  );
}

const round3 = (x: number) => Math.round(x * 1000) / 1000 + 0;
const sameMatrix = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) =>
  a.length === b.length && a.every((row, i) => row.every((x, j) => Math.abs(x - (b[i]?.[j] ?? NaN)) <= 1e-2 * Math.max(1, Math.abs(x))));

/** A wrong rule's map, or `null` where the key's tolerance cannot tell it from the key. */
function apart(p: BnPerChannelParams, wrong: number[][]): number[][] | null {
  return sameMatrix(wrong, normalize(p)) ? null : wrong;
}

export const bnPerChannelTemplate: ProblemTemplate<BnPerChannelParams> = {
  id: "bn.per-channel",
  topic: "batchnorm",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  // Per entry: three decimals of values of order 1; the engine computes in float32.
  tolerance: 1e-2,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "batchnorm", mode: "train", input: p.input, gamma: p.gamma, beta: p.beta, eps: EPS },
    select: `output.${p.example}.${p.channel}`,
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = normalize(p);
    if (key.kind !== "matrix" || !sameMatrix(key.value, worked)) {
      throw new ProblemError("invalid-variant", `bn.per-channel: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const [n, c, h, w] = [p.input.length, p.gamma.length, p.input[0]?.[0]?.length ?? 0, p.input[0]?.[0]?.[0]?.length ?? 0];
    const maps = p.input
      .flatMap((example, e) => example.map((map, ch) => `- ${t("map", { example: String(e + 1), channel: String(ch + 1), values: inlineBmatrix(map) })}`))
      .join("\n");
    const affine = p.difficulty !== "easy";
    const vector = (values: readonly number[]) => `$(${values.join(", ")})$`;
    const prompt = t("prompt", {
      shape: inlineShape([n, c, h, w]),
      maps,
      affine: affine ? "yes" : "no",
      gamma: vector(p.gamma),
      beta: vector(p.beta),
      epsilon: "$\\epsilon = 10^{-5}$",
      example: String(p.example + 1),
      channel: String(p.channel + 1),
    });
    const values = channelValues(p.input, p.channel);
    const mean = meanOf(values);
    const variance = values.reduce((a, x) => a + (x - mean) ** 2, 0) / values.length;
    const stats = displayMath(
      `\\mu = \\frac{1}{${values.length}}(${values.join(" + ")}) = ${round3(mean)}, \\quad \\sigma^2 = \\frac{1}{${values.length}} \\sum (x - \\mu)^2 = ${round3(variance)}`,
    );
    const gamma = p.gamma[p.channel] as number;
    const beta = p.beta[p.channel] as number;
    const rule = `$${gamma === 1 ? "" : `${gamma} \\cdot `}\\frac{x - ${round3(mean)}}{\\sqrt{${round3(variance)} + \\epsilon}}${beta === 0 ? "" : beta < 0 ? ` - ${-beta}` : ` + ${beta}`}$`;
    const solution = t("solution", {
      m: String(values.length),
      channel: String(p.channel + 1),
      example: String(p.example + 1),
      stats,
      rule,
      answer: displayMath(`Y = ${texMatrix(worked.map((row) => row.map(round3)))}`),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) => {
    if (key.kind !== "matrix") return null;
    const t = messages(lang);
    const values = channelValues(p.input, p.channel);
    const mean = meanOf(values);
    const variance = values.reduce((a, x) => a + (x - mean) ** 2, 0) / values.length;
    const svg = matrixFigure(t("figureTitle", { channel: String(p.channel + 1) }), [
      [
        ...p.input.map((example, e) => ({ caption: t("figureMap", { example: String(e + 1) }), cells: example[p.channel] ?? [] })),
        "\u2192",
        { caption: t("figureMean"), cells: [[round3(mean)]] },
        { caption: t("figureVariance"), cells: [[round3(variance)]] },
      ],
      [{ caption: t("figureOutput", { example: String(p.example + 1) }), cells: key.value.map((row) => row.map(round3)) }],
    ]);
    return { svg, alt: t("figureAlt", { channel: String(p.channel + 1), count: String(p.input.length), example: String(p.example + 1) }) };
  },

  misconceptions: [
    {
      id: "per-example-statistics",
      wrongAnswer: (p) => (p.input.length === 1 ? null : apart(p, normalize(p, { perExample: true }))),
      feedback: (p, lang) => messages(lang)("mistakes.perExample", { example: String(p.example + 1) }),
    },
    {
      id: "channels-pooled",
      wrongAnswer: (p) => apart(p, normalize(p, { channelsPooled: true })),
      feedback: (_p, lang) => messages(lang)("mistakes.channelsPooled"),
    },
    {
      id: "unbiased-variance",
      wrongAnswer: (p) => apart(p, normalize(p, { unbiased: true })),
      feedback: (_p, lang) => messages(lang)("mistakes.unbiasedVariance"),
    },
    {
      id: "forgot-scale-shift",
      wrongAnswer: (p) => (p.difficulty === "easy" ? null : apart(p, normalize(p, { noScaleShift: true }))),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotScaleShift"),
    },
  ],
};
