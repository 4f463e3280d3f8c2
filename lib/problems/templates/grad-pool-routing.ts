import { ProblemError } from "../errors";
import { poolGradientFigure } from "../figures/gradient-figure";
import { displayMatrix, inlineNumber, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { gradPoolRoutingMessages as messages } from "./grad-pool-routing.messages";
import { allMax, evenShare, firstMax, insideShare, lastMax, routeGradient, routeWindows, type Rule, undivided, windowCells } from "./pool-gradient-routing";
import { matricesAgree } from "./sliding-windows";

/**
 * `grad.pool-routing`: ∂L/∂X of a 2-D max or average pooling layer for a given upstream gradient
 * δ (NNDL 5.3: max pooling routes each δ to its window's maximum, average pooling spreads it
 * evenly; d2l 6.5.1 zh / 7.5.1 en for the layers). Keyed by the engine's `maxpool2d_grad` /
 * `avgpool2d_grad`, field `grad_input`: PyTorch's rules, a tie to the first maximum in row-major
 * order and the average's divisor counting padded zeros (`count_include_pad`).
 *
 * Difficulties: easy, 2×2 windows at stride 2 on a 4×4 input (each cell in one window, no tied
 * maxima); medium, overlapping windows at stride 1 (a cell sums what several windows send it),
 * still no ties; hard, max pooling on few distinct values (at least one tied maximum) or average
 * pooling with padding 1 (shares on the padding are lost).
 */
export interface GradPoolRoutingParams {
  difficulty: Difficulty;
  pool: "max" | "avg";
  input: number[][];
  delta: number[][];
  kernel: number;
  stride: number;
  padding: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const outputSize = (n: number, k: number, s: number, p: number) => Math.floor((n + 2 * p - k) / s) + 1;

const matrixOf = (rng: Rng, rows: number, cols: number, from: number, to: number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(from, to)));

/** A square of distinct integers from `from` to `to` (at least n² of them): no window can tie. */
function distinctMatrix(rng: Rng, n: number, from: number, to: number): number[][] {
  const used = new Set<number>();
  return Array.from({ length: n }, () =>
    Array.from({ length: n }, () => {
      let value = rng.int(from, to);
      while (used.has(value)) value = value === to ? from : value + 1;
      used.add(value);
      return value;
    }),
  );
}

const hasTie = (p: Omit<GradPoolRoutingParams, "difficulty" | "pool" | "delta">, rows: number) =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: rows }, (_, j) => windowCells(p, i, j))).some((row) =>
    row.some((cells) => cells.filter((cell) => cell.value === Math.max(...cells.map((c) => c.value))).length > 1),
  );

function generate(rng: Rng): GradPoolRoutingParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const pool = rng.pick(["max", "avg"] as const);
  const geometry =
    difficulty === "easy"
      ? { n: 4, kernel: 2, stride: 2, padding: 0 }
      : difficulty === "medium"
        ? rng.pick([{ n: 3, kernel: 2, stride: 1, padding: 0 }, { n: 4, kernel: 2, stride: 1, padding: 0 }, { n: 4, kernel: 3, stride: 1, padding: 0 }])
        : pool === "max"
          ? rng.pick([{ n: 4, kernel: 2, stride: 2, padding: 0 }, { n: 3, kernel: 2, stride: 1, padding: 0 }, { n: 4, kernel: 2, stride: 1, padding: 0 }])
          : rng.pick([{ n: 3, kernel: 2, stride: 2, padding: 1 }, { n: 4, kernel: 2, stride: 2, padding: 1 }, { n: 4, kernel: 3, stride: 2, padding: 1 }, { n: 3, kernel: 3, stride: 1, padding: 1 }]);
  const { n, kernel, stride, padding } = geometry;
  const rows = outputSize(n, kernel, stride, padding);
  let input = difficulty === "hard" && pool === "max" ? matrixOf(rng, n, n, 0, 3) : distinctMatrix(rng, n, 0, 19);
  // A hard max variant must tie somewhere; small values tie often, so a few draws suffice.
  while (difficulty === "hard" && pool === "max" && !hasTie({ input, kernel, stride, padding }, rows)) input = matrixOf(rng, n, n, 0, 3);
  const delta = matrixOf(rng, rows, rows, difficulty === "easy" ? 1 : -3, 8);
  return { difficulty, pool, input, delta, kernel, stride, padding };
}

const rightRule = (p: GradPoolRoutingParams): Rule => (p.pool === "max" ? firstMax : evenShare);

/** `2`, `−\frac{3}{9}`: one window's amount as the solution writes it. */
const amountTex = (p: GradPoolRoutingParams, d: number) => (p.pool === "max" ? String(d) : `\\frac{${d}}{${p.kernel * p.kernel}}`);

/** A value with at most four decimals: exact, or `≈`. */
function valueTex(x: number): string {
  const shown = Math.round(x * 1e4) / 1e4;
  return Math.abs(shown - x) < 1e-9 ? `= ${shown}` : `\\approx ${shown}`;
}

const LISTED = 4;

function folded(lines: string[], label: string): string {
  if (lines.length <= LISTED) return lines.join("\n");
  return [`:::details[${label}]`, ...lines, ":::"].join("\n");
}

function windowSteps(p: GradPoolRoutingParams, lang: Lang): string {
  const t = messages(lang);
  const lines = routeWindows(p, p.delta, rightRule(p)).map(({ i, j, cells }) => {
    const d = p.delta[i]![j]!;
    const output = `$Y_{${i + 1},${j + 1}}$`;
    const delta = `$\\delta_{${i + 1},${j + 1}} = ${d}$`;
    if (p.pool === "max") {
      const all = windowCells(p, i, j);
      const max = `$\\max(${all.map((cell) => cell.value).join(", ")}) = ${cells[0]!.value}$`;
      return t("maxWindow", { output, max, cell: `$X_{${cells[0]!.row + 1},${cells[0]!.col + 1}}$`, delta });
    }
    return t("avgWindow", { output, count: cells.length, share: `$\\frac{${d}}{${p.kernel * p.kernel}}$` });
  });
  return folded(lines, t("windowsFold", { count: String(lines.length) }));
}

