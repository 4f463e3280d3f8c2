import { describe, expect, it } from "vitest";
import { type GradientOpSpec, run } from "@/lib/engine";
import { sampleProblem } from "@/lib/problems";
import type { ConvGradParams } from "@/lib/problems/templates/conv-gradient-variants";
import { gradConvInputTemplate } from "@/lib/problems/templates/grad-conv-input";
import { gradConvInputCatalogues } from "@/lib/problems/templates/grad-conv-input.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "grad.conv-input";

interface ConvGradOp {
  input: number[][];
  kernel: number[][];
  grad_output: number[][];
  stride: number;
  padding: number;
}

/**
 * ∂L/∂X by the chain rule, scattering forward: output (i, j) used padded input X̃[s·i + a][s·j + b]
 * with weight W[a][b], so it sends δ[i][j]·W[a][b] back there; the padding's share is then cut off.
 */
function inputGradByScatter({ input, kernel, grad_output: delta, stride, padding }: ConvGradOp): number[][] {
  const n = input.length + 2 * padding;
  const padded = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < delta.length; i++)
    for (let j = 0; j < delta[i]!.length; j++)
      for (let a = 0; a < kernel.length; a++) for (let b = 0; b < kernel.length; b++) padded[stride * i + a]![stride * j + b]! += delta[i]![j]! * kernel[a]![b]!;
  return padded.slice(padding, n - padding).map((row) => row.slice(padding, n - padding));
}

/**
 * NNDL 5.3's recipe, literally: δ with s − 1 zeros between entries, padded with k − 1 zeros (the
 * wide convolution), cross-correlated with rot180(W); then the p outer rows and columns dropped.
 */
function inputGradByWideConvolution({ input, kernel, grad_output: delta, stride, padding }: ConvGradOp): number[][] {
  const k = kernel.length;
  const spreadSize = (delta.length - 1) * stride + 1;
  const wideSize = spreadSize + 2 * (k - 1);
  const wide = Array.from({ length: wideSize }, () => new Array<number>(wideSize).fill(0));
  delta.forEach((row, i) => row.forEach((d, j) => (wide[k - 1 + i * stride]![k - 1 + j * stride] = d)));
  const rotated = kernel.map((_, a) => kernel[k - 1 - a]!.map((_, b) => kernel[k - 1 - a]![k - 1 - b]!));
  const full = Array.from({ length: wideSize - k + 1 }, (_, r) =>
    Array.from({ length: wideSize - k + 1 }, (_, c) => {
      let sum = 0;
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sum += wide[r + a]![c + b]! * rotated[a]![b]!;
      return sum;
    }),
  );
  return full.slice(padding, padding + input.length).map((row) => row.slice(padding, padding + input.length));
}

const keyOf = (params: ConvGradParams) => {
  const check = gradConvInputTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return run(check.op as unknown as GradientOpSpec).grad_input as number[][];
};

