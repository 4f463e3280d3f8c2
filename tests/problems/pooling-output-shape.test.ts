import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { poolingOutputShapeTemplate, type PoolingOutputShapeParams } from "@/lib/problems/templates/pooling-output-shape";
import { poolingOutputShapeCatalogues } from "@/lib/problems/templates/pooling-output-shape.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "pooling.output-shape";

type Pair = number | [number, number];
const pair = (x: Pair): [number, number] => (typeof x === "number" ? [x, x] : x);

/** PyTorch `nn.MaxPool2d` / `nn.AvgPool2d` ("Shape"): floor((n + 2p − k)/s) + 1 per axis, channels kept (d2l 6.5.3). */
const outputByHand = (n: number, k: number, p: number, s: number) => Math.floor((n + 2 * p - k) / s) + 1;

describe("pooling.output-shape", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and the hand formula's", () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "pooling", answer: { kind: "shape" }, check: { mode: "analyze", select: "outputShape" } });
      expectKeyFromEngine(en);
      if (en.check?.mode !== "analyze") throw new Error("unreachable");
      const [c, h, w] = en.check.spec.input as [number, number, number];
      const layer = en.check.spec.layers[0] as unknown as { type: string; kernel: Pair; stride: Pair; padding: Pair };
      const [[kh, kw], [sh, sw], [ph, pw]] = [pair(layer.kernel), pair(layer.stride), pair(layer.padding)];
      expect(en.answer.value).toEqual([c, outputByHand(h, kh, ph, sh), outputByHand(w, kw, pw, sw)]);
      kinds.add(`${layer.type}:${Array.isArray(layer.kernel) ? "rect" : layer.kernel}`);
      expect(zh.solution).toMatch(/通道/);
    }
    expect([...kinds].sort()).toEqual(["avgpool2d:2", "avgpool2d:3", "avgpool2d:rect", "maxpool2d:2", "maxpool2d:3", "maxpool2d:rect"]);
  });

  it("states PyTorch's floor rounding (ceil_mode=False) in every prompt, and some variants need it", () => {
    let rounded = 0;
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en.prompt).toMatch(/`ceil_mode=False`.*rounded down/);
      expect(zh.prompt).toMatch(/`ceil_mode=False`.*向下取整/);
      if (en.check?.mode !== "analyze") throw new Error("unreachable");
      const [, h, w] = en.check.spec.input as [number, number, number];
      const layer = en.check.spec.layers[0] as unknown as { kernel: Pair; stride: Pair; padding: Pair };
      const [[kh, kw], [sh, sw], [ph, pw]] = [pair(layer.kernel), pair(layer.stride), pair(layer.padding)];
      if ((h + 2 * ph - kh) % sh !== 0 || (w + 2 * pw - kw) % sw !== 0) rounded += 1;
    }
    // Where the stride does not divide evenly, ceil mode would give one more: the prompt must say which.
    expect(rounded).toBeGreaterThan(0);
  });

  it("d2l 7.1 (AlexNet): a 3×3 max pooling with stride 2 takes [96, 54, 54] to [96, 26, 26]", () => {
    const params: PoolingOutputShapeParams = { difficulty: "medium", pool: "max", channels: 96, height: 54, width: 54, kernel: [3, 3], stride: [2, 2], padding: [0, 0] };
    const check = poolingOutputShapeTemplate.check(params);
    if (check?.mode !== "analyze") throw new Error("expected an analyze check");
    const key = analyze(check.spec).outputShape;
    expect(key).toEqual([96, 26, 26]); // d2l 7.1 (zh) / 8.1 (en), AlexNet's layer table
    expect(poolingOutputShapeTemplate.render(params, { kind: "shape", value: key }, "en").solution).toContain("$[96, 26, 26]$");
  });

  it("d2l 7.6 (ResNet): a 3×3 max pooling with padding 1 and stride 2 takes [64, 112, 112] to [64, 56, 56]", () => {
    const params: PoolingOutputShapeParams = { difficulty: "medium", pool: "max", channels: 64, height: 112, width: 112, kernel: [3, 3], stride: [2, 2], padding: [1, 1] };
    const check = poolingOutputShapeTemplate.check(params);
    if (check?.mode !== "analyze") throw new Error("expected an analyze check");
    expect(analyze(check.spec).outputShape).toEqual([64, 56, 56]); // d2l 7.6 (zh) / 8.6 (en), ResNet's stem
    expect(() => poolingOutputShapeTemplate.render(params, { kind: "shape", value: [1, 56, 56] }, "en")).toThrow(/worked solution/);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["channels-changed", "forgot-plus-one", "padding-once", "stride-ignored"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(poolingOutputShapeCatalogues);
  });
});
