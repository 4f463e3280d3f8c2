import { correlationFigure } from "../figures/correlation-figure";
import { ProblemError } from "../errors";
import { displayMatrix, displayMath, inlineNumber, inlinePair, inlineSize, texMatrix } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { poolingAvgAsConvMessages as messages } from "./pooling-avg-as-conv.messages";
import { correlateWindow, matricesAgree, type Pair2, slideWindows, type Window, windowValues } from "./sliding-windows";

/**
 * `pooling.avg-as-conv`: average pooling is a convolutional layer with one fixed kernel, every
 * entry 1/(k_h·k_w), no bias, and the window's size as its stride (d2l 6.5.1 zh / 7.5.1 en:
 * the pooling window slides as a convolution's kernel does, but holds no parameters). The prompt
 * gives the convolution; the key is the engine's `avgpool2d` (a test checks that `corr2d` with the
 * constant kernel gives the same numbers).
 *
 * Difficulties: easy, a 2×2 kernel of quarters with stride 2 on a 4×4 or 4×6 input; medium, a
 * rectangular kernel (1×2 up to 3×2) with the matching stride pair; hard, a 3×3 kernel of ninths
 * with stride 2 and one ring of zero padding, which the convolution counts in every mean (PyTorch's
 * `count_include_pad`), overlapping windows.
 */
export interface PoolingAvgAsConvParams {
  difficulty: Difficulty;
  input: number[][];
  kernel: Pair2;
  stride: Pair2;
  padding: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const RECTANGLES: readonly Pair2[] = [[1, 2], [2, 1], [1, 3], [3, 1], [2, 3], [3, 2]];

const matrixOf = (rng: Rng, rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(0, 9)));

function generate(rng: Rng): PoolingAvgAsConvParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") return { difficulty, input: matrixOf(rng, 4, rng.pick([4, 6])), kernel: [2, 2], stride: [2, 2], padding: 0 };
  if (difficulty === "medium") {
    const kernel = rng.pick(RECTANGLES);
    // Two or three windows along each axis, at most six entries a side.
    const rows = kernel[0] * rng.int(2, Math.min(3, Math.floor(6 / kernel[0])));
    const cols = kernel[1] * rng.int(2, Math.min(3, Math.floor(6 / kernel[1])));
    return { difficulty, input: matrixOf(rng, rows, cols), kernel, stride: kernel, padding: 0 };
  }
  const size = rng.int(4, 5);
  return { difficulty, input: matrixOf(rng, size, size), kernel: [3, 3], stride: [2, 2], padding: 1 };
}

const area = (p: PoolingAvgAsConvParams) => p.kernel[0] * p.kernel[1];

/** The constant kernel as numbers: what the convolution multiplies each entry of a window by. */
const constantKernel = (p: PoolingAvgAsConvParams, value = 1 / area(p)) => Array.from({ length: p.kernel[0] }, () => Array<number>(p.kernel[1]).fill(value));

const windowsOf = (p: PoolingAvgAsConvParams, stride: Pair2 = p.stride) => slideWindows(p.input, p.kernel, stride, [p.padding, p.padding]);

const sumOf = (window: Window) => windowValues(window).reduce((a, b) => a + b, 0);

/** The sum of each window divided by `divisor(window)`: the convolution divides by the whole window, padding included. */
const windowMeans = (p: PoolingAvgAsConvParams, divisor: (window: Window) => number, stride: Pair2 = p.stride) =>
  windowsOf(p, stride).map((row) => row.map((window) => sumOf(window) / divisor(window)));

/** A mean as shown: exact when it has at most four decimals, else `≈` four decimals. */
function meanTex(sum: number, count: number): { tex: string; shown: number } {
  const shown = Math.round((sum / count) * 1e4) / 1e4;
  return { tex: `${shown * count === sum ? "=" : "\\approx"} ${shown}`, shown };
}

