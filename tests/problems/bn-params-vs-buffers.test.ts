import { describe, expect, it } from "vitest";
import { analyze, type LayerSpec } from "@/lib/engine";
import type { Problem } from "@/lib/problems";
import { expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "bn.params-vs-buffers";

/**
 * Conv `k²·c_i·c_o + c_o`, dense `in·out + out` (d2l 6.4), batch normalization `2C` (γ and β;
 * d2l 7.5 zh / 8.5 en; PyTorch `BatchNorm2d`: `weight` and `bias` are parameters,
 * `running_mean` / `running_var` buffers). Shapes carried by hand through the small specs.
 */
function keyByFormula(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  let [channels, size] = problem.check.spec.input as [number, number, number];
  let flat = 0;
  let total = 0;
  for (const layer of problem.check.spec.layers) {
    if (layer.type === "conv2d") {
      const k = layer.kernel as number;
      total += k * k * channels * layer.filters + layer.filters;
      channels = layer.filters;
    } else if (layer.type === "batchnorm") total += 2 * (flat || channels);
    else if (layer.type === "maxpool2d") size = Math.floor(size / 2);
    else if (layer.type === "flatten") flat = channels * size * size;
    else if (layer.type === "dense") {
      total += flat * layer.units + layer.units;
      flat = layer.units;
    }
  }
  return total;
}

describe("bn.params-vs-buffers", () => {
  it("over 200 seeds keys every variant by the engine and by the hand count, in both languages", () => {
    expectSweep(TEMPLATE, "batchnorm", "integer", keyByFormula);
  });

  it("counts γ and β as parameters and the running statistics as buffers", () => {
    // d2l 7.5 (zh) / 8.5 (en): BatchNorm2d(6) has 12 parameters; by hand: conv 3·3·1·6 + 6 = 60.
    const layers: LayerSpec[] = [{ type: "conv2d", filters: 6, kernel: 3, padding: 1 }, { type: "batchnorm" }];
    const analysis = analyze({ input: [1, 8, 8], layers });
    expect(analysis.totalParams).toBe(60 + 12);
    expect(analysis.totalBuffers).toBe(12);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["running-stats-counted", "batchnorm-ignored", "per-pixel-scale"]);
  });
});
