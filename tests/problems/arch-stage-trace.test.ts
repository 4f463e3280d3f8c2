import { describe, expect, it } from "vitest";
import { analyze, zooSpec } from "@/lib/engine";
import { type Problem, sampleProblem } from "@/lib/problems";
import { expectSweep } from "../support/template-sweep";
import { expectVariantMisconceptions } from "./support/blocks-checks";

const TEMPLATE = "arch.stage-trace";

/**
 * Closed forms: every stride-2 step of ResNet-18 and GoogLeNet (7×7/2 pad 3, 3×3/2 pad 1) maps n
 * to ⌈n/2⌉, and ⌈⌈n/2⌉/2⌉ = ⌈n/4⌉, so stage s leaves ⌈n/2^(s+1)⌉ (ResNet's b2 keeps b1's ⌈n/4⌉);
 * DenseNet's transitions pool 2×2/2, ⌊m/2⌋ each. Channels as d2l's code sets them (d2l 8.4, 8.6, 8.7).
 */
function keyByFormula(problem: Problem): number[] {
  if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
  const n = problem.check.spec.input[1] as number;
  const stage = problem.check.spec.layers.length;
  const name = problem.check.spec.name ?? "";
  const ceilDiv = (a: number, b: number) => Math.ceil(a / b);
  if (name.startsWith("ResNet")) {
    const halvings = stage === 1 ? 2 : stage === 2 ? 2 : stage;
    return [[64, 64, 128, 256, 512][stage - 1] as number, ceilDiv(n, 2 ** halvings), ceilDiv(n, 2 ** halvings)];
  }
  if (name.startsWith("GoogLeNet")) {
    if (stage === 5) return [1024];
    return [[64, 192, 480, 832][stage - 1] as number, ceilDiv(n, 2 ** (stage + 1)), ceilDiv(n, 2 ** (stage + 1))];
  }
  const transitions = Math.floor((stage - 1) / 2);
  const size = Math.floor(ceilDiv(n, 4) / 2 ** transitions);
  // Channels by hand from d2l's loop: 64, + 4·32 = 192, // 2 = 96, + 128 = 224, 112, 240, 120, 248.
  const channels = [64, 192, 96, 224, 112, 240, 120, 248][stage - 1] as number;
  return [channels, size, size];
}

describe("arch.stage-trace", () => {
  it("over 200 seeds keys every variant by the engine and by the closed forms, in both languages", () => {
    expectSweep(TEMPLATE, "architectures", "shape", keyByFormula);
  });

  it("asks every network at every difficulty", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed += 1) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      if (problem.check?.mode === "analyze") seen.add(`${problem.difficulty} ${problem.check.spec.name}`);
    }
    expect(seen.size).toBe(9);
  });

  it("gives the shapes d2l prints: ResNet-18 at 96×96 (d2l.ai) and 224×224 (中文版), GoogLeNet at 96×96", () => {
    const stages = (zoo: string, size: number) => {
      const spec = { ...zooSpec(zoo), input: [1, size, size] };
      return [1, 2, 3, 4, 5].map((stage) => analyze({ ...spec, layers: spec.layers.slice(0, stage) }).outputShape);
    };
    // d2l.ai 8.6.3: "Sequential output shape: torch.Size([1, 64, 24, 24]) … ([1, 512, 3, 3])".
    expect(stages("d2l-resnet18", 96)).toEqual([[64, 24, 24], [64, 24, 24], [128, 12, 12], [256, 6, 6], [512, 3, 3]]);
    // 《动手学深度学习》7.6.3 on a 224×224 input: 64×56×56, 64×56×56, 128×28×28, 256×14×14, 512×7×7.
    expect(stages("d2l-resnet18", 224)).toEqual([[64, 56, 56], [64, 56, 56], [128, 28, 28], [256, 14, 14], [512, 7, 7]]);
    // d2l 8.4.2: 64×24×24, 192×12×12, 480×6×6, 832×3×3, then 1024 after global pooling and flatten.
    expect(stages("d2l-googlenet", 96)).toEqual([[64, 24, 24], [192, 12, 12], [480, 6, 6], [832, 3, 3], [1024]]);
  });

  it("names misconceptions that never give the key, each met on some seed", () => {
    expectVariantMisconceptions(TEMPLATE, ["layer-skipped", "stem-pool-ignored", "halved-down"]);
  });
});
