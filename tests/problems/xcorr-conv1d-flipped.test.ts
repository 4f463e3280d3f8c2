import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import { gradeAnswer } from "@/lib/grading";
import { sampleProblem } from "@/lib/problems";
import { xcorrConv1dFlippedTemplate, type XcorrConv1dFlippedParams } from "@/lib/problems/templates/xcorr-conv1d-flipped";
import { xcorrConv1dFlippedCatalogues } from "@/lib/problems/templates/xcorr-conv1d-flipped.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "xcorr.conv1d-flipped";

interface Conv2dOp {
  input: number[][];
  kernel: number[][];
  padding: [number, number];
}

/**
 * NNDL 5.1.1's definition written out, 1-based as the book writes it: y_t = Σ_{k=1..K} w_k·x_{t−k+1},
 * t = K..N for the narrow convolution; for the wide one (NNDL 5.1.3) x_i = 0 outside 1..N and
 * t = 1..N+K−1.
 */
function convolveByDefinition(x: readonly number[], w: readonly number[], wide: boolean): number[] {
  const N = x.length;
  const K = w.length;
  const xAt = (i: number) => (i >= 1 && i <= N ? x[i - 1]! : 0);
  const ys: number[] = [];
  for (let t = wide ? 1 : K; t <= (wide ? N + K - 1 : N); t += 1) {
    let y = 0;
    for (let k = 1; k <= K; k += 1) y += w[k - 1]! * xAt(t - k + 1);
    ys.push(y);
  }
  return ys;
}

const keyOf = (params: XcorrConv1dFlippedParams) => {
  const check = xcorrConv1dFlippedTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return (run(check.op as never).output as number[][])[0]!;
};

describe("xcorr.conv1d-flipped", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and NNDL's sum y_t = Σ w_k x_{t−k+1}", () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cross-correlation", answer: { kind: "matrix" }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      const op = runOpOf<Conv2dOp>(en);
      const [x, w] = [op.input[0]!, op.kernel[0]!];
      const wide = op.padding[1] > 0;
      expectMatrixClose(en.answer.value, [convolveByDefinition(x, w, wide)], 0);
      // The same numbers as the engine's cross-correlation with the filter reversed (NNDL 5.1.2).
      const corr = run({ op: "corr1d", input: x, kernel: [...w].reverse(), padding: op.padding[1] }).output as number[];
      expectMatrixClose(en.answer.value, [corr], 0);
      seen.add(`${en.difficulty} ${wide}`);
      expect(en.prompt).toContain(wide ? "wide convolution" : "narrow convolution");
      expect(zh.prompt).toContain(wide ? "宽卷积" : "窄卷积");
      expect(en.figure?.svg).toContain("<svg");
    }
    expect([...seen].sort()).toEqual(["easy false", "hard true", "medium false"]);
  });

  it("NNDL 5.1.1's filters: the moving average [1/3, 1/3, 1/3] and the second difference [1, −2, 1], symmetric, so flipping changes nothing", () => {
    const x = [1, 1, -1, 1, 1, -1, 1];
    const params = (filter: number[]): XcorrConv1dFlippedParams => ({ difficulty: "easy", signal: x, filter, padding: 0 });
    // by hand: (1 + 1 − 1)/3, (1 − 1 + 1)/3, (−1 + 1 + 1)/3, (1 + 1 − 1)/3, (1 − 1 + 1)/3
    expectMatrixClose([keyOf(params([1 / 3, 1 / 3, 1 / 3]))], [[1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3]], 1e-6);
    // by hand: 1·(−1) − 2·1 + 1·1 = −2, 1·1 − 2·(−1) + 1·1 = 4, 1·1 − 2·1 + 1·(−1) = −2, 1·(−1) − 2·1 + 1·1 = −2, 1·1 − 2·(−1) + 1·1 = 4
    expect(keyOf(params([1, -2, 1]))).toEqual([-2, 4, -2, -2, 4]);
  });

  it("an asymmetric filter: the convolution and the cross-correlation differ (by hand, x = [1, 2, 3, 4], w = [1, 0, −1])", () => {
    const params: XcorrConv1dFlippedParams = { difficulty: "easy", signal: [1, 2, 3, 4], filter: [1, 0, -1], padding: 0 };
    // convolution: y_3 = 1·3 + 0·2 − 1·1 = 2, y_4 = 1·4 + 0·3 − 1·2 = 2; cross-correlation: 1·1 − 1·3 = −2, 1·2 − 1·4 = −2
    expect(keyOf(params)).toEqual([2, 2]);
    const notFlipped = xcorrConv1dFlippedTemplate.misconceptions.find((m) => m.id === "kernel-not-flipped")!;
    expect(notFlipped.wrongAnswer(params)).toEqual([[-2, -2]]);
    // wide (NNDL 5.1.3): two zeros each end, N + K − 1 = 6 outputs: 1, 2, 3−1, 4−2, −3, −4
    expect(keyOf({ ...params, difficulty: "hard", padding: 2 })).toEqual([1, 2, 2, 2, -3, -4]);
  });

  it("refuses a worked solution that disagrees with the engine", () => {
    const params: XcorrConv1dFlippedParams = { difficulty: "easy", signal: [1, 2, 3, 4], filter: [1, 0, -1], padding: 0 };
    expect(() => xcorrConv1dFlippedTemplate.render(params, { kind: "matrix", value: [[-2, -2]] }, "en")).toThrow(/worked solution/);
  });

  it("grades the key 1 and names the misconceptions, which differ from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["kernel-not-flipped", "output-reversed", "padding-ignored"]);
    for (const seed of SEEDS.slice(0, 60)) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      const row = (problem.answer.value as number[][])[0]!;
      expect(gradeAnswer({ problem, answer: row.join(" ") })).toMatchObject({ gradable: true, score: 1, correct: true });
    }
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(xcorrConv1dFlippedCatalogues);
  });
});
