import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import { gradeAnswer } from "@/lib/grading";
import { sampleProblem } from "@/lib/problems";
import { poolingAvgAsConvTemplate, type PoolingAvgAsConvParams } from "@/lib/problems/templates/pooling-avg-as-conv";
import { poolingAvgAsConvCatalogues } from "@/lib/problems/templates/pooling-avg-as-conv.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "pooling.avg-as-conv";

interface AvgPoolOp {
  input: number[][];
  kernel: [number, number];
  stride: [number, number];
  padding: number;
}

/**
 * The convolution the prompt states, by hand: Y[i, j] = Σ_a Σ_b X[i·s_h − p + a, j·s_w − p + b] / (k_h·k_w),
 * zeros outside X (d2l 6.2.1's corr2d with padding and stride as 6.3 adds them), output size
 * floor((n + 2p − k)/s) + 1 per axis.
 */
function constantKernelByHand({ input, kernel, stride, padding }: AvgPoolOp): number[][] {
  const [kh, kw] = kernel;
  const rows = Math.floor((input.length + 2 * padding - kh) / stride[0]) + 1;
  const cols = Math.floor((input[0]!.length + 2 * padding - kw) / stride[1]) + 1;
  const at = (r: number, c: number) => input[r]?.[c] ?? 0;
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      let sum = 0;
      for (let a = 0; a < kh; a += 1) for (let b = 0; b < kw; b += 1) sum += at(i * stride[0] - padding + a, j * stride[1] - padding + b);
      return sum / (kh * kw);
    }),
  );
}

const keyOf = (params: PoolingAvgAsConvParams) => {
  const check = poolingAvgAsConvTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return run(check.op as never).output as number[][];
};

describe("pooling.avg-as-conv", () => {
  it("over 200 seeds: the key is the engine's avgpool2d, equal to its corr2d with the constant kernel and to the hand loop", () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "pooling", answer: { kind: "matrix" }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      const op = runOpOf<AvgPoolOp>(en);
      expectMatrixClose(en.answer.value, constantKernelByHand(op), 1e-5);
      const [kh, kw] = op.kernel;
      const kernel = Array.from({ length: kh }, () => Array<number>(kw).fill(1 / (kh * kw)));
      const convolved = run({ op: "corr2d", input: op.input, kernel, stride: op.stride, padding: op.padding }).output as number[][];
      expectMatrixClose(en.answer.value, convolved, 1e-5);
      const strideIsWindow = op.stride[0] === kh && op.stride[1] === kw;
      seen.add(`${en.difficulty} ${kh === kw ? "square" : "rectangle"} ${strideIsWindow ? "stride = window" : `stride ${op.stride.join("x")}`} padding ${op.padding}`);
      expect(en.prompt).toContain("\\tfrac{1}{");
      expect(zh.solution).toContain("平均汇聚层");
      expect(en.figure?.svg).toContain("<svg");
    }
    expect([...seen].sort()).toEqual(["easy square stride = window padding 0", "hard square stride 2x2 padding 1", "medium rectangle stride = window padding 0"]);
  });

  it("d2l 6.5.1's 3×3 input [[0,1,2],[3,4,5],[6,7,8]] with a 2×2 kernel of quarters at stride 1 gives d2l's average pooling [[2,3],[5,6]]", () => {
    // d2l 6.5.1 (zh) / 7.5.1 (en): pool2d(X, (2, 2), 'avg') → [[2., 3.], [5., 6.]]
    const params: PoolingAvgAsConvParams = { difficulty: "easy", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [2, 2], stride: [1, 1], padding: 0 };
    expect(keyOf(params)).toEqual([[2, 3], [5, 6]]);
  });

  it("by hand: a 2×2 kernel of quarters at stride 2 on arange(16) gives [[2.5, 4.5], [10.5, 12.5]]; stride 1, sums and padding counted each differ", () => {
    const input = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]];
    const params: PoolingAvgAsConvParams = { difficulty: "easy", input, kernel: [2, 2], stride: [2, 2], padding: 0 };
    // (0 + 1 + 4 + 5)/4 = 2.5, (2 + 3 + 6 + 7)/4 = 4.5, (8 + 9 + 12 + 13)/4 = 10.5, (10 + 11 + 14 + 15)/4 = 12.5
    expect(keyOf(params)).toEqual([[2.5, 4.5], [10.5, 12.5]]);
    const wrong = Object.fromEntries(poolingAvgAsConvTemplate.misconceptions.map((m) => [m.id, m.wrongAnswer(params)]));
    expect(wrong["sum-instead-of-mean"]).toEqual([[10, 18], [42, 50]]);
    expect((wrong["stride-ignored"] as number[][]).map((row) => row.length)).toEqual([3, 3, 3]);
    expect(wrong["padding-count-swapped"]).toBeNull();
    // 3×3 of ninths, stride 2, padding 1 on the same input: the corner window holds 0, 1, 4, 5 and five zeros, 10/9 (counted), 10/4 (not)
    const hard: PoolingAvgAsConvParams = { difficulty: "hard", input, kernel: [3, 3], stride: [2, 2], padding: 1 };
    expect(keyOf(hard)[0]![0]).toBeCloseTo(10 / 9, 5);
    expect((poolingAvgAsConvTemplate.misconceptions.find((m) => m.id === "padding-count-swapped")!.wrongAnswer(hard) as number[][])[0]![0]).toBeCloseTo(2.5, 10);
  });

  it("refuses a worked solution that disagrees with the engine", () => {
    const params: PoolingAvgAsConvParams = { difficulty: "easy", input: [[0, 1], [2, 3]], kernel: [2, 2], stride: [2, 2], padding: 0 };
    expect(() => poolingAvgAsConvTemplate.render(params, { kind: "matrix", value: [[6]] }, "en")).toThrow(/worked solution/);
  });

  it("grades the key 1 and names the misconceptions, which differ from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["max-instead-of-average", "padding-count-swapped", "stride-ignored", "sum-instead-of-mean"]);
    for (const seed of SEEDS.slice(0, 60)) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      const typed = (problem.answer.value as number[][]).map((row) => row.map((x) => x.toFixed(2)).join(" ")).join("; ");
      expect(gradeAnswer({ problem, answer: typed })).toMatchObject({ gradable: true, score: 1, correct: true });
    }
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(poolingAvgAsConvCatalogues);
  });
});
