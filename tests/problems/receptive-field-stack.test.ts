import { describe, expect, it } from "vitest";
import type { LayerSpec } from "@/lib/engine";
import { createRng, type Problem, sampleProblem } from "@/lib/problems";
import { receptiveFieldStackTemplate } from "@/lib/problems/templates/receptive-field-stack";
import { engineValue, expectMisconceptions, expectSweep } from "../support/template-sweep";

const TEMPLATE = "rf.stacked-layers";

/**
 * `r_L = 1 + Σ_l (k_l − 1) · Π_{i<l} s_i`: Araujo, Norris & Sim, "Computing Receptive Fields of
 * Convolutional Neural Networks", Distill 2019, eq. (2), read off the variant's spec.
 */
function keyByFormula(problem: Problem): number {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  let field = 1;
  let jump = 1;
  for (const layer of problem.check.spec.layers as (LayerSpec & { kernel: number; stride: number })[]) {
    field += (layer.kernel - 1) * jump;
    jump *= layer.stride;
  }
  return field;
}

describe("rf.stacked-layers", () => {
  it("over 200 seeds keys every variant by the engine and by the closed formula, in both languages", () => {
    expectSweep(TEMPLATE, "receptive-field", "integer", keyByFormula);
  });

  it("spreads seeds over the three difficulties", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed += 1) {
      seen.add(receptiveFieldStackTemplate.generate(createRng(seed)).difficulty);
    }
    expect([...seen].sort()).toEqual(["easy", "hard", "medium"]);
  });

  it("gives d2l's example: two stacked 3×3 convolutions see a 5×5 input region", () => {
    // d2l 6.2 (zh) / 7.2 (en), "Feature Map and Receptive Field": 2×2 output of a 3×3 layer after another.
    const spec = { input: [1, 8, 8], layers: [conv(3, 1), conv(3, 1)] };
    expect(engineValue({ check: { mode: "analyze", spec, select: "layers.1.receptiveField.0" } })).toBe(5);
  });

  it("compounds the jump: conv 3/2, conv 3/2, conv 3/1 sees 15 pixels", () => {
    // By hand: r = 1 + 2·1 + 2·2 + 2·4 = 15.
    const spec = { input: [1, 32, 32], layers: [conv(3, 2), conv(3, 2), conv(3, 1)] };
    expect(engineValue({ check: { mode: "analyze", spec, select: "layers.2.receptiveField.0" } })).toBe(15);
  });

  it("asks for the theoretical field and states every layer's padding, since hard keys exceed the 64-pixel input (issue 13: seeds 5, 47, 59, 65, 185)", () => {
    for (const seed of [5, 47, 59, 65, 185]) {
      const problem = sampleProblem({ template: TEMPLATE, seed, lang: "en" });
      expect(problem.answer.value as number, `seed ${seed}`).toBeGreaterThan(64);
    }
    for (let seed = 0; seed < 200; seed += 1) {
      for (const lang of ["en", "zh-CN"] as const) {
        const problem = sampleProblem({ template: TEMPLATE, seed, lang });
        expect(problem.prompt).toMatch(lang === "en" ? /theoretical receptive field.*as if the input had no border/s : /理论感受野.*不考虑输入边界/s);
        expect(problem.prompt).toMatch(lang === "en" ? /may be wider than the input/ : /可以比输入本身更宽/);
        if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
        const layers = problem.check.spec.layers as { type: string; kernel: number; padding?: number }[];
        const lines = problem.prompt.split("\n").filter((line) => /^\d+\. /.test(line));
        expect(lines.length).toBe(layers.length);
        layers.forEach((layer, index) => {
          const line = lines[index] as string;
          // d2l 7.3.1: padding ⌊k/2⌋ keeps an odd kernel's size; pooling here pads nothing.
          if (layer.type === "conv2d") expect(line).toContain(lang === "en" ? `padding $${Math.floor(layer.kernel / 2)}$` : `填充 $${Math.floor(layer.kernel / 2)}$`);
          else expect(line).toContain(lang === "en" ? "no padding" : "无填充");
          expect(layer.padding ?? 0).toBe(layer.type === "conv2d" ? Math.floor(layer.kernel / 2) : 0);
        });
      }
    }
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["strides-ignored", "kernels-multiplied", "own-stride-counted"]);
  });

  it("shows the working with the engine's key in the solution", () => {
    const problem = sampleProblem({ template: TEMPLATE, seed: 3, lang: "zh-CN" });
    expect(problem.prompt).toMatch(/感受野/);
    expect(problem.solution).toContain(`$${problem.answer.value as number}$`);
  });
});

function conv(kernel: number, stride: number): LayerSpec {
  return { type: "conv2d", filters: 4, kernel, stride, padding: 1 };
}

