import { describe, expect, it } from "vitest";
import { MAX_SPEC_DEPTH, MAX_SPEC_LAYERS, parseSpec } from "@/lib/grading";

const conv = '{"type": "conv2d", "filters": 4, "kernel": 3}';
const refused = (text: string) => {
  const parsed = parseSpec(text);
  if (parsed.ok) throw new Error(`expected ${text.slice(0, 40)} to be refused`);
  return parsed.format;
};

describe("parseSpec reads a learner's spec and refuses what it cannot trust", () => {
  it("reads an object with layers, keeping input when given and leaving it out when not", () => {
    const parsed = parseSpec(`{"input": [3, 8, 8], "layers": [${conv}]}`);
    expect(parsed).toEqual({ ok: true, value: { input: [3, 8, 8], layers: [{ type: "conv2d", filters: 4, kernel: 3 }] } });
    const bare = parseSpec(`{"layers": [${conv}]}`);
    expect(bare.ok && bare.value.input).toBeUndefined();
  });

  it("reads a bare list of layers as the layer list", () => {
    expect(parseSpec(`[${conv}, {"type": "relu"}]`)).toEqual({ ok: true, value: { layers: [{ type: "conv2d", filters: 4, kernel: 3 }, { type: "relu" }] } });
  });

  it("refuses empty and over-long answers before parsing", () => {
    expect(refused("   ")).toEqual({ problem: "empty" });
    expect(refused(`[${Array.from({ length: 40 }, () => conv).join(",")}]`)).toEqual({ problem: "too-long", max: 1000 });
  });

  it("refuses a NUL byte, raw or written as a JSON escape inside a string or a key", () => {
    expect(refused(`[${conv}]\u0000`)).toEqual({ problem: "nul-byte" });
    expect(refused('[{"type": "relu", "name": "a\\u0000b"}]')).toEqual({ problem: "nul-byte" });
    expect(refused('[{"type": "relu", "a\\u0000": 1}]')).toEqual({ problem: "nul-byte" });
  });

  it("says where JSON breaks: a missing comma after the first layer is at character 47", () => {
    // `[` + the 45 characters of the first layer + a space: the second layer's brace is character 47 (0-based), counted by hand.
    expect(conv.length).toBe(45);
    expect(refused(`[${conv} {"type": "relu"}]`)).toEqual({ problem: "not-json", position: 47 });
  });

  it("refuses JSON that is neither an object nor a list, and a spec without layers", () => {
    expect(refused("42")).toEqual({ problem: "not-spec" });
    expect(refused('"conv2d"')).toEqual({ problem: "not-spec" });
    expect(refused('{"input": [3, 8, 8]}')).toEqual({ problem: "no-layers" });
    expect(refused('{"layers": []}')).toEqual({ problem: "no-layers" });
    expect(refused('{"layers": {"type": "relu"}}')).toEqual({ problem: "no-layers" });
  });

  it(`refuses nesting deeper than ${MAX_SPEC_DEPTH} levels of lists and objects`, () => {
    // object, layers list, layer, kernel list, then 5 more lists: 9 levels.
    expect(refused('{"layers": [{"type": "conv2d", "filters": 1, "kernel": [[[[[[3]]]]]]}]}')).toEqual({ problem: "too-deep", max: MAX_SPEC_DEPTH });
    // 8 levels are still read (the engine then refuses the kernel in its own words).
    expect(parseSpec('{"layers": [{"type": "conv2d", "filters": 1, "kernel": [[[[[3]]]]]}]}').ok).toBe(true);
  });

  it(`refuses more than ${MAX_SPEC_LAYERS} layers, counting layers inside composites`, () => {
    const relus = (n: number) => Array.from({ length: n }, () => '{"type":"relu"}').join(",");
    expect(parseSpec(`[${relus(MAX_SPEC_LAYERS)}]`).ok).toBe(true);
    expect(refused(`[${relus(MAX_SPEC_LAYERS + 1)}]`)).toEqual({ problem: "too-many-layers", max: MAX_SPEC_LAYERS, given: MAX_SPEC_LAYERS + 1 });
    // 30 top-level layers and a residual holding 2 more: 33 in all.
    expect(refused(`[${relus(30)},{"type":"residual","body":[${relus(2)}]}]`)).toEqual({ problem: "too-many-layers", max: MAX_SPEC_LAYERS, given: 33 });
  });

  it("names the path of an entry that is not a layer object, or has no type, composites included", () => {
    expect(refused(`[${conv}, 3]`)).toEqual({ problem: "layer-not-object", path: "1" });
    expect(refused(`[${conv}, {"filters": 4}]`)).toEqual({ problem: "layer-no-type", path: "1" });
    expect(refused(`[{"type": "residual", "body": [${conv}, {"kernel": 3}]}]`)).toEqual({ problem: "layer-no-type", path: "0.body.1" });
    expect(refused(`[{"type": "concat", "branches": [[], [[1]]]}]`)).toEqual({ problem: "layer-not-object", path: "0.branches.1.0" });
  });
});
