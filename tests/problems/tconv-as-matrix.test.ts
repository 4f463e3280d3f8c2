import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import { gradeAnswer } from "@/lib/grading";
import { sampleProblem } from "@/lib/problems";
import { convolutionMatrix, tconvAsMatrixTemplate, type TconvAsMatrixParams } from "@/lib/problems/templates/tconv-as-matrix";
import { tconvAsMatrixCatalogues } from "@/lib/problems/templates/tconv-as-matrix.messages";
import { cite } from "@/lib/problems/sources";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "tconv.as-matrix";

interface TransposeOp {
  input: number[][];
  kernel: number[][];
  stride: number;
}

/**
 * d2l 13.10.3 (zh) / 14.10.3 (en) by its definition: y = W x with x the n×n input flattened row by
 * row, so W[(i, j), (u, v)] is the weight that input (u, v) meets in output (i, j)'s window,
 * K[u − i·s][v − j·s] when that lies in the kernel, else 0. Then z = Wᵀ y, entry by entry.
 */
function transposeProductByHand(y: number[][], kernel: number[][], stride: number, n: number): number[][] {
  const m = y.length;
  const k = kernel.length;
  const weight = (i: number, j: number, u: number, v: number) => {
    const [a, b] = [u - i * stride, v - j * stride];
    return a >= 0 && a < k && b >= 0 && b < k ? kernel[a]![b]! : 0;
  };
  return Array.from({ length: n }, (_, u) =>
    Array.from({ length: n }, (_, v) => {
      let z = 0;
      for (let i = 0; i < m; i += 1) for (let j = 0; j < m; j += 1) z += weight(i, j, u, v) * y[i]![j]!;
      return z;
    }),
  );
}

const keyOf = (params: TconvAsMatrixParams) => {
  const check = tconvAsMatrixTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return run(check.op as never).output as number[][];
};

describe("tconv.as-matrix", () => {
  it("over 200 seeds: the key is the engine's conv2d_transpose and equals Wᵀy from W's definition, reshaped to the convolution's input", () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "transposed-conv", answer: { kind: "matrix" }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      const op = runOpOf<TransposeOp>(en);
      const n = (en.answer.value as number[][]).length;
      // The convolution's sizes close: (n − k)/s + 1 = m, so Wᵀ gives back the whole n×n input.
      expect((n - op.kernel.length) / op.stride + 1).toBe(op.input.length);
      expectMatrixClose(en.answer.value, transposeProductByHand(op.input, op.kernel, op.stride, n), 0);
      seen.add(`${en.difficulty} ${n}/${op.kernel.length}/${op.stride}`);
      // The solution shows W; only the easy prompt does.
      expect(en.solution).toContain("W = \\begin{bmatrix}");
      expect(en.prompt.includes("W = \\begin{bmatrix}")).toBe(en.difficulty === "easy");
      expect(zh.prompt).toContain("转置卷积");
    }
    expect([...seen].sort()).toEqual(["easy 3/2/1", "hard 4/2/2", "hard 5/3/2", "medium 3/2/1", "medium 4/2/1", "medium 4/3/1"]);
  });

  it("d2l 13.10.3's W for the 3×3 input and K = [[1, 2], [3, 4]], as its kernel2matrix prints it", () => {
    const params: TconvAsMatrixParams = { difficulty: "easy", size: 3, stride: 1, kernel: [[1, 2], [3, 4]], y: [[19, 25], [37, 43]] };
    expect(convolutionMatrix(params)).toEqual([
      [1, 2, 0, 3, 4, 0, 0, 0, 0],
      [0, 1, 2, 0, 3, 4, 0, 0, 0],
      [0, 0, 0, 1, 2, 0, 3, 4, 0],
      [0, 0, 0, 0, 1, 2, 0, 3, 4],
    ]);
    // d2l's Y = corr2d(arange(9), K) = [[19, 25], [37, 43]]; Z = trans_conv(Y, K) by hand: 19·K at (0, 0), 25·K at (0, 1), 37·K at (1, 0), 43·K at (1, 1)
    expect(keyOf(params)).toEqual([[19, 63, 50], [94, 268, 186], [111, 277, 172]]);
  });

  it("d2l 13.10.1 and 13.10.2's transposed convolutions of [[0, 1], [2, 3]] with K = [[0, 1], [2, 3]], at stride 1 and 2", () => {
    const stride1: TconvAsMatrixParams = { difficulty: "easy", size: 3, stride: 1, kernel: [[0, 1], [2, 3]], y: [[0, 1], [2, 3]] };
    expect(keyOf(stride1)).toEqual([[0, 0, 1], [0, 4, 6], [4, 12, 9]]); // d2l 13.10.1, trans_conv(X, K)
    const stride2: TconvAsMatrixParams = { difficulty: "hard", size: 4, stride: 2, kernel: [[0, 1], [2, 3]], y: [[0, 1], [2, 3]] };
    expect(keyOf(stride2)).toEqual([[0, 0, 0, 1], [0, 0, 2, 3], [0, 2, 0, 3], [4, 6, 6, 9]]); // d2l 13.10.2, stride=2
    const wrong = Object.fromEntries(tconvAsMatrixTemplate.misconceptions.map((m) => [m.id, m.wrongAnswer(stride2)]));
    expect(wrong["stride-ignored"]).toEqual([[0, 0, 1], [0, 4, 6], [4, 12, 9]]);
    // W applied instead of Wᵀ: the stride-2 convolution of Y with K, one window: 0·0 + 1·1 + 2·2 + 3·3
    expect(wrong["w-instead-of-transpose"]).toEqual([[14]]);
  });

  it("refuses a worked solution that disagrees with the engine", () => {
    const params: TconvAsMatrixParams = { difficulty: "easy", size: 3, stride: 1, kernel: [[0, 1], [2, 3]], y: [[0, 1], [2, 3]] };
    expect(() => tconvAsMatrixTemplate.render(params, { kind: "matrix", value: [[0, 0, 1], [0, 4, 6], [4, 12, 8]] }, "en")).toThrow(/engine/);
  });

  it("grades the key 1 and names the misconceptions, which differ from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["cross-correlation", "stride-ignored", "w-instead-of-transpose"]);
    for (const seed of SEEDS.slice(0, 60)) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      const typed = (problem.answer.value as number[][]).map((row) => row.join(" ")).join("; ");
      expect(gradeAnswer({ problem, answer: typed })).toMatchObject({ gradable: true, score: 1, correct: true });
    }
  });

  it("cites the section by its number and title in each edition (d2l.ai 14.10.3; 《动手学深度学习》第二版 13.10.3)", () => {
    expect(cite("d2l.tconv-matrix", "en")).toBe("d2l 14.10.3, Connection to Matrix Transposition");
    expect(cite("d2l.tconv-matrix", "zh-CN")).toBe("d2l 13.10.3 节，与矩阵变换的联系");
    expect(sampleProblem({ template: TEMPLATE, seed: 2, lang: "zh-CN" }).solution).toContain("13.10.3 节，与矩阵变换的联系");
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(tconvAsMatrixCatalogues);
  });
});
