import { correlationFigure } from "../figures/correlation-figure";
import { ProblemError } from "../errors";
import { displayMatrix, inlineSize, texMatrix } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { matricesAgree } from "./sliding-windows";
import { xcorrEdgeDetectionMessages as messages } from "./xcorr-edge-detection.messages";

/**
 * `xcorr.edge-detection`: the image with a dark vertical band cross-correlated with `K = [1, −1]`
 * (d2l 6.2.3 zh / 7.2.3 en, "Object Edge Detection in Images"), which marks bright-to-dark edges
 * with a positive value and dark-to-bright ones with a negative one.
 *
 * Difficulties: easy, d2l's ones-and-zeros image with a dark band; medium, other brightness values
 * and bright bands on a dark background; hard, d2l's closing example, the image transposed: its
 * edges are horizontal and the output is all zeros.
 */
export interface XcorrEdgeDetectionParams {
  difficulty: Difficulty;
  input: number[][];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const KERNEL = [[1, -1]];

/** A `rows × cols` image whose columns in `[from, to)` have value `band`, the others `background`. */
const bandImage = (rows: number, cols: number, from: number, to: number, band: number, background: number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, (_, j) => (j >= from && j < to ? band : background)));

function generate(rng: Rng): XcorrEdgeDetectionParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const rows = rng.int(3, 4);
  const cols = rng.int(5, 8);
  const from = rng.int(1, cols - 3);
  const to = rng.int(from + 1, cols - 1);
  if (difficulty === "easy") return { difficulty, input: bandImage(rows, cols, from, to, 0, 1) };
  const bright = rng.int(2, 9);
  const [band, background] = rng.pick([
    [0, bright],
    [bright, 0],
  ] as const);
  const image = bandImage(rows, cols, from, to, band, background);
  if (difficulty === "medium") return { difficulty, input: image };
  // The transpose: the band becomes horizontal (d2l's `corr2d(X.t(), K)`).
  return { difficulty, input: (image[0] ?? []).map((_, j) => image.map((row) => row[j] ?? 0)) };
}

/** `Y[i][j] = X[i][j] − X[i][j+1]`, the cross-correlation with `[1, −1]` by hand. */
const differences = (input: number[][], sign = 1) => input.map((row) => row.slice(0, -1).map((x, j) => sign * (x - (row[j + 1] ?? 0))));

/** The first output entry on an edge (non-zero), so the figure shades a window that detects one. */
function firstEdge(output: number[][]): [number, number] {
  for (const [i, row] of output.entries()) {
    const j = row.findIndex((x) => x !== 0);
    if (j >= 0) return [i, j];
  }
  return [0, 0];
}

const isHorizontal = (input: number[][]) => input.every((row) => row.every((x) => x === row[0]));

export const xcorrEdgeDetectionTemplate: ProblemTemplate<XcorrEdgeDetectionParams> = {
  id: "xcorr.edge-detection",
  topic: "cross-correlation",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "run", op: { op: "corr2d", input: p.input, kernel: KERNEL }, select: "output" }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = differences(p.input);
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value)) {
      throw new ProblemError("invalid-variant", `xcorr.edge-detection: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const term = (x: number) => (x < 0 ? `(${x})` : String(x));
    const steps = p.input
      .map((row, i) => {
        const diffs = row.slice(0, -1).map((x, j) => `${term(x)} - ${term(row[j + 1] ?? 0)}`);
        return `- $Y_{${i + 1},\\cdot} = (${diffs.join(",\\ ")}) = (${(worked[i] ?? []).join(", ")})$`;
      })
      .join("\n");
    const kernel = `$${texMatrix(KERNEL)}$`;
    const prompt = t("prompt", { kernelSize: inlineSize(1, 2), kernel, input: displayMatrix(p.input, "X") });
    const solution = t("solution", {
      kernel,
      rule: "$Y_{i,j} = X_{i,j} - X_{i,j+1}$",
      horizontal: isHorizontal(p.input) ? "yes" : "no",
      steps,
      answer: displayMatrix(worked, "Y"),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) => (key.kind === "matrix" ? correlationFigure({ input: p.input, kernel: KERNEL, output: key.value, padding: 0, stride: 1, flipped: false, at: firstEdge(key.value) }, lang) : null),

  misconceptions: [
    {
      id: "signs-swapped",
      wrongAnswer: (p) => differences(p.input, -1).map((row) => row.map((x) => x + 0)),
      feedback: (_p, lang) => messages(lang)("mistakes.signsSwapped", { kernel: `$${texMatrix(KERNEL)}$` }),
    },
    {
      id: "absolute-values",
      wrongAnswer: (p) => differences(p.input).map((row) => row.map(Math.abs)),
      feedback: (_p, lang) => messages(lang)("mistakes.absoluteValues"),
    },
    {
      id: "vertical-differences",
      // The pixel minus the one below: the kernel taken as [[1], [−1]].
      wrongAnswer: (p) => p.input.slice(0, -1).map((row, i) => row.map((x, j) => x - (p.input[i + 1]?.[j] ?? 0))),
      feedback: (_p, lang) => messages(lang)("mistakes.verticalDifferences", { kernel: `$${texMatrix(KERNEL)}$` }),
    },
  ],
};