describe("grad.conv-input", () => {
  it("over 200 seeds: the key is the engine's grad_input, the chain rule's scatter and NNDL's wide convolution of δ with the rotated kernel", () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "gradients", answer: { kind: "matrix" }, check: { mode: "run", select: "grad_input", op: { op: "conv2d_grad" } } });
      expectKeyFromEngine(en);
      const op = runOpOf<ConvGradOp>(en);
      expectMatrixClose(en.answer.value, inputGradByScatter(op), 0);
      expectMatrixClose(en.answer.value, inputGradByWideConvolution(op), 0);
      seen.add(`${en.difficulty} s${op.stride} p${op.padding}`);
      expect(en.solution).toContain("\\operatorname{rot180}(W)");
      expect(zh.solution).toMatch(/宽卷积/);
    }
    expect([...seen].sort()).toEqual(["easy s1 p0", "hard s1 p1", "hard s2 p0", "hard s2 p1", "medium s1 p0"]);
  });

  it("difficulty follows the work: hard variants, and only they, have a stride of 2 or padding (issue 13, item 6)", () => {
    for (let seed = 0; seed < 600; seed++) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      const op = runOpOf<ConvGradOp>(problem);
      expect(op.stride > 1 || op.padding > 0, `seed ${seed}`).toBe(problem.difficulty === "hard");
    }
  });

  it("NNDL 5.3 at stride 1: X 3×3, W = [[1, 2], [3, 4]], δ = [[1, −1], [2, 0]] give [[1, 1, −2], [5, 5, −4], [6, 8, 0]]", () => {
    // By hand, ∂L/∂X_{m,n} = Σ δ_{i,j} W_{m−i, n−j} (the wide convolution of δ with rot180(W) = [[4, 3], [2, 1]]):
    // X11 = 1·1; X12 = 1·2 − 1·1 = 1; X13 = −1·2 = −2; X21 = 1·3 + 2·1 = 5; X22 = 1·4 − 1·3 + 2·2 + 0 = 5;
    // X23 = −1·4 + 0 = −4; X31 = 2·3 = 6; X32 = 2·4 + 0 = 8; X33 = 0.
    const params: ConvGradParams = { difficulty: "easy", input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]], delta: [[1, -1], [2, 0]], stride: 1, padding: 0 };
    const key = keyOf(params);
    expect(key).toEqual([[1, 1, -2], [5, 5, -4], [6, 8, 0]]);
    const { solution } = gradConvInputTemplate.render(params, { kind: "matrix", value: key }, "en");
    expect(solution).toContain("\\frac{\\partial L}{\\partial X_{2,2}} = 1 \\cdot 4 + (-1) \\cdot 3 + 2 \\cdot 2 + 0 \\cdot 1 = 5");
    expect(solution).toContain("\\begin{bmatrix} 4 & 3 \\\\ 2 & 1 \\end{bmatrix}");
    const notRotated = gradConvInputTemplate.misconceptions.find((m) => m.id === "kernel-not-rotated")!;
    // By hand, with W unrotated: X11 = δ11·W22 = 4.
    expect((notRotated.wrongAnswer(params) as number[][])[0]![0]).toBe(4);
  });

  it("stride 2 inserts zeros between δ's entries: X 4×4, W = δ = [[1, 2], [3, 4]] tile δ_{i,j}·W over the input", () => {
    // By hand: non-overlapping windows, ∂L/∂X_{2i+a, 2j+b} = δ_{i,j}·W_{a,b}.
    const params: ConvGradParams = { difficulty: "hard", input: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]], kernel: [[1, 2], [3, 4]], delta: [[1, 2], [3, 4]], stride: 2, padding: 0 };
    expect(keyOf(params)).toEqual([[1, 2, 2, 4], [3, 4, 6, 8], [3, 6, 4, 8], [9, 12, 12, 16]]);
    const zerosMissing = gradConvInputTemplate.misconceptions.find((m) => m.id === "stride-zeros-missing")!;
    // By hand, δ's entries adjacent: X22 = δ11·W22 + δ12·W21 + δ21·W12 + δ22·W11 = 4 + 6 + 6 + 4 = 20.
    expect((zerosMissing.wrongAnswer(params) as number[][])[1]![1]).toBe(20);
  });

  it("padding is dropped from ∂L/∂X: X 2×2, W = ones(3, 3), padding 1, δ = ones(2, 2) gives 4 everywhere", () => {
    // By hand: each of the four 3×3 windows covers the whole 2×2 image, each sending δ·1 to every pixel.
    const ones = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];
    const params: ConvGradParams = { difficulty: "hard", input: [[1, 2], [3, 4]], kernel: ones, delta: [[1, 1], [1, 1]], stride: 1, padding: 1 };
    expect(keyOf(params)).toEqual([[4, 4], [4, 4]]);
    const notDropped = gradConvInputTemplate.misconceptions.find((m) => m.id === "padding-not-dropped")!;
    // By hand, the wide convolution's top-left corner: X11 = δ11·W11 = 1.
    expect((notDropped.wrongAnswer(params) as number[][])[0]![0]).toBe(1);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["kernel-not-rotated", "padding-not-dropped", "stride-zeros-missing"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(gradConvInputCatalogues);
  });
});
