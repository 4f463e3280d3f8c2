import { ProblemError } from "../errors";
import { poolingFigure } from "../figures/pooling-figure";
import { displayMatrix, inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { poolingMaxValuesMessages as messages } from "./pooling-max-values.messages";
import { matricesAgree, slideWindows, type Window, windowValues } from "./sliding-windows";

/**
 * `pooling.max-values`: the output matrix of 2-D max pooling on a small integer matrix
 * (d2l 6.5.1 zh / 7.5.1 en, "Maximum Pooling and Average Pooling"; PyTorch `nn.MaxPool2d`).
 *
 * Difficulties: easy, d2l's 2×2 window with stride 2 on a 4×4 input; medium, a 2×2 or 3×3
 * window with stride 1; hard, padding 1 with stride 1 or 2 on inputs with negative entries, where
 * padding with −∞ (not 0) decides the border windows.
 */
export interface PoolingMaxValuesParams {
  difficulty: Difficulty;
  input: number[][];
  kernel: number;
  stride: number;
  padding: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const matrixOf = (rng: Rng, size: number, from: number, to: number) =>
  Array.from({ length: size }, () => Array.from({ length: size }, () => rng.int(from, to)));

function generate(rng: Rng): PoolingMaxValuesParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") return { difficulty, input: matrixOf(rng, 4, 0, 9), kernel: 2, stride: 2, padding: 0 };
  if (difficulty === "medium") {
    const size = rng.int(3, 5);
    const kernel = rng.pick([2, 3].filter((k) => k < size));
    return { difficulty, input: matrixOf(rng, size, 0, 9), kernel, stride: 1, padding: 0 };
  }
  const size = rng.int(3, 4);
  // PyTorch allows padding up to half the window: 1 is valid for both 2×2 and 3×3.
  return { difficulty, input: matrixOf(rng, size, -9, 6), kernel: rng.pick([2, 3]), stride: rng.pick([1, 2]), padding: 1 };
}

const windowsOf = (p: PoolingMaxValuesParams, stride = p.stride) =>
  slideWindows(p.input, [p.kernel, p.kernel], [stride, stride], [p.padding, p.padding]);

/** Max pooling pads with −∞ (PyTorch), so only the window's inputs compete. */
const maxOf = (window: Window) => Math.max(...windowValues(window));

const maxPool = (p: PoolingMaxValuesParams, stride = p.stride) => windowsOf(p, stride).map((row) => row.map(maxOf));

const NEG_INF = "$-\\infty$";

export const poolingMaxValuesTemplate: ProblemTemplate<PoolingMaxValuesParams> = {
  id: "pooling.max-values",
  topic: "pooling",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "maxpool2d", input: p.input, kernel: p.kernel, stride: p.stride, padding: p.padding },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const windows = windowsOf(p);
    const worked = windows.map((row) => row.map(maxOf));
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value)) {
      throw new ProblemError("invalid-variant", `pooling.max-values: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const steps = windows
      .flatMap((row, i) =>
        row.map((window, j) => {
          const entries = window.flat().map((x) => (x === null ? "-\\infty" : String(x)));
          return `- $Y_{${i + 1},${j + 1}} = \\max(${entries.join(", ")}) = ${maxOf(window)}$`;
        }),
      )
      .join("\n");
    const prompt = t("prompt", {
      window: inlineSize(p.kernel, p.kernel),
      stride: inlineNumber(p.stride),
      padding: inlineNumber(p.padding),
      input: displayMatrix(p.input, "X"),
    });
    const solution = t("solution", {
      padded: p.padding > 0 ? "yes" : "no",
      stride: inlineNumber(p.stride),
      negInf: NEG_INF,
      steps,
      answer: displayMatrix(worked, "Y"),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix" ? poolingFigure({ pool: "max", input: p.input, kernel: p.kernel, padding: p.padding, output: key.value }, lang) : null,

  misconceptions: [
    {
      id: "average-instead-of-max",
      // The average a learner would take: over the whole window, padding as zeros (PyTorch's default).
      wrongAnswer: (p) => windowsOf(p).map((row) => row.map((w) => windowValues(w).reduce((a, b) => a + b, 0) / (p.kernel * p.kernel))),
      feedback: (_p, lang) => messages(lang)("mistakes.averageInsteadOfMax"),
    },
    {
      id: "stride-ignored",
      wrongAnswer: (p) => maxPool(p, 1),
      feedback: (p, lang) => messages(lang)("mistakes.strideIgnored", { stride: inlineNumber(p.stride) }),
    },
    {
      id: "zero-padding",
      wrongAnswer: (p) => windowsOf(p).map((row) => row.map((w) => Math.max(...w.flat().map((x) => x ?? 0)))),
      feedback: (_p, lang) => messages(lang)("mistakes.zeroPadding", { negInf: NEG_INF }),
    },
  ],
};
