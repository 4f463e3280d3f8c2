import { expect } from "vitest";
import type { ArchitectureSpec } from "@/lib/engine";
import { type Difficulty, type Problem, requireTemplate, sampleProblem } from "@/lib/problems";

/**
 * Closed-form counts of the small networks the cost templates build, written from PyTorch's
 * weight shapes (`nn.Conv2d.weight` is `[C_out, C_in/groups, k, k]`, `nn.Linear.weight` is
 * `[out, in]`) and the output-size formula of d2l 7.3, independently of lib/problems and the
 * engine: the tests compare the engine's keys against these.
 */
export interface LayerCount {
  type: string;
  outputShape: number[];
  params: number;
  macs: number;
}

const product = (values: readonly number[]) => values.reduce((a, b) => a * b, 1);

type Raw = { type: string; filters?: number; kernel?: number; stride?: number; padding?: number; groups?: number; bias?: boolean; units?: number; layers?: Raw[] };

/** Every leaf layer of the spec (sequential blocks opened), with its output shape, parameters and MACs. */
export function countSpec(spec: ArchitectureSpec): LayerCount[] {
  let shape = [...spec.input];
  const leaves = (layers: Raw[]): Raw[] => layers.flatMap((layer) => (layer.type === "sequential" ? leaves(layer.layers ?? []) : [layer]));
  return leaves(spec.layers as unknown as Raw[]).map((layer) => {
    const before = shape;
    if (layer.type === "conv2d") {
      const [k, s, p, g] = [layer.kernel ?? 1, layer.stride ?? 1, layer.padding ?? 0, layer.groups ?? 1];
      const side = (n: number) => Math.floor((n + 2 * p - k) / s) + 1;
      shape = [layer.filters ?? 0, side(before[1] ?? 0), side(before[2] ?? 0)];
      const weightShape = [layer.filters ?? 0, (before[0] ?? 0) / g, k, k];
      const params = product(weightShape) + (layer.bias === false ? 0 : (layer.filters ?? 0));
      return { type: layer.type, outputShape: shape, params, macs: product(weightShape) * (shape[1] ?? 0) * (shape[2] ?? 0) };
    }
    if (layer.type === "dense") {
      const weightShape = [layer.units ?? 0, before[0] ?? 0];
      shape = [layer.units ?? 0];
      return { type: layer.type, outputShape: shape, params: product(weightShape) + (layer.units ?? 0), macs: product(weightShape) };
    }
    if (layer.type === "maxpool2d") {
      const k = layer.kernel ?? 1;
      shape = [before[0] ?? 0, Math.floor((before[1] ?? 0) / k), Math.floor((before[2] ?? 0) / k)];
    } else if (layer.type === "flatten") shape = [product(before)];
    return { type: layer.type, outputShape: shape, params: 0, macs: 0 };
  });
}

export const sumOf = (rows: readonly LayerCount[], field: "params" | "macs") => rows.reduce((total, row) => total + row[field], 0);
export const elementsOf = (row: LayerCount) => product(row.outputShape);

/** The spec of an analyze-checked problem. */
export function specOf(problem: Problem): ArchitectureSpec {
  if (problem.check?.mode !== "analyze") throw new Error(`${problem.template}: expected an analyze check`);
  return problem.check.spec;
}

export const selectOf = (problem: Problem) => (problem.check?.mode === "analyze" ? problem.check.select : "");

/** Problems of many seeds, grouped by difficulty; each difficulty well represented. */
export function byDifficulty(template: string, seeds = 600): Record<Difficulty, Problem[]> {
  const groups: Record<Difficulty, Problem[]> = { easy: [], medium: [], hard: [] };
  for (let seed = 0; seed < seeds; seed += 1) {
    const problem = sampleProblem({ template, seed });
    groups[problem.difficulty].push(problem);
  }
  expect(requireTemplate(template).difficulties).toEqual(["easy", "medium", "hard"]);
  for (const group of Object.values(groups)) expect(group.length).toBeGreaterThan(seeds / 5);
  return groups;
}
