import { correlationFigure } from "../figures/correlation-figure";
import { ProblemError } from "../errors";
import { displayMatrix, inlineNumber } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { xcorrConv1dFlippedMessages as messages } from "./xcorr-conv1d-flipped.messages";

/**
 * `xcorr.conv1d-flipped`: a 1-D convolution as NNDL 5.1.1 defines it, `y_t = Σ_k w_k x_{t−k+1}`
 * (the filter runs backwards over the signal), set against the cross-correlation of NNDL 5.1.2,
 * `y_t = Σ_k w_k x_{t+k−1}`. Key: the engine's `conv2d` op (which rotates its kernel by 180°) on a
 * one-row input with a one-row kernel, so the flip is the engine's, not the template's.
 *
 * Difficulties: easy, a filter of 2 or 3 weights on 5 or 6 non-negative values (NNDL's narrow
 * convolution, N − K + 1 outputs); medium, 3 or 4 weights on 7 or 8 values of either sign; hard,
 * NNDL 5.1.3's wide convolution, K − 1 zeros padded at both ends (N + K − 1 outputs), where the
 * first and last outputs see the filter's ends alone.
 */
export interface XcorrConv1dFlippedParams {
  difficulty: Difficulty;
  signal: number[];
  filter: number[];
  /** Zeros at each end: 0 (narrow) or K − 1 (wide). */
  padding: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const listOf = (rng: Rng, length: number, from: number, to: number) => Array.from({ length }, () => rng.int(from, to));

/** A filter that reads differently backwards (forgetting the flip then gives another answer), with two weights or more at work. */
function asymmetricFilter(rng: Rng, length: number): number[] {
  for (;;) {
    const filter = listOf(rng, length, -2, 3);
    if (filter.some((w, i) => w !== filter[length - 1 - i]) && filter.filter((w) => w !== 0).length >= 2) return filter;
  }
}

function generate(rng: Rng): XcorrConv1dFlippedParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const filter = asymmetricFilter(rng, rng.int(2, 3));
    return { difficulty, signal: listOf(rng, rng.int(5, 6), 0, 5), filter, padding: 0 };
  }
  if (difficulty === "medium") {
    const filter = asymmetricFilter(rng, rng.int(3, 4));
    return { difficulty, signal: listOf(rng, rng.int(7, 8), -3, 4), filter, padding: 0 };
  }
  const filter = asymmetricFilter(rng, rng.int(2, 3));
  return { difficulty, signal: listOf(rng, rng.int(4, 5), -3, 4), filter, padding: filter.length - 1 };
}

/** The signal with its zeros, as the sums below index it. */
const paddedSignal = (p: XcorrConv1dFlippedParams) => [...Array<number>(p.padding).fill(0), ...p.signal, ...Array<number>(p.padding).fill(0)];

/** `Σ_k w_k · x'_{t+k−1}` over the padded signal `x'`: NNDL 5.1.2's cross-correlation. */
function correlate(signal: readonly number[], filter: readonly number[]): number[] {
  return Array.from({ length: signal.length - filter.length + 1 }, (_, t) => filter.reduce((sum, w, k) => sum + w * (signal[t + k] ?? 0), 0));
}

const reversed = (filter: readonly number[]) => [...filter].reverse();

/** NNDL 5.1.1's and 5.1.2's definitions, as the messages show them. */
const CONV_DEF = "$y_t = \\sum_{k=1}^{K} w_k\\, x_{t-k+1}$";
const CORR_DEF = "$\\sum_{k=1}^{K} w_k\\, x_{t+k-1}$";

/** `(−1)·x` as `-1 \cdot (-3)`: negative factors in brackets. */
const factor = (x: number) => (x < 0 ? `(${x})` : String(x));

export const xcorrConv1dFlippedTemplate: ProblemTemplate<XcorrConv1dFlippedParams> = {
  id: "xcorr.conv1d-flipped",
  topic: "cross-correlation",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "conv2d", input: [p.signal], kernel: [p.filter], padding: [0, p.padding] },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const padded = paddedSignal(p);
    const flipped = reversed(p.filter);
    const worked = correlate(padded, flipped);
    if (key.kind !== "matrix" || key.value.length !== 1 || !worked.every((y, i) => y === key.value[0]?.[i])) {
      throw new ProblemError("invalid-variant", `xcorr.conv1d-flipped: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const K = p.filter.length;
    // y_t with t counted as NNDL does, from K (narrow) or from 1 (wide, x indexed from 1 with zeros outside).
    const first = p.padding > 0 ? 1 : K;
    const steps = worked
      .map((y, i) => {
        const t = first + i;
        const terms = p.filter.map((w, k) => `${factor(w)} \\cdot ${factor(padded[i + K - 1 - k] ?? 0)}`);
        return `- $y_{${t}} = ${terms.join(" + ")} = ${y}$`;
      })
      .join("\n");
    const prompt = t("prompt", {
      convDef: CONV_DEF,
      corrDef: CORR_DEF,
      wide: p.padding > 0 ? "yes" : "no",
      zeros: inlineNumber(p.padding),
      signal: displayMatrix([p.signal], "x"),
      filter: displayMatrix([p.filter], "w"),
    });
    const solution = t("solution", {
      convDef: CONV_DEF,
      wide: p.padding > 0 ? "yes" : "no",
      flipped: displayMatrix([flipped], "w'"),
      padded: displayMatrix([padded], "x'"),
      steps,
      answer: displayMatrix([worked], "y"),
      count: inlineNumber(worked.length),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix"
      ? correlationFigure({ input: [paddedSignal(p)], kernel: [reversed(p.filter)], output: key.value, padding: 0, stride: 1, flipped: true }, lang)
      : null,

  misconceptions: [
    {
      id: "kernel-not-flipped",
      wrongAnswer: (p) => [correlate(paddedSignal(p), p.filter)],
      feedback: (_p, lang) => messages(lang)("mistakes.kernelNotFlipped", { corrDef: CORR_DEF, wk: "$w_k$", xBack: "$x_{t-k+1}$" }),
    },
    {
      id: "output-reversed",
      // Reading the signal backwards under the unflipped filter gives the right numbers in the wrong order.
      wrongAnswer: (p) => [reversed(correlate(paddedSignal(p), reversed(p.filter)))],
      feedback: (_p, lang) => messages(lang)("mistakes.outputReversed"),
    },
    {
      id: "padding-ignored",
      wrongAnswer: (p) => (p.padding > 0 ? [correlate(p.signal, reversed(p.filter))] : null),
      feedback: (p, lang) => messages(lang)("mistakes.paddingIgnored", { zeros: inlineNumber(p.padding) }),
    },
  ],
};
