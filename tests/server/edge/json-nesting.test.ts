import { describe, expect, it } from "vitest";
import { findDeepNesting } from "@/lib/server/edge/json-nesting";

describe("the nesting scan of raw JSON", () => {
  it("finds the first container past the limit and names its path, keys decoded", () => {
    expect(findDeepNesting('{"a":{"b":[1,{"c":2}]}}', 3)).toEqual(["a", "b", 1]);
    expect(findDeepNesting('{"a":{"b":[1,{"c":2}]}}', 4)).toBeNull();
    expect(findDeepNesting('{"\\u0061\\"x":[[]]}', 2)).toEqual(['a"x', 0]);
  });

  it("ignores brackets, braces and commas inside strings", () => {
    expect(findDeepNesting('{"a":"[[[[{{{{,,,","b":[1]}', 2)).toBeNull();
    expect(findDeepNesting('["\\"[[[[", [[0]]]', 2)).toEqual([1, 0]);
  });

  it("scans a hundred thousand levels without recursion", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(findDeepNesting(deep, 66)).toHaveLength(66);
  });

  it("leaves text that is not JSON to the parser", () => {
    expect(findDeepNesting("not json at all", 2)).toBeNull();
    expect(findDeepNesting('{"unterminated', 2)).toBeNull();
  });
});
