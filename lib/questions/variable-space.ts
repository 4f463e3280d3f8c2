import { questionRng } from "./seed-mix";
import type { Variable } from "./schema";

/** The values a variable can take, in order: `min, min + step, …, ≤ max`, or its list. */
export function valuesOf(variable: Variable): readonly number[] {
  if (variable.values) return variable.values;
  const { min = 0, max = 0, step = 1 } = variable;
  const values: number[] = [];
  for (let value = min; value <= max; value += step) values.push(value);
  return values;
}

/** One choice of every variable's value. */
export type Assignment = Record<string, number>;

/** How many assignments there are: the product of the variables' counts (may exceed 2^53: `Infinity`-safe compare only). */
export function countAssignments(variables: readonly Variable[]): number {
  return variables.reduce((count, variable) => count * valuesOf(variable).length, 1);
}

/** The seed's assignment: one uniform pick per variable, in declaration order (deterministic in the seed). */
export function assignmentOfSeed(variables: readonly Variable[], seed: number): Assignment {
  const rng = questionRng(seed);
  return Object.fromEntries(variables.map((variable) => [variable.name, rng.pick(valuesOf(variable))]));
}

/** Every assignment, the last variable changing fastest. */
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
