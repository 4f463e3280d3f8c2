import { questionRng } from "./seed-mix";
import type { Variable } from "./schema";

/** How many values a variable takes: `min, min + step, …, ≤ max`, or its list's length. */
export function valueCount(variable: Variable): number {
  if (variable.values) return variable.values.length;
  const { min = 0, max = 0, step = 1 } = variable;
  return Math.floor((max - min) / step) + 1;
}

/** The variable's `index`-th value, without listing a long range. */
export function valueAt(variable: Variable, index: number): number {
  if (variable.values) return variable.values[index] as number;
  return (variable.min ?? 0) + index * (variable.step ?? 1);
}

/** Every value of a variable, in order. */
export function valuesOf(variable: Variable): number[] {
  return Array.from({ length: valueCount(variable) }, (_, index) => valueAt(variable, index));
}

/** One choice of every variable's value. */
export type Assignment = Record<string, number>;

/** How many assignments there are: the product of the variables' counts. */
export function countAssignments(variables: readonly Variable[]): number {
  return variables.reduce((count, variable) => count * valueCount(variable), 1);
}

/** The seed's assignment: one uniform pick per variable, in declaration order (deterministic in the seed). */
export function assignmentOfSeed(variables: readonly Variable[], seed: number): Assignment {
  const rng = questionRng(seed);
  return Object.fromEntries(variables.map((variable) => [variable.name, valueAt(variable, rng.int(0, valueCount(variable) - 1))]));
}

/** Every assignment, the last variable changing fastest (call it only for a small space). */
export function* allAssignments(variables: readonly Variable[]): Generator<Assignment> {
  const lists = variables.map(valuesOf);
  const indices = lists.map(() => 0);
  if (lists.some((list) => list.length === 0)) return;
  for (;;) {
    yield Object.fromEntries(variables.map((variable, i) => [variable.name, (lists[i] as number[])[indices[i] as number] as number]));
    let position = lists.length - 1;
    while (position >= 0 && (indices[position] as number) + 1 === (lists[position] as number[]).length) {
      indices[position] = 0;
      position -= 1;
    }
    if (position < 0) return;
    indices[position] = (indices[position] as number) + 1;
  }
}
