import { describe, expect, it } from "vitest";
import { analyze, zooSpec } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { expectSweep } from "../support/template-sweep";
import { expectVariantMisconceptions } from "./support/blocks-checks";

const TEMPLATE = "residual.bottleneck-params";

interface ConvRead {
  kernel: number;
  filters: number;
  bias: boolean;
  normed: boolean;
}

/** The convolutions of a path, each with whether a batch normalization follows it. */
function convsOf(layers: { type: string; kernel?: number; filters?: number; bias?: boolean }[]): ConvRead[] {
  return layers.flatMap((layer, i) =>
    layer.type === "conv2d" ? [{ kernel: layer.kernel as number, filters: layer.filters as number, bias: layer.bias !== false, normed: layers[i + 1]?.type === "batchnorm" }] : [],
  );
}

/**
 * He et al. 2016 (fig. 5, right): with c the input channels, m the width and e·m the expanded
 * channels, the three convolutions hold m·c + 9·m² + e·m² weights and a projection c·e·m more;
 * each output channel adds 1 (a bias) or 2 (γ and β of the batch normalization after it).
 */
function keyByFormula(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const c = problem.check.spec.input[0] as number;
  const block = problem.check.spec.layers[0] as unknown as { body: never[]; shortcut: never[] };
  const [reduce, , expand] = convsOf(block.body) as [ConvRead, ConvRead, ConvRead];
  const m = reduce.filters;
  const e = expand.filters / m;
  const projection = convsOf(block.shortcut).length === 1;
  const perChannel = reduce.normed ? 2 : 1;
  const weights = m * (c + 9 * m + e * m) + (projection ? c * e * m : 0);
  const channels = m + m + e * m + (projection ? e * m : 0);
  return weights + perChannel * channels;
}

describe("residual.bottleneck-params", () => {
  it("over 200 seeds keys every variant by the engine and by He et al.'s count, in both languages", () => {
    expectSweep(TEMPLATE, "residual", "integer", keyByFormula);
  });

  it("counts torchvision resnet50's layer1.0 as 75,008 and layer1.1 as 70,400 parameters (published per-block totals)", () => {
    // torchvision resnet50: layer1.0 (64 → 64 → 64 → 256 with a downsample 1×1 conv and BN) and
    // layer1.1 (256 → 64 → 64 → 256, identity); `sum(p.numel() for p in model.layer1[i].parameters())`.
    const layers = zooSpec("resnet50").layers;
    const layer1 = layers.find((layer) => layer.name === "layer1") as { type: "sequential"; layers: never[] };
    expect(analyze({ input: [64, 56, 56], layers: [layer1.layers[0] as never] }).totalParams).toBe(75008);
    expect(analyze({ input: [256, 56, 56], layers: [layer1.layers[1] as never] }).totalParams).toBe(70400);
    // The same blocks by the formula above: 64·(64 + 576 + 256) + 64·256 + 2·(64 + 64 + 256 + 256), and 64·(256 + 576 + 256) + 2·(64 + 64 + 256).
    expect(64 * (64 + 576 + 256) + 64 * 256 + 2 * (64 + 64 + 256 + 256)).toBe(75008);
    expect(64 * (256 + 576 + 256) + 2 * (64 + 64 + 256)).toBe(70400);
  });

  it("names misconceptions that never give the key, each met on some seed", () => {
    expectVariantMisconceptions(TEMPLATE, ["shortcut-always-identity", "forgot-bias-or-norm", "running-stats-counted", "expansion-ignored"]);
  });
});
