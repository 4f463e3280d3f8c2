import { describe, expect, it } from "vitest";
import type { Problem } from "@/lib/problems";
import { expectMisconceptions, expectSweep } from "../support/template-sweep";
import { handRowOf, handRows } from "./support/d2l-nets-by-hand";

const TEMPLATE = "arch.zoo-params";

/**
 * Hand-computed parameters (`k·k·c_i·c_o + c_o`, dense `in·out + out`, d2l 6.4) of each
 * convolution and dense layer of d2l's networks, by layer index in the engine's pre-order list.
 * LeNet: 156, 2,416, 48,120, 10,164, 850 (61,706 in all, d2l 6.6); AlexNet's first dense layer:
 * 6,400·4,096 + 4,096 = 26,218,496; VGG-11's first: 3·3·1·64 + 64 = 640.
 */
const PARAMS: Record<string, Record<number, number>> = {
  "LeNet (d2l)": { 0: 156, 3: 2416, 7: 48120, 9: 10164, 11: 850 },
  "AlexNet (d2l)": { 0: 11712, 3: 614656, 6: 885120, 8: 1327488, 10: 884992, 14: 26218496, 17: 16781312, 20: 40970 },
  "VGG-11 (d2l)": {
    1: 640, 5: 73856, 9: 295168, 11: 590080, 15: 1180160, 17: 2359808, 21: 2359808, 23: 2359808,
    27: 102764544, 30: 16781312, 33: 40970,
  },
};

/** The count by hand on the variant's own input (support/d2l-nets-by-hand.ts). */
function keyByHand(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  return handRowOf(problem.check).params;
}

describe("arch.zoo-params", () => {
  it("over 200 seeds keys every variant by the engine and by the hand counts, in both languages", () => {
    expectSweep(TEMPLATE, "architectures", "integer", keyByHand);
  });

  it("counts by hand the book's numbers on the book's inputs", () => {
    for (const [net, table] of Object.entries(PARAMS)) {
      const rows = handRows(net, net.startsWith("LeNet") ? 28 : 224);
      for (const [index, params] of Object.entries(table)) expect(rows.get(Number(index))?.params, `${net} ${index}`).toBe(params);
    }
  });

  it("checks the hand counts of LeNet against d2l's total of 61,706", () => {
    // d2l 6.6 (zh) / 7.6 (en): LeNet has 61,706 parameters.
    expect(Object.values(PARAMS["LeNet (d2l)"] ?? {}).reduce((a, b) => a + b, 0)).toBe(61706);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["forgot-bias", "weight-sharing-ignored", "input-channels-ignored"]);
  });
});
