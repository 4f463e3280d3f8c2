import { describe, expect, it } from "vitest";
import { groupFailures, type ValidationFailure } from "@/lib/questions";

const failure = (k: number, message: string): ValidationFailure => ({ code: "engine-error", message, variables: { k } });

describe("groupFailures", () => {
  it("counts failures that say the same thing once, in order of first appearance, with the first examples", () => {
    const failures = [failure(9, "too wide"), failure(10, "negative"), failure(11, "too wide"), failure(12, "too wide"), failure(13, "too wide")];
    expect(groupFailures(failures, 2)).toEqual([
      { code: "engine-error", message: "too wide", count: 4, examples: [{ variables: { k: 9 } }, { variables: { k: 11 } }] },
      { code: "engine-error", message: "negative", count: 1, examples: [{ variables: { k: 10 } }] },
    ]);
  });

  it("keeps apart failures with the same message and another code, and names a built-in's variant by seed", () => {
    const failures: ValidationFailure[] = [
      { code: "engine-error", message: "m", seed: 3 },
      { code: "invalid-variant", message: "m", seed: 4 },
    ];
    expect(groupFailures(failures)).toEqual([
      { code: "engine-error", message: "m", count: 1, examples: [{ seed: 3 }] },
      { code: "invalid-variant", message: "m", count: 1, examples: [{ seed: 4 }] },
    ]);
  });

  it("groups nothing into nothing", () => {
    expect(groupFailures([])).toEqual([]);
  });
});
