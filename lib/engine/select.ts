import { EngineError } from "./errors";

/**
 * The value at a dotted path in an engine answer (`"outputShape"`, `"layers.2.params"`,
 * `"output"`), as a problem's `check.select` names it (DESIGN.md, "Problems").
 */
export function selectPath(answer: unknown, path: string): unknown {
  let value: unknown = answer;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) {
      throw new EngineError("invalid-select", `select "${path}": the engine's answer has no "${key}" there`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
