import { describe, expect, it } from "vitest";
import type { ArchitectureSpec } from "@/lib/engine";
import { gradeAnswer } from "@/lib/grading";
import { type DesignConstraint, LANGS, type Problem, sampleProblem, toLearnerView } from "@/lib/problems";

/**
 * The design templates (answer kind `spec`): over many seeds, the reference network of the worked
 * solution meets every constraint, checked here by walking it with the books' formulas (not the
 * engine): the side after a layer `⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1` (d2l 7.3 / PyTorch `Conv2d`),
 * a convolution's `(k·k·C_in + 1)·C_out` parameters (d2l 7.4.2), the receptive field growing by
 * `d·(k − 1)·j` and the jump multiplied by the stride (d2l 7.2.6).
 */
const TEMPLATES = ["design.downsample", "design.dilated-padding", "design.receptive-field"] as const;
const SEEDS = Array.from({ length: 300 }, (_, seed) => seed);

interface Walked {
  shape: number[];
  params: number;
  field: number;
  convs: number;
  kernels: number[];
  dilations: number[];
  types: string[];
}

/** The reference walked by hand: square maps, flat layer lists (what the references use). */
function walk(spec: ArchitectureSpec): Walked {
  let [channels, side] = spec.input as [number, number, number];
  let field = 1;
  let jump = 1;
  const out: Walked = { shape: [], params: 0, field: 1, convs: 0, kernels: [], dilations: [], types: [] };
  for (const layer of spec.layers as unknown as Record<string, number | string>[]) {
    out.types.push(layer.type as string);
    if (layer.type === "conv2d" || layer.type === "maxpool2d" || layer.type === "avgpool2d") {
      const k = layer.kernel as number;
      const d = (layer.dilation as number | undefined) ?? 1;
      const s = (layer.stride as number | undefined) ?? (layer.type === "conv2d" ? 1 : k);
      const p = (layer.padding as number | undefined) ?? 0;
      side = Math.floor((side + 2 * p - d * (k - 1) - 1) / s) + 1;
      field += d * (k - 1) * jump;
      jump *= s;
      if (layer.type === "conv2d") {
        out.params += (k * k * channels + 1) * (layer.filters as number);
        channels = layer.filters as number;
        out.convs += 1;
        out.kernels.push(k);
        out.dilations.push(d);
      }
    }
  }
  return { ...out, shape: [channels, side, side], field };
}

/** Does the hand-walked reference meet the constraint? */
function meets(reference: ArchitectureSpec, walked: Walked, constraint: DesignConstraint): boolean {
  switch (constraint.kind) {
    case "input-shape":
      return JSON.stringify(reference.input) === JSON.stringify(constraint.shape);
    case "output-shape":
      return JSON.stringify(walked.shape) === JSON.stringify(constraint.shape);
    case "max-params":
      return walked.params <= constraint.max;
    case "layer-types":
      return walked.types.every((type) => (constraint.allowed as string[]).includes(type));
    case "kernel-sizes":
      return walked.kernels.every((k) => constraint.allowed.includes(k));
    case "dilation":
      return walked.dilations.every((d) => d === constraint.value);
    case "min-receptive-field":
      return walked.field >= constraint.min;
    case "conv-count":
      return walked.convs === constraint.count;
  }
}

const referenceOf = (problem: Problem): ArchitectureSpec => {
  if (problem.check?.mode !== "analyze") throw new Error(`${problem.template}: no analyze check`);
  return problem.check.spec;
};
const constraintsOf = (problem: Problem): DesignConstraint[] => (problem.answer.kind === "spec" ? problem.answer.value : []);

describe.each(TEMPLATES)("%s", (template) => {
  const problems = SEEDS.map((seed) => sampleProblem({ template, seed }));

  it("has a reference that meets every constraint, by hand-walked formulas, on 300 seeds", () => {
    for (const problem of problems) {
      const reference = referenceOf(problem);
      const walked = walk(reference);
      for (const constraint of constraintsOf(problem)) expect(meets(reference, walked, constraint), `${template} seed ${problem.seed}: ${constraint.kind}`).toBe(true);
    }
  });

  it("grades its own reference, typed as JSON without the input, correct with full score", () => {
    for (const problem of problems.slice(0, 100)) {
      const result = gradeAnswer({ problem, answer: JSON.stringify({ layers: referenceOf(problem).layers }) });
      expect(result, `${template} seed ${problem.seed}`).toMatchObject({ gradable: true, score: 1, correct: true });
    }
  });

  it("grades the reference with its last convolution made a ReLU as wrong, naming a broken constraint in both languages", () => {
    for (const problem of problems.slice(0, 100)) {
      const layers = [...referenceOf(problem).layers];
      layers.splice(layers.map((layer) => layer.type).lastIndexOf("conv2d"), 1, { type: "relu" });
      const result = gradeAnswer({ problem, answer: JSON.stringify({ layers }) });
      if (!result.gradable) throw new Error(`${template} seed ${problem.seed}: ${result.formatError.en}`);
      expect(result.correct).toBe(false);
      expect(result.score).toBeLessThan(1);
      expect(result.feedback.en).toContain("✗ not met: **");
      expect(result.feedback["zh-CN"]).toContain("✗ 未满足：**");
    }
  });

  it("states every constraint in the prompt, in both languages, and keeps the reference out of the learner's view", () => {
    for (const seed of SEEDS.slice(0, 40)) {
      for (const lang of LANGS) {
        const problem = sampleProblem({ template, seed, lang });
        const view = JSON.stringify(toLearnerView(problem));
        expect(view).not.toContain(JSON.stringify(referenceOf(problem).layers[0]));
        expect(toLearnerView(problem)).not.toHaveProperty("answer");
        for (const constraint of constraintsOf(problem)) {
          if (constraint.kind === "output-shape" || constraint.kind === "input-shape") expect(problem.prompt).toContain(`$[${constraint.shape.join(", ")}]$`);
        }
        expect(problem.prompt.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(constraintsOf(problem).length);
        expect(problem.solution).toContain("```json");
      }
    }
  });
});
