import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import { poolingMaxValuesTemplate, type PoolingMaxValuesParams } from "@/lib/problems/templates/pooling-max-values";
import { poolingMaxValuesCatalogues } from "@/lib/problems/templates/pooling-max-values.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "pooling.max-values";

interface MaxPoolOp {
  input: number[][];
  kernel: number;
  stride: number;
  padding: number;
}

/**
 * Max pooling by hand: PyTorch `nn.MaxPool2d` ("Shape": floor((H + 2p − k)/s) + 1; the input is
 * implicitly padded with negative infinity), d2l 6.5.1's `pool2d` loop with padding added.
 */
function maxPoolByHand({ input, kernel, stride, padding }: MaxPoolOp): number[][] {
  const n = input.length;
  const out = Math.floor((n + 2 * padding - kernel) / stride) + 1;
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= n || c >= n ? -Infinity : input[r]![c]!);
  return Array.from({ length: out }, (_, i) =>
    Array.from({ length: out }, (_, j) => {
      let best = -Infinity;
      for (let a = 0; a < kernel; a += 1) for (let b = 0; b < kernel; b += 1) best = Math.max(best, at(i * stride - padding + a, j * stride - padding + b));
      return best;
    }),
  );
}

describe("pooling.max-values", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and the hand formula's", () => {
    const difficulties = new Set<number>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "pooling", answer: { kind: "matrix" }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      const op = runOpOf<MaxPoolOp>(en);
      expectMatrixClose(en.answer.value, maxPoolByHand(op), 0);
      difficulties.add(op.padding * 10 + op.stride);
      expect(en.prompt).toMatch(/max-pooling/);
      expect(zh.prompt).toMatch(/最大汇聚层（最大池化层）/);
    }
    expect([...difficulties].sort((a, b) => a - b)).toEqual([1, 2, 11, 12]);
  });

  it("d2l 6.5.1: a 2×2 max pooling of [[0,1,2],[3,4,5],[6,7,8]] gives [[4,5],[7,8]]", () => {
    const params: PoolingMaxValuesParams = { difficulty: "medium", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: 2, stride: 1, padding: 0 };
    const check = poolingMaxValuesTemplate.check(params);
    if (check?.mode !== "run") throw new Error("expected a run check");
    const key = run(check.op as never).output as number[][];
    expect(key).toEqual([[4, 5], [7, 8]]); // d2l 6.5.1 (zh) / 7.5.1 (en), pool2d(X, (2, 2))
    const { solution } = poolingMaxValuesTemplate.render(params, { kind: "matrix", value: key }, "en");
    expect(solution).toContain("\\max(0, 1, 3, 4) = 4");
  });

  it("d2l 6.5.2: a 3×3 window with padding 1 and stride 2 on arange(16) gives [[5,7],[13,15]], padding never winning", () => {
    const input = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]];
    const params: PoolingMaxValuesParams = { difficulty: "hard", input, kernel: 3, stride: 2, padding: 1 };
    const check = poolingMaxValuesTemplate.check(params);
    if (check?.mode !== "run") throw new Error("expected a run check");
    const key = run(check.op as never).output as number[][];
    expect(key).toEqual([[5, 7], [13, 15]]); // d2l 6.5.2 (zh) / 7.5.2 (en), nn.MaxPool2d(3, padding=1, stride=2)
    const { solution } = poolingMaxValuesTemplate.render(params, { kind: "matrix", value: key }, "zh-CN");
    expect(solution).toContain("-\\infty");
    expect(() => poolingMaxValuesTemplate.render(params, { kind: "matrix", value: [[5, 7], [13, 14]] }, "en")).toThrow(/invalid variant|worked solution/);
  });

  it("max pooling pads with -Infinity: a padded corner over negative inputs keeps its input, zero padding would give 0", () => {
    const params: PoolingMaxValuesParams = { difficulty: "hard", input: [[-3, -1], [-2, -5]], kernel: 2, stride: 1, padding: 1 };
    const zeroPadding = poolingMaxValuesTemplate.misconceptions.find((m) => m.id === "zero-padding")!;
    // by hand: windows of the padded 4×4 grid, −∞ outside
    expect(maxPoolByHand({ ...params })).toEqual([[-3, -1, -1], [-2, -1, -1], [-2, -2, -5]]);
    expect(zeroPadding.wrongAnswer(params)).toEqual([[0, 0, 0], [0, -1, 0], [0, 0, 0]]);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["average-instead-of-max", "stride-ignored", "zero-padding"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(poolingMaxValuesCatalogues);
  });
});
