import { transposedFigure } from "../figures/transposed-figure";
import { ProblemError } from "../errors";
import { inlineBmatrix, inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { transposedConvValuesMessages as messages } from "./transposed-conv-values.messages";

/**
 * `tconv.values`: the values of a single-channel transposed convolution, d2l 13.10 zh / 14.10 en
 * ("Transposed Convolution", `trans_conv`): each input element scales the kernel, the copies are
 * placed `s` apart and summed, then padding crops `p` rows and columns from each border.
 *
 * Difficulties: easy, d2l's 2×2 ⊛ 2×2 with stride 1 (3×3 output); medium, the same with stride 2
 * (4×4, d2l fig. 13.10.2); hard, a 3×3 input with padding 1 and stride 1 or 2, negative values.
 */
export interface TransposedConvValuesParams {
  difficulty: Difficulty;
  input: number[][];
  kernel: number[][];
  stride: number;
  padding: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const matrixOf = (rng: Rng, rows: number, columns: number, from: number, to: number) =>
  Array.from({ length: rows }, () => Array.from({ length: columns }, () => rng.int(from, to)));

function generate(rng: Rng): TransposedConvValuesParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy" || difficulty === "medium") {
    return { difficulty, input: matrixOf(rng, 2, 2, 0, 4), kernel: matrixOf(rng, 2, 2, 0, 3), stride: difficulty === "easy" ? 1 : 2, padding: 0 };
  }
  const k = rng.int(2, 3);
  return { difficulty, input: matrixOf(rng, 3, 3, -2, 3), kernel: matrixOf(rng, k, k, -1, 2), stride: rng.int(1, 2), padding: 1 };
}

/** The kernel's copies scattered `stride` apart and summed, before any cropping (d2l's `trans_conv`). */
function scatter(input: number[][], kernel: number[][], stride: number): number[][] {
  const kh = kernel.length;
  const kw = kernel[0]?.length ?? 0;
  const height = (input.length - 1) * stride + kh;
  const width = ((input[0]?.length ?? 0) - 1) * stride + kw;
  const output = Array.from({ length: height }, () => Array.from({ length: width }, () => 0));
  input.forEach((row, i) =>
    row.forEach((x, j) =>
      kernel.forEach((kernelRow, a) =>
        kernelRow.forEach((weight, b) => {
          const outputRow = output[i * stride + a] as number[];
          outputRow[j * stride + b] = (outputRow[j * stride + b] ?? 0) + x * weight;
        }),
      ),
    ),
  );
  return output;
}

const crop = (matrix: number[][], padding: number) =>
  matrix.slice(padding, matrix.length - padding).map((row) => row.slice(padding, row.length - padding));

const rotate180 = (kernel: number[][]) => [...kernel].reverse().map((row) => [...row].reverse());

/** Plain cross-correlation, stride 1, no padding (d2l 6.2 `corr2d`): the wrong direction. */
function crossCorrelate(input: number[][], kernel: number[][]): number[][] {
  const kh = kernel.length;
  const kw = kernel[0]?.length ?? 0;
  return Array.from({ length: input.length - kh + 1 }, (_, i) =>
    Array.from({ length: (input[0]?.length ?? 0) - kw + 1 }, (_, j) =>
      kernel.reduce((sum, kernelRow, a) => sum + kernelRow.reduce((inner, weight, b) => inner + weight * (input[i + a]?.[j + b] ?? 0), 0), 0),
    ),
  );
}

/** `-0` from a sum of products reads as `0`. */
const clean = (matrix: number[][]) => matrix.map((row) => row.map((x) => (Object.is(x, -0) ? 0 : x)));

export const transposedConvValuesTemplate: ProblemTemplate<TransposedConvValuesParams> = {
  id: "tconv.values",
  topic: "transposed-conv",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "conv2d_transpose", input: p.input, kernel: p.kernel, stride: p.stride, padding: p.padding },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const full = clean(scatter(p.input, p.kernel, p.stride));
    const worked = clean(crop(full, p.padding));
    if (key.kind !== "matrix" || JSON.stringify(clean(key.value)) !== JSON.stringify(worked)) {
      throw new ProblemError("invalid-variant", `tconv.values: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const padding = p.padding === 0 ? "none" : inlineNumber(p.padding);
    const prompt = t("prompt", {
      input: inlineBmatrix(p.input),
      kernel: inlineBmatrix(p.kernel),
      stride: inlineNumber(p.stride),
      padding: inlineNumber(p.padding),
    });
    const contributions = p.input
      .flatMap((row, i) =>
        row.map((x, j) =>
          t("contribution", {
            element: inlineNumber(x),
            scaled: inlineBmatrix(p.kernel.map((kernelRow) => kernelRow.map((w) => x * w + 0))),
            row: String(i * p.stride),
            column: String(j * p.stride),
          }),
        ),
      )
      .map((line) => `- ${line}`)
      .join("\n");
    const solution = t("solution", {
      fullSize: inlineSize(full.length, full[0]?.length ?? 0),
      contributions,
      full: inlineBmatrix(full),
      padding,
      answer: inlineBmatrix(worked),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix" ? transposedFigure({ ...p, full: clean(scatter(p.input, p.kernel, p.stride)), output: clean(key.value) }, lang) : null,

  misconceptions: [
    {
      id: "kernel-flipped",
      wrongAnswer: (p) => clean(crop(scatter(p.input, rotate180(p.kernel), p.stride), p.padding)),
      feedback: (_p, lang) => messages(lang)("mistakes.kernelFlipped"),
    },
    {
      id: "padding-kept",
      wrongAnswer: (p) => clean(scatter(p.input, p.kernel, p.stride)),
      feedback: (_p, lang) => messages(lang)("mistakes.paddingKept"),
    },
    {
      id: "cross-correlation",
      wrongAnswer: (p) => clean(crossCorrelate(p.input, p.kernel)),
      feedback: (_p, lang) => messages(lang)("mistakes.crossCorrelation"),
    },
  ],
};