function entrySteps(p: GradPoolRoutingParams, lang: Lang): { steps: string; zeros: number } {
  const t = messages(lang);
  const received = p.input.map((row) => row.map((): string[] => []));
  for (const { i, j, cells } of routeWindows(p, p.delta, rightRule(p))) {
    for (const { row, col } of cells) received[row]![col]!.push(amountTex(p, p.delta[i]![j]!));
  }
  const worked = routeGradient(p, p.delta, rightRule(p));
  const lines = received.flatMap((row, r) =>
    row.flatMap((terms, c) => {
      if (terms.length === 0) return [];
      const value = valueTex(worked[r]![c]!);
      // A single whole δ is its own value: `= 4`, not `= 4 = 4`.
      const sum = terms.length === 1 && p.pool === "max" ? value : `= ${terms.join(" + ").replace(/\+ -/g, "- ")} ${value}`;
      return [`- $\\frac{\\partial L}{\\partial X_{${r + 1},${c + 1}}} ${sum}$`];
    }),
  );
  const zeros = received.flat().filter((terms) => terms.length === 0).length;
  return { steps: folded(lines, t("entriesFold", { count: String(lines.length) })), zeros };
}

export const gradPoolRoutingTemplate: ProblemTemplate<GradPoolRoutingParams> = {
  id: "grad.pool-routing",
  topic: "gradients",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  // Ninths of an average's δ: two decimals are enough (a relative hundredth, absolute near zero).
  tolerance: 0.01,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: p.pool === "max" ? "maxpool2d_grad" : "avgpool2d_grad", input: p.input, grad_output: p.delta, kernel: p.kernel, stride: p.stride, padding: p.padding },
    select: "grad_input",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = routeGradient(p, p.delta, rightRule(p));
    // float32 in the engine: agree to a millionth.
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value, 1e-5)) {
      throw new ProblemError("invalid-variant", `grad.pool-routing: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const overlap = p.stride < p.kernel ? "yes" : "no";
    const tie = p.pool === "max" && !matricesAgree(routeGradient(p, p.delta, allMax), worked) ? "yes" : "no";
    const prompt = t("prompt", {
      pool: p.pool,
      window: inlineSize(p.kernel, p.kernel),
      stride: inlineNumber(p.stride),
      padding: inlineNumber(p.padding),
      input: displayMatrix(p.input, "X"),
      deltaName: "$\\delta = \\frac{\\partial L}{\\partial Y}$",
      delta: displayMatrix(p.delta, "\\delta"),
      asked: "$\\frac{\\partial L}{\\partial X}$",
    });
    const entries = entrySteps(p, lang);
    const solution = t("solution", {
      pool: p.pool,
      overlap,
      tie,
      padded: p.padding > 0 ? "yes" : "no",
      area: inlineNumber(p.kernel * p.kernel),
      share: `$\\frac{1}{${p.kernel * p.kernel}}$`,
      windows: windowSteps(p, lang),
      entries: entries.steps,
      zeros: entries.zeros,
      answer: displayMatrix(worked.map((row) => row.map((x) => Math.round(x * 1e4) / 1e4)), "\\frac{\\partial L}{\\partial X}"),
    });
    return { prompt, solution };
  },

  figure(p, key, lang) {
    if (key.kind !== "matrix") return null;
    const first = firstMax(windowCells(p, 0, 0), p.kernel * p.kernel).cells[0]!;
    return poolGradientFigure({ pool: p.pool, input: p.input, delta: p.delta, kernel: p.kernel, padding: p.padding, gradient: key.value, firstMax: [first.row, first.col] }, lang);
  },

  misconceptions: [
    {
      id: "tie-to-every-maximum",
      wrongAnswer: (p) => (p.pool === "max" ? routeGradient(p, p.delta, allMax) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.tieToEveryMaximum"),
    },
    {
      id: "tie-to-last-maximum",
      wrongAnswer: (p) => (p.pool === "max" ? routeGradient(p, p.delta, lastMax) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.tieToLastMaximum"),
    },
    {
      id: "max-spread-evenly",
      wrongAnswer: (p) => (p.pool === "max" ? routeGradient(p, p.delta, evenShare) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.maxSpreadEvenly"),
    },
    {
      id: "average-not-divided",
      wrongAnswer: (p) => (p.pool === "avg" ? routeGradient(p, p.delta, undivided) : null),
      feedback: (p, lang) => messages(lang)("mistakes.averageNotDivided", { area: inlineNumber(p.kernel * p.kernel) }),
    },
    {
      id: "average-to-maximum",
      wrongAnswer: (p) => (p.pool === "avg" ? routeGradient(p, p.delta, firstMax) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.averageToMaximum"),
    },
    {
      id: "padding-not-counted",
      wrongAnswer: (p) => (p.pool === "avg" && p.padding > 0 ? routeGradient(p, p.delta, insideShare) : null),
      feedback: (p, lang) => messages(lang)("mistakes.paddingNotCounted", { area: inlineNumber(p.kernel * p.kernel) }),
    },
    {
      id: "overlap-overwritten",
      wrongAnswer: (p) => (p.stride < p.kernel ? routeGradient(p, p.delta, rightRule(p), true) : null),
      feedback: (_p, lang) => messages(lang)("mistakes.overlapOverwritten"),
    },
  ],
};
