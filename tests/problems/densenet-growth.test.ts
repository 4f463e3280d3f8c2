import { describe, expect, it } from "vitest";
import { analyze, zooSpec } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { denseNetGrowthTemplate } from "@/lib/problems/templates/densenet-growth";
import { expectSweep } from "../support/template-sweep";
import { expectVariantMisconceptions } from "./support/blocks-checks";

const TEMPLATE = "densenet.growth";

type Stage = { name?: string; layers: { type: string; branches?: { type: string; filters?: number }[][] }[] };

/**
 * d2l 8.7 (`DenseNet`'s loop): `num_channels += num_convs * growth_rate`, then, between blocks,
 * `num_channels = num_channels // 2` with 2×2/2 average pooling, ⌊h/2⌋. Read from the spec:
 * each dense block's join count and the growth rate of its convolution.
 */
function keyByFormula(problem: Problem): number[] {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  let [c, h, w] = problem.check.spec.input as [number, number, number];
  for (const stage of problem.check.spec.layers as unknown as Stage[]) {
    if (stage.name === "dense block") {
      const growth = stage.layers[0]?.branches?.[1]?.find((layer) => layer.type === "conv2d")?.filters as number;
      c += stage.layers.length * growth;
    } else {
      [c, h, w] = [(c - (c % 2)) / 2, (h - (h % 2)) / 2, (w - (w % 2)) / 2];
    }
  }
  return [c, h, w];
}

describe("densenet.growth", () => {
  it("over 200 seeds keys every variant by the engine and by d2l's channel loop, in both languages", () => {
    expectSweep(TEMPLATE, "dense-connections", "shape", keyByFormula);
  });

  it("traces d2l's DenseNet from b1's 64×24×24: 192, 96, 224, 112, 240, 120 and 248 channels, down to 3×3", () => {
    // d2l 8.7.4 on a 96×96 input: b1 gives 64×24×24; blocks of 4 convs at growth 32 add 128, transitions halve (by hand).
    const trace = [[192, 24, 24], [96, 12, 12], [224, 12, 12], [112, 6, 6], [240, 6, 6], [120, 3, 3], [248, 3, 3]];
    const check = denseNetGrowthTemplate.check({ difficulty: "hard", channelsIn: 64, size: 24, blocks: 4, layers: 4, growth: 32, endsOnTransition: false });
    if (check?.mode !== "analyze") throw new Error("expected an analyze check");
    const answer = analyze(check.spec);
    expect(answer.outputShape).toEqual([248, 3, 3]);
    expect(check.spec.layers.map((_, i) => answer.layers.find((row) => row.path === String(i))?.outputShape)).toEqual(trace);
    // The zoo's d2l DenseNet (built separately, lib/engine/zoo/densenet.ts) passes the same shapes.
    const zoo = analyze(zooSpec("d2l-densenet"));
    const topLevel = zoo.layers.filter((row) => /^[1-7]$/.test(row.path)).map((row) => row.outputShape);
    expect(topLevel).toEqual(trace);
  });

  it("names misconceptions that never give the key, each met on some seed", () => {
    expectVariantMisconceptions(TEMPLATE, ["forgot-input-channels", "transition-keeps-channels", "transition-keeps-size", "ceil-instead-of-floor"]);
  });
});