export const poolingAvgAsConvTemplate: ProblemTemplate<PoolingAvgAsConvParams> = {
  id: "pooling.avg-as-conv",
  topic: "pooling",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  // Thirds, sixths and ninths: two decimals are enough (a relative hundredth).
  tolerance: 0.01,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "avgpool2d", input: p.input, kernel: [...p.kernel], stride: [...p.stride], padding: p.padding, count_include_pad: true },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const windows = windowsOf(p);
    const kernel = constantKernel(p);
    // The convolution itself, window by window: Σ X ⊙ K with padded zeros, as d2l's corr2d.
    const convolved = windows.map((row) => row.map((window) => correlateWindow(window, kernel)));
    if (key.kind !== "matrix" || !matricesAgree(convolved, key.value, 1e-5)) {
      throw new ProblemError("invalid-variant", `pooling.avg-as-conv: the worked solution gives ${JSON.stringify(convolved)}, the engine ${JSON.stringify(key.value)}`);
    }
    const n = area(p);
    const shown: number[][] = [];
    const steps = windows
      .flatMap((row, i) =>
        row.map((window, j) => {
          const mean = meanTex(sumOf(window), n);
          (shown[i] ??= []).push(mean.shown);
          return `- $Y_{${i + 1},${j + 1}} = \\frac{${window.flat().map((x) => x ?? 0).join(" + ")}}{${n}} ${mean.tex}$`;
        }),
      )
      .join("\n");
    const fraction = `\\tfrac{1}{${n}}`;
    const kernelTex = displayMath(`K = ${texMatrix(Array.from({ length: p.kernel[0] }, () => Array<string>(p.kernel[1]).fill(fraction)))}`);
    const prompt = t("prompt", {
      size: inlineSize(p.kernel[0], p.kernel[1]),
      kernel: kernelTex,
      stride: inlinePair(p.stride[0], p.stride[1], true),
      padded: p.padding > 0 ? "yes" : "no",
      padding: inlineNumber(p.padding),
      input: displayMatrix(p.input, "X"),
    });
    const solution = t("solution", {
      size: inlineSize(p.kernel[0], p.kernel[1]),
      fraction: `$${fraction}$`,
      overlap: p.stride[0] < p.kernel[0] ? "yes" : "no",
      padded: p.padding > 0 ? "yes" : "no",
      area: inlineNumber(n),
      steps,
      answer: displayMatrix(shown, "Y"),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    // The figure shades the first window only, so one stride number serves a rectangular one too.
    key.kind === "matrix"
      ? correlationFigure({ input: p.input, kernel: constantKernel(p), output: key.value, padding: p.padding, stride: p.stride[0], flipped: false }, lang)
      : null,

  misconceptions: [
    {
      id: "stride-ignored",
      // A convolution's default stride is 1: every overlapping window averaged.
      wrongAnswer: (p) => windowMeans(p, () => area(p), [1, 1]),
      feedback: (p, lang) => messages(lang)("mistakes.strideIgnored", { stride: inlinePair(p.stride[0], p.stride[1], true) }),
    },
    {
      id: "sum-instead-of-mean",
      wrongAnswer: (p) => windowMeans(p, () => 1),
      feedback: (p, lang) => messages(lang)("mistakes.sumInsteadOfMean", { area: inlineNumber(area(p)) }),
    },
    {
      id: "max-instead-of-average",
      wrongAnswer: (p) => windowsOf(p).map((row) => row.map((window) => Math.max(...windowValues(window)))),
      feedback: (_p, lang) => messages(lang)("mistakes.maxInsteadOfAverage"),
    },
    {
      id: "padding-count-swapped",
      wrongAnswer: (p) => (p.padding > 0 ? windowMeans(p, (window) => windowValues(window).length) : null),
      feedback: (p, lang) => messages(lang)("mistakes.paddingCountSwapped", { area: inlineNumber(area(p)) }),
    },
  ],
};
