import { EngineError } from "./errors";

/**
 * A unit factor after the path: `*2` (FLOPs from MACs, one multiply and one add per MAC) or
 * `*4/1024` (float32 bytes, then KiB). Only positive integers, so the factor reads as a unit
 * and never hides arithmetic a learner is asked to do.
 */
const FACTOR = /([*/])([1-9]\d*)/y;

/**
 * The value at a dotted path in an engine answer (`"outputShape"`, `"layers.2.params"`,
 * `"output"`), as a problem's `check.select` names it (DESIGN.md, "Problems"), optionally
 * followed by unit factors (`"totalMacs*2"`, `"totalOutputElements*4/1048576"`), which apply
 * to a number only.
 */
export function selectPath(answer: unknown, select: string): unknown {
  const split = select.search(/[*/]/);
  const path = split === -1 ? select : select.slice(0, split);
  let value: unknown = answer;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) {
      throw new EngineError("invalid-select", `select "${select}": the engine's answer has no "${key}" there`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return split === -1 ? value : scaled(value, select, split);
}

function scaled(value: unknown, select: string, from: number): number {
  if (typeof value !== "number") throw new EngineError("invalid-select", `select "${select}": a unit factor applies to a number, not to ${JSON.stringify(value)}`);
  let result = value;
  FACTOR.lastIndex = from;
  while (FACTOR.lastIndex < select.length) {
    const at = FACTOR.lastIndex;
    const match = FACTOR.exec(select);
    if (!match) throw new EngineError("invalid-select", `select "${select}": "${select.slice(at)}" is not a factor such as *2 or /1024`);
    const factor = Number(match[2]);
    result = match[1] === "*" ? result * factor : result / factor;
  }
  return result;
}
