import { describe, expect, it } from "vitest";
import { analyze, zooSpec } from "@/lib/engine";
import { type Problem, sampleProblem } from "@/lib/problems";
import { expectMisconceptions, expectSweep } from "../support/template-sweep";
import { handRowOf, handRows } from "./support/d2l-nets-by-hand";

const TEMPLATE = "arch.layer-shape";

/**
 * Hand-computed shapes of d2l's networks on their 224×224 (LeNet: 28×28) Fashion-MNIST inputs,
 * by layer index in the engine's pre-order list. Sources: d2l 6.6 (zh) / 7.6 (en) LeNet's printed
 * shapes; d2l 7.1 / 8.1 AlexNet's printed shapes; d2l 7.2 / 8.2 VGG-11's block outputs.
 */
const SHAPES: Record<string, Record<number, number[]>> = {
  "LeNet (d2l)": { 0: [6, 28, 28], 2: [6, 14, 14], 3: [16, 10, 10], 5: [16, 5, 5], 6: [400], 7: [120], 9: [84], 11: [10] },
  "AlexNet (d2l)": {
    0: [96, 54, 54], 2: [96, 26, 26], 3: [256, 26, 26], 5: [256, 12, 12], 6: [384, 12, 12], 8: [384, 12, 12],
    10: [256, 12, 12], 12: [256, 5, 5], 13: [6400], 14: [4096], 17: [4096], 20: [10],
  },
  "VGG-11 (d2l)": {
    1: [64, 224, 224], 3: [64, 112, 112], 5: [128, 112, 112], 7: [128, 56, 56], 9: [256, 56, 56], 11: [256, 56, 56],
    13: [256, 28, 28], 15: [512, 28, 28], 17: [512, 28, 28], 19: [512, 14, 14], 21: [512, 14, 14], 23: [512, 14, 14],
    25: [512, 7, 7], 26: [25088], 27: [4096], 30: [4096], 33: [10],
  },
};

/** The shape by hand on the variant's own input (support/d2l-nets-by-hand.ts). */
function keyByHand(problem: Problem): number[] {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  return handRowOf(problem.check).outputShape;
}

describe("arch.layer-shape", () => {
  it("over 200 seeds keys every variant by the engine and by the shapes d2l prints, in both languages", () => {
    expectSweep(TEMPLATE, "architectures", "shape", keyByHand);
  });

  it("walks by hand to the shapes d2l prints on the book's inputs (28 for LeNet, 224 for AlexNet and VGG-11)", () => {
    for (const [net, shapes] of Object.entries(SHAPES)) {
      const rows = handRows(net, net.startsWith("LeNet") ? 28 : 224);
      for (const [index, shape] of Object.entries(shapes)) expect(rows.get(Number(index))?.outputShape, `${net} ${index}`).toEqual(shape);
    }
  });

  it("asks about the networks' own zoo specs on several inputs, every listed layer past the first reachable", () => {
    const layers = new Set<string>();
    const inputs = new Set<string>();
    for (let seed = 0; seed < 1500; seed += 1) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      if (problem.check?.mode !== "analyze") throw new Error("unreachable");
      expect(problem.check.spec.layers).toEqual(zooSpec(problem.check.spec.name === "LeNet (d2l)" ? "d2l-lenet" : problem.check.spec.name === "AlexNet (d2l)" ? "d2l-alexnet" : "d2l-vgg11").layers);
      layers.add(`${problem.check.spec.name}:${problem.check.select}`);
      inputs.add(`${problem.check.spec.name}:${problem.check.spec.input[1]}`);
    }
    // LeNet 7, AlexNet 11 and VGG-11 16 listed layers past the first; 8, 8 and 15 input sizes.
    expect(layers.size).toBe(7 + 11 + 16);
    expect(inputs.size).toBe(8 + 8 + 15);
    expect(analyze(zooSpec("d2l-alexnet")).layers[12]?.outputShape).toEqual([256, 5, 5]);
  });

  it("lists misconceptions that each differ from the key on some seeds", () => {
    expectMisconceptions(TEMPLATE, ["layer-skipped", "padding-ignored", "ceil-instead-of-floor"]);
  });
});
