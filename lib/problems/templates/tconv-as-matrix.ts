import { transposedFigure } from "../figures/transposed-figure";
import { ProblemError } from "../errors";
import { displayMath, displayMatrix, inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { correlateWindow, matricesAgree, slideWindows } from "./sliding-windows";
import { tconvAsMatrixMessages as messages } from "./tconv-as-matrix.messages";

/**
 * `tconv.as-matrix`: a convolution of an n×n input `X` is `y = W x`, with `x` the input flattened
 * row by row and `W` the sparse m²×n² matrix whose row `r` holds the kernel at output `r`'s window
 * (d2l 13.10.3 zh / 14.10.3 en, `kernel2matrix`); multiplying by `Wᵀ` is the transposed
 * convolution. The learner computes `z = Wᵀ y` and answers with it reshaped to n×n; the key is
 * the engine's `conv2d_transpose` of `y` (as an m×m matrix) with the same kernel and stride.
 *
 * Difficulties: easy, d2l's sizes (3×3 input, 2×2 kernel, a 4×9 `W`) with `W` written out in
 * the prompt; medium, `W` built by the learner from the kernel (3×3 or 4×4 inputs, 2×2 or 3×3
 * kernels); hard, a convolution of stride 2, whose `W` shifts the kernel two columns a row and
 * whose transpose is a transposed convolution of stride 2.
 */
export interface TconvAsMatrixParams {
  difficulty: Difficulty;
  /** The convolution's input size n (the transposed convolution's output). */
  size: number;
  stride: number;
  kernel: number[][];
  /** The convolution's m×m output, the transposed convolution's input. */
  y: number[][];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const MEDIUM_SIZES = [[3, 2, 1], [4, 2, 1], [4, 3, 1]] as const;
const HARD_SIZES = [[4, 2, 2], [5, 3, 2]] as const;

const matrixOf = (rng: Rng, rows: number, from: number, to: number) => Array.from({ length: rows }, () => Array.from({ length: rows }, () => rng.int(from, to)));

/** A kernel with at least two non-zero weights, so that the windows' overlaps show. */
function kernelOf(rng: Rng, k: number): number[][] {
  for (;;) {
    const kernel = matrixOf(rng, k, -1, 3);
    if (kernel.flat().filter((w) => w !== 0).length >= 2) return kernel;
  }
}

function generate(rng: Rng): TconvAsMatrixParams {
  const difficulty = rng.pick(DIFFICULTIES);
  // The kernel's weights are drawn before the sizes: a pick of three right after the difficulty's
  // pick of three left [4, 3, 1] out of the first 200 seeds (small seeds start this generator
  // correlated); nine draws in between break that.
  const weights = matrixOf(rng, 3, -1, 3);
  const sizes = rng.int(0, 5);
  // [n, k, s] with (n − k) a multiple of the stride, so that Wᵀ's output is the whole n×n input.
  const [size, k, stride] = difficulty === "easy" ? [3, 2, 1] : difficulty === "medium" ? MEDIUM_SIZES[sizes % 3]! : HARD_SIZES[sizes % 2]!;
  const cropped = weights.slice(0, k).map((row) => row.slice(0, k));
  const kernel = cropped.flat().filter((w) => w !== 0).length >= 2 ? cropped : kernelOf(rng, k);
  const m = (size - k) / stride + 1;
  return { difficulty, size, stride, kernel, y: matrixOf(rng, m, -2, 4) };
}

const outputSize = (p: TconvAsMatrixParams) => p.y.length;

/**
 * d2l's `kernel2matrix` for any size and stride: row `i·m + j` (output (i, j)) holds `K[a][b]` in
 * column `(i·s + a)·n + (j·s + b)`, the input entry that weight meets.
 */
export function convolutionMatrix(p: TconvAsMatrixParams): number[][] {
  const n = p.size;
  const m = outputSize(p);
  const W = Array.from({ length: m * m }, () => Array<number>(n * n).fill(0));
  for (let i = 0; i < m; i += 1)
    for (let j = 0; j < m; j += 1)
      p.kernel.forEach((row, a) => row.forEach((w, b) => (W[i * m + j]![(i * p.stride + a) * n + (j * p.stride + b)] = w)));
  return W;
}

/** `Wᵀ y`, reshaped n×n: entry `c` is column `c` of `W` dotted with `y`. */
function transposeTimes(p: TconvAsMatrixParams, W: readonly (readonly number[])[]): number[][] {
  const y = p.y.flat();
  const z = Array.from({ length: p.size * p.size }, (_, c) => W.reduce((sum, row, r) => sum + (row[c] ?? 0) * (y[r] ?? 0), 0));
  return Array.from({ length: p.size }, (_, i) => z.slice(i * p.size, (i + 1) * p.size));
}

/** `y` with `s − 1` zeros between entries and `k − 1` around: where a cross-correlation would have to run to give n×n. */
function spreadAndPad(p: TconvAsMatrixParams): number[][] {
  const k = p.kernel.length;
  const span = (outputSize(p) - 1) * p.stride + 1;
  const grid = Array.from({ length: span + 2 * (k - 1) }, () => Array<number>(span + 2 * (k - 1)).fill(0));
  p.y.forEach((row, i) => row.forEach((v, j) => (grid[k - 1 + i * p.stride]![k - 1 + j * p.stride] = v)));
  return grid;
}

const correlate = (input: number[][], kernel: readonly (readonly number[])[], stride: number) =>
  slideWindows(input, [kernel.length, kernel.length], [stride, stride], [0, 0]).map((row) => row.map((window) => correlateWindow(window, kernel)));

/** Each y entry scales the kernel, copies `stride` apart, summed (d2l 13.10.1's `trans_conv`). */
function scatter(y: readonly (readonly number[])[], kernel: readonly (readonly number[])[], stride: number): number[][] {
  const k = kernel.length;
  const size = (y.length - 1) * stride + k;
  const out = Array.from({ length: size }, () => Array<number>(size).fill(0));
  y.forEach((row, i) => row.forEach((v, j) => kernel.forEach((kr, a) => kr.forEach((w, b) => (out[i * stride + a]![j * stride + b]! += v * w)))));
  return out;
}

const vectorTex = (values: readonly number[]) => `\\begin{bmatrix} ${values.join(" & ")} \\end{bmatrix}^\\top`;
const factor = (x: number) => (x < 0 ? `(${x})` : String(x));

export const tconvAsMatrixTemplate: ProblemTemplate<TconvAsMatrixParams> = {
  id: "tconv.as-matrix",
  topic: "transposed-conv",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "conv2d_transpose", input: p.y, kernel: p.kernel, stride: p.stride },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const W = convolutionMatrix(p);
    const worked = transposeTimes(p, W);
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value)) {
      throw new ProblemError("invalid-variant", `tconv.as-matrix: Wᵀy gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const m = outputSize(p);
    const n = p.size;
    const y = p.y.flat();
    const steps = worked
      .flat()
      .map((z, c) => {
        const terms = W.flatMap((row, r) => (row[c] !== 0 ? [`${factor(row[c]!)} \\cdot ${factor(y[r]!)}`] : []));
        return `- $z_{${c + 1}} = ${terms.length > 0 ? `${terms.join(" + ")} = ` : ""}${z}$`;
      })
      .join("\n");
    const shown = p.difficulty === "easy" ? "yes" : "no";
    const prompt = t("prompt", {
      inSize: inlineSize(n, n),
      kernelSize: inlineSize(p.kernel.length, p.kernel.length),
      stride: inlineNumber(p.stride),
      wSize: inlineSize(m * m, n * n),
      kernel: displayMatrix(p.kernel, "K"),
      shown,
      w: displayMatrix(W, "W"),
      y: displayMath(`\\mathbf{y} = ${vectorTex(y)}`),
      wt: "$W^\\top \\mathbf{y}$",
      z: "$\\mathbf{z}$",
    });
    const solution = t("solution", {
      shown,
      wSize: inlineSize(m * m, n * n),
      stride: inlineNumber(p.stride),
      strideCount: p.stride,
      w: displayMatrix(W, "W"),
      wt: "$W^\\top \\mathbf{y}$",
      steps,
      answer: displayMatrix(worked, "Z"),
      yMatrix: displayMatrix(p.y, "Y"),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix" ? transposedFigure({ input: p.y, kernel: p.kernel, stride: p.stride, padding: 0, full: key.value, output: key.value }, lang) : null,

  misconceptions: [
    {
      id: "cross-correlation",
      // Sliding K unflipped over the spread, padded y: the transposed convolution slides the kernel rotated by 180°.
      wrongAnswer: (p) => correlate(spreadAndPad(p), p.kernel, 1),
      feedback: (_p, lang) => messages(lang)("mistakes.crossCorrelation"),
    },
    {
      id: "w-instead-of-transpose",
      // W itself applied to y read as an image: the convolution again, which shrinks y instead of spreading it.
      wrongAnswer: (p) => (outputSize(p) >= p.kernel.length ? correlate(p.y, p.kernel, p.stride) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.wInsteadOfTranspose", { w: "$W$", wt: "$W^\\top$" }),
    },
    {
      id: "stride-ignored",
      wrongAnswer: (p) => (p.stride > 1 ? scatter(p.y, p.kernel, 1) : null),
      feedback: (p, lang) => messages(lang)("mistakes.strideIgnored", { stride: inlineNumber(p.stride) }),
    },
  ],
};
