import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import { poolingAvgValuesTemplate, type PoolingAvgValuesParams } from "@/lib/problems/templates/pooling-avg-values";
import { poolingAvgValuesCatalogues } from "@/lib/problems/templates/pooling-avg-values.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "pooling.avg-values";

interface AvgPoolOp {
  input: number[][];
  kernel: number;
  stride: number;
  padding: number;
  count_include_pad: boolean;
}

/**
 * Average pooling by hand: PyTorch `nn.AvgPool2d` (zero padding; `count_include_pad` decides
 * whether padded zeros count in the divisor), d2l 6.5.1's `pool2d(X, pool_size, 'avg')` loop.
 */
function avgPoolByHand({ input, kernel, stride, padding, count_include_pad }: AvgPoolOp): number[][] {
  const n = input.length;
  const out = Math.floor((n + 2 * padding - kernel) / stride) + 1;
  return Array.from({ length: out }, (_, i) =>
    Array.from({ length: out }, (_, j) => {
      let sum = 0;
      let inside = 0;
      for (let a = 0; a < kernel; a += 1)
        for (let b = 0; b < kernel; b += 1) {
          const r = i * stride - padding + a;
          const c = j * stride - padding + b;
          if (r >= 0 && c >= 0 && r < n && c < n) {
            sum += input[r]![c]!;
            inside += 1;
          }
        }
      return sum / (count_include_pad ? kernel * kernel : inside);
    }),
  );
}

const keyOf = (params: PoolingAvgValuesParams) => {
  const check = poolingAvgValuesTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return run(check.op as never).output as number[][];
};

describe("pooling.avg-values", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and the hand formula's", () => {
    const settings = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "pooling", answer: { kind: "matrix", tolerance: 0.01 }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      const op = runOpOf<AvgPoolOp>(en);
      expectMatrixClose(en.answer.value, avgPoolByHand(op));
      settings.add(`${op.padding}/${op.count_include_pad}`);
      expect(zh.prompt).toMatch(/平均汇聚层（平均池化层）/);
    }
    expect([...settings].sort()).toEqual(["0/true", "1/false", "1/true"]);
  });

  it("d2l 6.5.1: a 2×2 average pooling of [[0,1,2],[3,4,5],[6,7,8]] gives [[2,3],[5,6]]", () => {
    const params: PoolingAvgValuesParams = { difficulty: "medium", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: 2, stride: 1, padding: 0, countIncludePad: true };
    const key = keyOf(params);
    expect(key).toEqual([[2, 3], [5, 6]]); // d2l 6.5.1 (zh) / 7.5.1 (en), pool2d(X, (2, 2), 'avg')
    expect(poolingAvgValuesTemplate.render(params, { kind: "matrix", value: key }, "en").solution).toContain("\\frac{0 + 1 + 3 + 4}{4} = 2");
  });

  it("with padding, count_include_pad decides the divisor of a corner window", () => {
    const base = { difficulty: "hard" as const, input: [[4, 8], [0, 0]], kernel: 2, stride: 1, padding: 1 };
    // by hand: the top-left window covers three padded zeros and the 4
    expect(keyOf({ ...base, countIncludePad: true })[0]![0]).toBe(1); // 4 / 4
    expect(keyOf({ ...base, countIncludePad: false })[0]![0]).toBe(4); // 4 / 1
    expect(keyOf({ ...base, countIncludePad: true })[0]![1]).toBe(3); // (4 + 8) / 4
  });

  it("throws an invalid-variant error when the engine's key disagrees with the working", () => {
    const params: PoolingAvgValuesParams = { difficulty: "easy", input: [[1, 1], [1, 1]], kernel: 2, stride: 2, padding: 0, countIncludePad: true };
    expect(() => poolingAvgValuesTemplate.render(params, { kind: "matrix", value: [[2]] }, "en")).toThrow(/worked solution/);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["max-instead-of-average", "padding-count-swapped", "stride-ignored"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(poolingAvgValuesCatalogues);
  });
});
