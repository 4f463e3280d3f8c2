import { ProblemError } from "../errors";
import { poolingFigure } from "../figures/pooling-figure";
import { displayMatrix, inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { poolingAvgValuesMessages as messages } from "./pooling-avg-values.messages";
import { matricesAgree, slideWindows, type Window, windowValues } from "./sliding-windows";

/**
 * `pooling.avg-values`: the output matrix of 2-D average pooling on a small integer matrix
 * (d2l 6.5.1 zh / 7.5.1 en; PyTorch `nn.AvgPool2d`, `count_include_pad` defaulting to true).
 *
 * Difficulties: easy, d2l's 2×2 window with stride 2 on a 4×4 input; medium, a 2×2 or 3×3 window
 * with stride 1; hard, padding 1 with stride 1 or 2, padded positions counted or not as the
 * prompt says.
 */
export interface PoolingAvgValuesParams {
  difficulty: Difficulty;
  input: number[][];
  kernel: number;
  stride: number;
  padding: number;
  countIncludePad: boolean;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const matrixOf = (rng: Rng, size: number) => Array.from({ length: size }, () => Array.from({ length: size }, () => rng.int(0, 9)));

function generate(rng: Rng): PoolingAvgValuesParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") return { difficulty, input: matrixOf(rng, 4), kernel: 2, stride: 2, padding: 0, countIncludePad: true };
  if (difficulty === "medium") {
    const size = rng.int(3, 4);
    const kernel = rng.pick([2, 3].filter((k) => k < size));
    return { difficulty, input: matrixOf(rng, size), kernel, stride: 1, padding: 0, countIncludePad: true };
  }
  const size = rng.int(3, 4);
  const kernel = rng.pick([2, 3]);
  const stride = rng.pick([1, 2]);
  return { difficulty, input: matrixOf(rng, size), kernel, stride, padding: 1, countIncludePad: rng.pick([true, false]) };
}

const windowsOf = (p: PoolingAvgValuesParams, stride = p.stride) =>
  slideWindows(p.input, [p.kernel, p.kernel], [stride, stride], [p.padding, p.padding]);

const sumOf = (window: Window) => windowValues(window).reduce((a, b) => a + b, 0);

/** The divisor: the whole window when padding counts (PyTorch's default), else its input entries. */
const divisorOf = (window: Window, countIncludePad: boolean) => (countIncludePad ? window.flat().length : windowValues(window).length);

const averagePool = (p: PoolingAvgValuesParams, stride: number, countIncludePad: boolean) =>
  windowsOf(p, stride).map((row) => row.map((w) => sumOf(w) / divisorOf(w, countIncludePad)));

/** A mean as shown: exact when it has at most four decimals, else `≈` four decimals. */
function meanTex(sum: number, count: number): { tex: string; shown: number } {
  const shown = Math.round((sum / count) * 1e4) / 1e4;
  return { tex: `${shown * count === sum ? "=" : "\\approx"} ${shown}`, shown };
}

export const poolingAvgValuesTemplate: ProblemTemplate<PoolingAvgValuesParams> = {
  id: "pooling.avg-values",
  topic: "pooling",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  // Thirds and ninths: two decimals are enough (a relative hundredth).
  tolerance: 0.01,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "avgpool2d", input: p.input, kernel: p.kernel, stride: p.stride, padding: p.padding, count_include_pad: p.countIncludePad },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const windows = windowsOf(p);
    const worked = averagePool(p, p.stride, p.countIncludePad);
    // float32 in the engine: agree to a millionth.
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value, 1e-5)) {
      throw new ProblemError("invalid-variant", `pooling.avg-values: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const shown: number[][] = [];
    const steps = windows
      .flatMap((row, i) =>
        row.map((window, j) => {
          const terms = p.countIncludePad ? window.flat().map((x) => x ?? 0) : windowValues(window);
          const count = divisorOf(window, p.countIncludePad);
          const mean = meanTex(sumOf(window), count);
          (shown[i] ??= []).push(mean.shown);
          return `- $Y_{${i + 1},${j + 1}} = \\frac{${terms.join(" + ")}}{${count}} ${mean.tex}$`;
        }),
      )
      .join("\n");
    const pad = p.padding === 0 ? "none" : p.countIncludePad ? "include" : "exclude";
    const prompt = t("prompt", {
      window: inlineSize(p.kernel, p.kernel),
      stride: inlineNumber(p.stride),
      padding: inlineNumber(p.padding),
      input: displayMatrix(p.input, "X"),
      pad,
    });
    const solution = t("solution", { pad, stride: inlineNumber(p.stride), area: inlineNumber(p.kernel * p.kernel), steps, answer: displayMatrix(shown, "Y") });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix" ? poolingFigure({ pool: "avg", input: p.input, kernel: p.kernel, padding: p.padding, output: key.value }, lang) : null,

  misconceptions: [
    {
      id: "max-instead-of-average",
      wrongAnswer: (p) => windowsOf(p).map((row) => row.map((w) => Math.max(...windowValues(w)))),
      feedback: (_p, lang) => messages(lang)("mistakes.maxInsteadOfAverage"),
    },
    {
      id: "stride-ignored",
      wrongAnswer: (p) => averagePool(p, 1, p.countIncludePad),
      feedback: (p, lang) => messages(lang)("mistakes.strideIgnored", { stride: inlineNumber(p.stride) }),
    },
    {
      id: "padding-count-swapped",
      wrongAnswer: (p) => averagePool(p, p.stride, !p.countIncludePad),
      feedback: (p, lang) =>
        messages(lang)("mistakes.paddingCountSwapped", { pad: p.countIncludePad ? "include" : "exclude", area: inlineNumber(p.kernel * p.kernel) }),
    },
  ],
};
