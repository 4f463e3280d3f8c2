import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { type Problem, sampleProblem } from "@/lib/problems";
import { expectSweep } from "../support/template-sweep";
import { expectVariantMisconceptions } from "./support/blocks-checks";

const TEMPLATE = "residual.resnext-params";

type Layer = { type: string; filters?: number; groups?: number };

/**
 * d2l.ai 8.6 (ResNeXt block) and PyTorch's `nn.Conv2d` docs: a grouped k×k convolution has
 * weight shape (c_o, c_i/g, k, k), so k²·c_i·c_o/g weights, plus c_o biases; every BatchNorm2d
 * adds γ and β, 2·c_o. Written here as the total over the block's convolutions, each read from the spec.
 */
function keyByFormula(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const channelsIn = problem.check.spec.input[0] as number;
  const block = problem.check.spec.layers[0] as unknown as { body: Layer[]; shortcut: Layer[] };
  const [b, , c] = block.body.filter((layer) => layer.type === "conv2d") as [Layer, Layer, Layer];
  const g = (block.body.find((layer) => layer.groups !== undefined)?.groups ?? 1) as number;
  const bottleneck = b.filters as number;
  const channels = c.filters as number;
  const grouped = (9 * bottleneck * bottleneck) / g + bottleneck;
  if (problem.check.select !== "totalParams") return grouped;
  const projection = block.shortcut.length > 0 ? channelsIn * channels + channels + 2 * channels : 0;
  return channelsIn * bottleneck + bottleneck + grouped + bottleneck * channels + channels + 2 * (bottleneck + bottleneck + channels) + projection;
}

describe("residual.resnext-params", () => {
  it("over 200 seeds keys every variant by the engine and by the grouped-convolution count, in both languages", () => {
    expectSweep(TEMPLATE, "residual", "integer", keyByFormula);
  });

  it("asks the easy variants for the grouped layer, whose row is the block's fourth layer in the engine's pre-order", () => {
    let easy = 0;
    for (let seed = 0; seed < 60; seed += 1) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      if (problem.difficulty !== "easy" || problem.check?.mode !== "analyze") continue;
      const row = analyze(problem.check.spec).layers[4];
      expect([row?.path, row?.type]).toEqual(["0.body.3", "conv2d"]);
      easy += 1;
    }
    expect(easy).toBeGreaterThan(5);
  });

  it("counts d2l's example block ResNeXtBlock(32, 16, 1) on 32 channels by hand: 2 groups of 16", () => {
    // d2l.ai 8.6: blk = ResNeXtBlock(32, 16, 1); bot_channels 32, nn.Conv2d(groups = 32 // 16 = 2).
    // 1×1: 32·32 + 32 = 1,056; 3×3 in 2 groups: 9·16·32 + 32 = 4,640; 1×1: 1,056; three BNs: 3·64 = 192.
    const conv = (filters: number, kernel: number, groups = 1) => ({ type: "conv2d" as const, filters, kernel, ...(kernel === 3 ? { padding: 1 } : {}), groups });
    const spec = {
      input: [32, 96, 96],
      layers: [{ type: "residual" as const, body: [conv(32, 1), { type: "batchnorm" as const }, conv(32, 3, 2), { type: "batchnorm" as const }, conv(32, 1), { type: "batchnorm" as const }], shortcut: [] }],
    };
    const answer = analyze(spec);
    expect(answer.totalParams).toBe(1056 + 4640 + 1056 + 192);
    expect(answer.outputShape).toEqual([32, 96, 96]);
  });

  it("names misconceptions that never give the key, each met on some seed", () => {
    expectVariantMisconceptions(TEMPLATE, ["groups-ignored", "groups-as-width", "batchnorm-ignored", "shortcut-always-identity"]);
  });
});
