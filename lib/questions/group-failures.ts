import type { ValidationFailure } from "./validate-question";

/** Failures that say the same thing (code and message), counted, with the first few variants. */
export type FailureGroup = {
  code: ValidationFailure["code"];
  message: string;
  count: number;
  /** The first variants of the group, as the run met them (their variables, or their seed). */
  examples: { variables?: ValidationFailure["variables"]; seed?: number }[];
};

/**
 * Groups a validation run's failures by code and message, in order of first appearance, so a
 * report on 882 variants that fail for one reason says so once ("147 variants: …") instead of
 * 882 times. Messages that name a variable's value (a 9-wide kernel) stay separate groups.
 */
export function groupFailures(failures: readonly ValidationFailure[], examplesPerGroup = 3): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const failure of failures) {
    const id = `${failure.code}\u0000${failure.message}`;
    let group = groups.get(id);
    if (!group) {
      group = { code: failure.code, message: failure.message, count: 0, examples: [] };
      groups.set(id, group);
    }
    group.count += 1;
    if (group.examples.length < examplesPerGroup) {
      group.examples.push(failure.variables ? { variables: failure.variables } : failure.seed !== undefined ? { seed: failure.seed } : {});
    }
  }
  return [...groups.values()];
}
