import { describe, expect, it } from "vitest";
import { DEFAULT_INPUT_LIMITS, findInputIssue, findParamsIssue, guardInput, InputRefusedError } from "@/lib/server/edge/input-guard";

/** `depth` arrays inside one another around 0: `[[0]]` is 2 deep. */
function arrays(depth: number): unknown {
  let value: unknown = 0;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

describe("the input guard", () => {
  it("lets ordinary input through", () => {
    expect(findInputIssue({ title: "CNN 基础", seed: 7, tags: ["a", "b"], nested: { ok: true, none: null }, when: new Date(0) })).toBeNull();
    expect(findInputIssue(undefined)).toBeNull();
    expect(findInputIssue("😀 a pair of surrogates is one character")).toBeNull();
  });

  it("names the field holding a NUL byte, at any depth and in arrays", () => {
    expect(findInputIssue({ title: "a\u0000" })).toEqual({ path: ["title"], message: "must not contain a NUL byte" });
    expect(findInputIssue({ definition: { options: [{ text: "x" }, { text: "\u0000" }] } })).toEqual({ path: ["definition", "options", 1, "text"], message: "must not contain a NUL byte" });
    expect(findInputIssue("\u0000")).toEqual({ path: [], message: "must not contain a NUL byte" });
  });

  it("names the object whose key holds a NUL byte, without printing the NUL", () => {
    expect(findInputIssue({ a: { "b\u0000": 1 } })).toEqual({ path: ["a"], message: "has a key with a NUL byte" });
    expect(findInputIssue({ "k\u0000": { x: 1 } })).toEqual({ path: [], message: "has a key with a NUL byte" });
  });

  it("refuses half of a surrogate pair, alone or at the end, in a value or a key", () => {
    for (const lone of ["\uD800", "a\uDC00", "x\uD83D"]) expect(findInputIssue({ v: lone })?.path).toEqual(["v"]);
    expect(findInputIssue({ a: { "\uDFFF": 1 } })).toEqual({ path: ["a"], message: "has a key that is not valid Unicode text" });
  });

  it("counts depth in containers: 64 levels pass, 65 are refused at the 65th", () => {
    // The input itself is level 1, so 64 arrays reach level 64.
    expect(findInputIssue(arrays(64))).toBeNull();
    const issue = findInputIssue(arrays(65));
    expect(issue?.message).toBe("is nested deeper than 64 levels");
    expect(issue?.path).toEqual(Array.from({ length: 64 }, () => 0));
  });

  it("walks a million levels without a stack overflow", () => {
    expect(findInputIssue(arrays(1_000_000))?.message).toBe("is nested deeper than 64 levels");
  });

  it("refuses more than 100,000 values and a string or key past its length", () => {
    // The object and its list are two values: 99,998 numbers make 100,000.
    expect(findInputIssue({ list: Array.from({ length: 99_998 }, () => 0) })).toBeNull();
    expect(findInputIssue({ list: Array.from({ length: 99_999 }, () => 0) })).toEqual({ path: ["list"], message: "holds more than 100,000 values" });
    expect(findInputIssue({ text: "x".repeat(100_001) })).toEqual({ path: ["text"], message: "must be at most 100,000 characters" });
    expect(findInputIssue({ [`k${"y".repeat(1_000)}`]: 1 })).toEqual({ path: [], message: "has a key longer than 1,000 characters" });
  });

  it("takes a procedure's own limits where it raises them", () => {
    expect(findInputIssue({ text: "x".repeat(200_000) }, { ...DEFAULT_INPUT_LIMITS, maxStringLength: 5_000_000 })).toBeNull();
  });

  it("checks each query parameter as a field of its own", () => {
    expect(findParamsIssue(new URLSearchParams("format=csv&bank=a%00b"))).toEqual({ path: ["bank"], message: "must not contain a NUL byte" });
    expect(findParamsIssue(new URLSearchParams("format=csv"))).toBeNull();
  });

  it("throws an error whose issues tRPC's formatter turns into field errors", () => {
    const thrown = (() => {
      try {
        guardInput({ title: "\u0000" });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(InputRefusedError);
    expect(thrown).toMatchObject({ message: "title: must not contain a NUL byte", issues: [{ path: ["title"], message: "must not contain a NUL byte" }] });
  });
});
