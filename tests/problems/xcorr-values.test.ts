import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import type { CorrelationParams } from "@/lib/problems/templates/cross-correlation-variants";
import { xcorrValuesTemplate } from "@/lib/problems/templates/xcorr-values";
import { xcorrValuesCatalogues } from "@/lib/problems/templates/xcorr-values.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";
import { expectCorrelationDifficulties, expectCorrelationFigure } from "./support/cross-correlation-checks";

const TEMPLATE = "xcorr.values";

interface CorrOp {
  input: number[][];
  kernel: number[][];
  stride: number;
  padding: number;
}

/** d2l 6.2.1's `corr2d` loop, Y[i, j] = (X[i:i+h, j:j+w] * K).sum(), with zero padding and a stride (d2l 6.3). */
function corr2dByHand({ input, kernel, stride, padding }: CorrOp): number[][] {
  const n = input.length;
  const k = kernel.length;
  const out = Math.floor((n + 2 * padding - k) / stride) + 1;
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= n || c >= n ? 0 : input[r]![c]!);
  return Array.from({ length: out }, (_, i) =>
    Array.from({ length: out }, (_, j) => {
      let sum = 0;
      for (let a = 0; a < k; a += 1) for (let b = 0; b < k; b += 1) sum += at(i * stride - padding + a, j * stride - padding + b) * kernel[a]![b]!;
      return sum;
    }),
  );
}

describe("xcorr.values", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and d2l's corr2d", () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cross-correlation", answer: { kind: "matrix" }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      const op = runOpOf<CorrOp>(en);
      expectMatrixClose(en.answer.value, corr2dByHand(op), 0);
      kinds.add(`${op.kernel.length}/${op.stride}/${op.padding}`);
      expect(zh.prompt).toMatch(/互相关运算/);
    }
    expect([...kinds].sort()).toEqual(["2/1/0", "3/1/0", "3/1/1", "3/2/0", "3/2/1"]);
  });

  it("d2l 6.2.1, figure 6.2.1: [[0,1,2],[3,4,5],[6,7,8]] with [[0,1],[2,3]] gives [[19,25],[37,43]]", () => {
    const params: CorrelationParams = { difficulty: "easy", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]], stride: 1, padding: 0 };
    const check = xcorrValuesTemplate.check(params);
    if (check?.mode !== "run") throw new Error("expected a run check");
    const key = run(check.op as never).output as number[][];
    expect(key).toEqual([[19, 25], [37, 43]]); // d2l 6.2.1 (zh) / 7.2.1 (en)
    const { solution } = xcorrValuesTemplate.render(params, { kind: "matrix", value: key }, "en");
    expect(solution).toContain("0 \\cdot 0 + 1 \\cdot 1 + 3 \\cdot 2 + 4 \\cdot 3 = 19");
    expect(() => xcorrValuesTemplate.render(params, { kind: "matrix", value: [[19, 25], [37, 44]] }, "en")).toThrow(/worked solution/);
  });

  it("the kernel-flipped answer is d2l's figure computed with the kernel rotated: [[0,1],[2,3]] → [[3,2],[1,0]]", () => {
    const params: CorrelationParams = { difficulty: "easy", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]], stride: 1, padding: 0 };
    const flipped = xcorrValuesTemplate.misconceptions.find((m) => m.id === "kernel-flipped")!;
    // by hand: 0·3 + 1·2 + 3·1 + 4·0 = 5, and so on
    expect(flipped.wrongAnswer(params)).toEqual([[5, 11], [23, 29]]);
  });

  it("spreads 200 seeds over three difficulties: easy is d2l 6.2.1's sizes (3×3 input, 2×2 kernel, entries ≥ 0), hard a 3×3 kernel with padding or stride", () => {
    expectCorrelationDifficulties(TEMPLATE);
  });

  it("its figure draws the padded input, the kernel it slides and every entry of the key", () => {
    expectCorrelationFigure(TEMPLATE);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["kernel-flipped", "padding-ignored", "stride-ignored"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(xcorrValuesCatalogues);
  });
});
