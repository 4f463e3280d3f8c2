import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import { xcorrEdgeDetectionTemplate, type XcorrEdgeDetectionParams } from "@/lib/problems/templates/xcorr-edge-detection";
import { xcorrEdgeDetectionCatalogues } from "@/lib/problems/templates/xcorr-edge-detection.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "xcorr.edge-detection";

/** d2l 6.2.1's corr2d with K = [[1, −1]]: Y[i, j] = X[i, j] − X[i, j + 1]. */
const edgesByHand = (input: number[][]) => input.map((row) => row.slice(0, -1).map((x, j) => x - row[j + 1]!));

const keyOf = (params: XcorrEdgeDetectionParams) => {
  const check = xcorrEdgeDetectionTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return run(check.op as never).output as number[][];
};

/** d2l 6.2.3: X = torch.ones((6, 8)); X[:, 2:6] = 0. */
const D2L_IMAGE = Array.from({ length: 6 }, () => [1, 1, 0, 0, 0, 0, 1, 1]);

describe("xcorr.edge-detection", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and the neighbour differences", () => {
    let horizontal = 0;
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cross-correlation", answer: { kind: "matrix" }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      const op = runOpOf<{ input: number[][]; kernel: number[][] }>(en);
      expect(op.kernel).toEqual([[1, -1]]);
      expectMatrixClose(en.answer.value, edgesByHand(op.input), 0);
      if ((en.answer.value as number[][]).flat().every((x) => x === 0)) horizontal += 1;
      expect(zh.solution).toMatch(/边缘/);
    }
    expect(horizontal).toBeGreaterThan(0);
  });

  it("d2l 6.2.3: the 6×8 image with a dark band gives 1 at the bright-to-dark edge and −1 at the dark-to-bright one", () => {
    const params: XcorrEdgeDetectionParams = { difficulty: "easy", input: D2L_IMAGE };
    const key = keyOf(params);
    // d2l 6.2.3 (zh) / 7.2.3 (en): every row of Y is [0, 1, 0, 0, 0, -1, 0]
    expectMatrixClose(key, Array.from({ length: 6 }, () => [0, 1, 0, 0, 0, -1, 0]), 0);
    expect(xcorrEdgeDetectionTemplate.render(params, { kind: "matrix", value: key }, "en").solution).not.toContain("horizontal");
  });

  it("d2l 6.2.3: on the transposed image the kernel detects nothing, and the solution says why", () => {
    const transposed = D2L_IMAGE[0]!.map((_, j) => D2L_IMAGE.map((row) => row[j]!));
    const params: XcorrEdgeDetectionParams = { difficulty: "hard", input: transposed };
    const key = keyOf(params);
    expectMatrixClose(key, Array.from({ length: 8 }, () => [0, 0, 0, 0, 0]), 0); // d2l: corr2d(X.t(), K) is all zeros
    expect(xcorrEdgeDetectionTemplate.render(params, { kind: "matrix", value: key }, "en").solution).toContain("horizontal");
    expect(() => xcorrEdgeDetectionTemplate.render(params, { kind: "matrix", value: [[1]] }, "en")).toThrow(/worked solution/);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["absolute-values", "signs-swapped", "vertical-differences"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(xcorrEdgeDetectionCatalogues);
  });
});
