import { describe, expect, it } from "vitest";
import { type GradientOpSpec, run } from "@/lib/engine";
import { sampleProblem } from "@/lib/problems";
import type { ConvGradParams } from "@/lib/problems/templates/conv-gradient-variants";
import { gradConvKernelTemplate } from "@/lib/problems/templates/grad-conv-kernel";
import { gradConvKernelCatalogues } from "@/lib/problems/templates/grad-conv-kernel.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "grad.conv-kernel";

interface ConvGradOp {
  input: number[][];
  kernel: number[][];
  grad_output: number[][];
  stride: number;
  padding: number;
}

/**
 * ∂L/∂W by hand, from the definition (NNDL 5.3: ∂L/∂W_{u,v} = Σ_{i,j} δ_{i,j}·x_{i+u−1, j+v−1},
 * the input correlated with δ), with PyTorch's stride and padding: pad X with zeros first, then
 * W[a][b] meets X̃[s·i + a][s·j + b] in output (i, j).
 */
function kernelGradByHand({ input, kernel, grad_output: delta, stride, padding }: ConvGradOp): number[][] {
  const n = input.length + 2 * padding;
  const padded: number[][] = [];
  for (let r = 0; r < n; r++) {
    padded.push([]);
    for (let c = 0; c < n; c++) {
      const inside = r >= padding && c >= padding && r < n - padding && c < n - padding;
      padded[r]!.push(inside ? input[r - padding]![c - padding]! : 0);
    }
  }
  const k = kernel.length;
  const grad: number[][] = [];
  for (let a = 0; a < k; a++) {
    grad.push([]);
    for (let b = 0; b < k; b++) {
      let sum = 0;
      for (let i = 0; i < delta.length; i++) for (let j = 0; j < delta[i]!.length; j++) sum += delta[i]![j]! * padded[stride * i + a]![stride * j + b]!;
      grad[a]!.push(sum);
    }
  }
  return grad;
}

const keyOf = (params: ConvGradParams) => {
  const check = gradConvKernelTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return run(check.op as unknown as GradientOpSpec).grad_kernel as number[][];
};

describe("grad.conv-kernel", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's grad_kernel and the hand sum's", () => {
    const geometries = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "gradients", answer: { kind: "matrix" }, check: { mode: "run", select: "grad_kernel", op: { op: "conv2d_grad" } } });
      expectKeyFromEngine(en);
      const op = runOpOf<ConvGradOp>(en);
      expectMatrixClose(en.answer.value, kernelGradByHand(op), 0);
      geometries.add(`${en.difficulty} ${op.input.length}/${op.kernel.length}/s${op.stride}/p${op.padding}`);
      expect(en.prompt).toMatch(/gradient of the loss with respect to the kernel/);
      expect(zh.prompt).toMatch(/误差项/);
      expect(en.figure?.svg).toMatch(/^<svg/);
    }
    expect([...geometries].sort()).toEqual([
      "easy 3/2/s1/p0",
      "hard 3/2/s1/p1",
      "hard 3/3/s1/p1",
      "hard 4/2/s2/p0",
      "hard 5/3/s2/p0",
      "hard 5/3/s2/p1",
      "medium 4/2/s1/p0",
      "medium 4/3/s1/p0",
    ]);
  });

  it("difficulty follows the work: easy 3×3 ⋆ 2×2, medium a 4×4 input at stride 1, hard a stride of 2 or padding (issue 13, item 6)", () => {
    for (let seed = 0; seed < 600; seed++) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      const op = runOpOf<ConvGradOp>(problem);
      const work = { n: op.input.length, k: op.kernel.length, stride: op.stride, padding: op.padding };
      if (problem.difficulty === "easy") expect(work).toEqual({ n: 3, k: 2, stride: 1, padding: 0 });
      if (problem.difficulty === "medium") expect([work.n, work.stride, work.padding]).toEqual([4, 1, 0]);
      if (problem.difficulty === "hard") expect(work.stride > 1 || work.padding > 0, `seed ${seed}`).toBe(true);
    }
  });

  it("NNDL 5.3 at stride 1: X = 1..9, δ = [[1, −1], [2, 0]] gives ∂L/∂W = [[7, 9], [13, 15]], each entry's sum shown", () => {
    // By hand, ∂L/∂W_{a,b} = Σ δ_{i,j} X_{i+a, j+b} (NNDL 5.3): W11 = 1·1 − 1·2 + 2·4 + 0·5 = 7, W12 = 2 − 3 + 10 = 9,
    // W21 = 4 − 5 + 14 = 13, W22 = 5 − 6 + 16 = 15.
    const params: ConvGradParams = { difficulty: "easy", input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]], delta: [[1, -1], [2, 0]], stride: 1, padding: 0 };
    const key = keyOf(params);
    expect(key).toEqual([[7, 9], [13, 15]]);
    const { solution } = gradConvKernelTemplate.render(params, { kind: "matrix", value: key }, "en");
    expect(solution).toContain("\\frac{\\partial L}{\\partial W_{1,1}} = 1 \\cdot 1 + (-1) \\cdot 2 + 2 \\cdot 4 + 0 \\cdot 5 = 7");
    expect(() => gradConvKernelTemplate.render(params, { kind: "matrix", value: [[7, 9], [13, 16]] }, "en")).toThrow(/worked solution/);
  });

  it("stride 2 (NNDL 5.3's sum over the taps the forward pass used): X[r][c] = 4r + c, δ = [[1, 2], [3, 4]] gives 68 + 10·(4a + b)", () => {
    // By hand: ∂L/∂W_{a,b} = Σ δ_{i,j}·(4(2i + a) + 2j + b) = Σ δ_{i,j}(8i + 2j) + (4a + b)·Σδ = (0 + 4 + 24 + 40) + 10(4a + b).
    const input = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]];
    const params: ConvGradParams = { difficulty: "hard", input, kernel: [[1, 0], [0, 1]], delta: [[1, 2], [3, 4]], stride: 2, padding: 0 };
    expect(keyOf(params)).toEqual([[68, 78], [108, 118]]);
    const strideIgnored = gradConvKernelTemplate.misconceptions.find((m) => m.id === "stride-ignored")!;
    // By hand, the windows taken one apart: W11 = 1·0 + 2·1 + 3·4 + 4·5 = 34.
    expect((strideIgnored.wrongAnswer(params) as number[][])[0]![0]).toBe(34);
  });

  it("padding: the padded border gives 0 — X = [[1, 2], [3, 4]], ones(2, 2) δ, 3×3 kernel, padding 1", () => {
    // By hand: every 3×3 window covers the whole image, so ∂L/∂W_{a,b} sums X over tap (a, b) inside the image:
    // W11 = X11 = 1, W12 = X11 + X12 = 3, W22 = ΣX = 10, W33 = X22 = 4.
    const params: ConvGradParams = { difficulty: "hard", input: [[1, 2], [3, 4]], kernel: [[0, 0, 0], [0, 1, 0], [0, 0, 0]], delta: [[1, 1], [1, 1]], stride: 1, padding: 1 };
    expect(keyOf(params)).toEqual([[1, 3, 2], [4, 10, 6], [3, 7, 4]]);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["delta-rotated", "padding-ignored", "stride-ignored"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(gradConvKernelCatalogues);
  });
});
