import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import type { CorrelationParams } from "@/lib/problems/templates/cross-correlation-variants";
import { xcorrTrueConvolutionTemplate } from "@/lib/problems/templates/xcorr-true-convolution";
import { xcorrTrueConvolutionCatalogues } from "@/lib/problems/templates/xcorr-true-convolution.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";
import { expectCorrelationDifficulties, expectCorrelationFigure } from "./support/cross-correlation-checks";

const TEMPLATE = "xcorr.true-convolution";

interface ConvOp {
  input: number[][];
  kernel: number[][];
  stride: number;
  padding: number;
}

/**
 * Convolution in the strict sense by hand, Y[i, j] = Σ X[i·s − p + a, j·s − p + b] · K[k−1−a, k−1−b]
 * (d2l 6.2.5, "Cross-Correlation and Convolution": the kernel flipped both ways), zero padding.
 */
function convolveByHand({ input, kernel, stride, padding }: ConvOp): number[][] {
  const n = input.length;
  const k = kernel.length;
  const out = Math.floor((n + 2 * padding - k) / stride) + 1;
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= n || c >= n ? 0 : input[r]![c]!);
  return Array.from({ length: out }, (_, i) =>
    Array.from({ length: out }, (_, j) => {
      let sum = 0;
      for (let a = 0; a < k; a += 1) for (let b = 0; b < k; b += 1) sum += at(i * stride - padding + a, j * stride - padding + b) * kernel[k - 1 - a]![k - 1 - b]!;
      return sum;
    }),
  );
}

describe("xcorr.true-convolution", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and the flipped-kernel sum", () => {
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cross-correlation", answer: { kind: "matrix" }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      expectMatrixClose(en.answer.value, convolveByHand(runOpOf<ConvOp>(en)), 0);
      expect(zh.solution).toMatch(/旋转 180°/);
    }
  });

  it("d2l's figure 6.2.1 input with [[0,1],[2,3]] flipped to [[3,2],[1,0]] gives [[5,11],[23,29]]", () => {
    const params: CorrelationParams = { difficulty: "easy", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]], stride: 1, padding: 0 };
    const check = xcorrTrueConvolutionTemplate.check(params);
    if (check?.mode !== "run") throw new Error("expected a run check");
    const key = run(check.op as never).output as number[][];
    // by hand: 0·3 + 1·2 + 3·1 + 4·0 = 5; 1·3 + 2·2 + 4·1 + 5·0 = 11; 3·3 + 4·2 + 6·1 + 7·0 = 23; 4·3 + 5·2 + 7·1 + 8·0 = 29
    expect(key).toEqual([[5, 11], [23, 29]]);
    const { solution } = xcorrTrueConvolutionTemplate.render(params, { kind: "matrix", value: key }, "en");
    expect(solution).toContain("\\begin{bmatrix} 3 & 2 \\\\ 1 & 0 \\end{bmatrix}");
    const notFlipped = xcorrTrueConvolutionTemplate.misconceptions.find((m) => m.id === "kernel-not-flipped")!;
    expect(notFlipped.wrongAnswer(params)).toEqual([[19, 25], [37, 43]]); // d2l 6.2.1's cross-correlation
  });

  it("spreads 200 seeds over three difficulties: easy is d2l 6.2.1's sizes (3×3 input, 2×2 kernel, entries ≥ 0), hard a 3×3 kernel with padding or stride", () => {
    expectCorrelationDifficulties(TEMPLATE);
  });

  it("its figure draws the padded input, the kernel it slides and every entry of the key", () => {
    expectCorrelationFigure(TEMPLATE);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["flipped-one-axis", "kernel-not-flipped", "kernel-transposed"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(xcorrTrueConvolutionCatalogues);
  });
});
