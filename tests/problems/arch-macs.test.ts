import { describe, expect, it } from "vitest";
import { type Problem, sampleProblem } from "@/lib/problems";
import { expectMisconceptions, expectSweep } from "../support/template-sweep";
import { handRowOf, handRows } from "./support/d2l-nets-by-hand";

const TEMPLATE = "arch.macs";

/**
 * `C_out·H_out·W_out·C_in·k²` (DESIGN.md, "Reference semantics"), by hand for each convolution of
 * d2l's networks, by layer index in the engine's pre-order list. LeNet: 6·28·28·1·25 = 117,600 and
 * 16·10·10·6·25 = 240,000 (d2l 6.6 shapes); AlexNet's first: 96·54·54·1·121 = 33,868,416.
 */
const MACS: Record<string, Record<number, number>> = {
  "LeNet (d2l)": { 0: 117600, 3: 240000 },
  "AlexNet (d2l)": {
    0: 96 * 54 * 54 * 1 * 121, 3: 256 * 26 * 26 * 96 * 25, 6: 384 * 12 * 12 * 256 * 9, 8: 384 * 12 * 12 * 384 * 9, 10: 256 * 12 * 12 * 384 * 9,
  },
  "VGG-11 (d2l)": {
    1: 64 * 224 * 224 * 1 * 9, 5: 128 * 112 * 112 * 64 * 9, 9: 256 * 56 * 56 * 128 * 9, 11: 256 * 56 * 56 * 256 * 9,
    15: 512 * 28 * 28 * 256 * 9, 17: 512 * 28 * 28 * 512 * 9, 21: 512 * 14 * 14 * 512 * 9, 23: 512 * 14 * 14 * 512 * 9,
  },
};

/** The MACs by hand on the variant's own input (support/d2l-nets-by-hand.ts). */
function keyByHand(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  return handRowOf(problem.check).macs;
}

describe("arch.macs", () => {
  it("over 200 seeds keys every variant by the engine and by the hand counts, in both languages", () => {
    expectSweep(TEMPLATE, "architectures", "integer", keyByHand);
  });

  it("asks about every convolution of the three networks", () => {
    const asked = new Set<string>();
    for (let seed = 0; seed < 1500; seed += 1) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      if (problem.check?.mode !== "analyze") throw new Error("unreachable");
      asked.add(`${problem.check.spec.name}:${problem.check.select}`);
    }
    expect(asked.size).toBe(Object.values(MACS).flatMap((table) => Object.keys(table)).length);
  });

  it("counts by hand the book's numbers on the book's inputs", () => {
    for (const [net, table] of Object.entries(MACS)) {
      const rows = handRows(net, net.startsWith("LeNet") ? 28 : 224);
      for (const [index, macs] of Object.entries(table)) expect(rows.get(Number(index))?.macs, `${net} ${index}`).toBe(macs);
    }
  });

  it("says in the prompt that the padding's zeros are counted, which the key does (LeNet's first layer: 117,600, not the 107,736 products with real pixels)", () => {
    // By hand: LeNet's first convolution pads a 28×28 input by 2; a 5×5 window at output (i, j) covers
    // rows max(0, i−2)…min(27, i+2), i.e. 3, 4, 5, …, 5, 4, 3 real rows (sum 134), so 6·134·134 = 107,736
    // multiplications touch real pixels, while the key counts 6·28·28·25 = 117,600.
    const realRows = Array.from({ length: 28 }, (_, i) => Math.min(27, i + 2) - Math.max(0, i - 2) + 1).reduce((a, b) => a + b, 0);
    expect(6 * realRows * realRows).toBe(107736);
    for (let seed = 0; seed < 200; seed += 1) {
      expect(sampleProblem({ template: TEMPLATE, seed }).prompt).toMatch(/the zeros of the padding included/);
      expect(sampleProblem({ template: TEMPLATE, seed, lang: "zh-CN" }).prompt).toMatch(/填充的零也算/);
    }
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["params-instead", "input-size-used", "bias-counted"]);
  });
});
