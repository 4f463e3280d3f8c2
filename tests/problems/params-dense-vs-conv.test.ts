import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { paramsDenseVsConvTemplate, type ParamsDenseVsConvParams } from "@/lib/problems/templates/params-dense-vs-conv";
import { paramsDenseVsConvCatalogues } from "@/lib/problems/templates/params-dense-vs-conv.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "params.dense-vs-conv";

/** PyTorch `nn.Linear` (weight (out, in), bias (out)) on the flattened image; `nn.Conv2d` (weight (out, in, k, k), bias (out)). */
const denseByHand = (c: number, h: number, w: number, units: number) => c * h * w * units + units;
const convByHand = (c: number, filters: number, k: number) => filters * c * k * k + filters;

const keyOf = (params: ParamsDenseVsConvParams) => {
  const check = paramsDenseVsConvTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return analyze(check.spec).totalParams;
};

describe("params.dense-vs-conv", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and the asked layer's count by hand", () => {
    const targets = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "parameters", answer: { kind: "integer" }, check: { mode: "analyze", select: "totalParams" } });
      expectKeyFromEngine(en);
      if (en.check?.mode !== "analyze") throw new Error("unreachable");
      const [c, h, w] = en.check.spec.input as [number, number, number];
      const layers = en.check.spec.layers as unknown as { type: string; units?: number; filters?: number; kernel?: number }[];
      const last = layers[layers.length - 1]!;
      const expected = last.type === "dense" ? denseByHand(c, h, w, last.units!) : convByHand(c, last.filters!, last.kernel!);
      expect(en.answer.value).toBe(expected);
      targets.add(last.type);
      expect(zh.prompt).toMatch(/全连接层/);
    }
    expect([...targets].sort()).toEqual(["conv2d", "dense"]);
  });

  it("issue 5's example: a dense layer from a 3×256×256 image to 1,000 units has 196,609,000 parameters, the 3 → 10 3×3 conv 280", () => {
    const params: ParamsDenseVsConvParams = { difficulty: "medium", channels: 3, size: 256, units: 1000, filters: 10, kernel: 3, target: "dense" };
    // by hand: 3 · 256 · 256 · 1000 + 1000 (d2l 6.1: a megapixel image to 1,000 hidden units needs 10^9 parameters)
    expect(keyOf(params)).toBe(196_609_000);
    expect(keyOf({ ...params, target: "conv" })).toBe(280); // 10 · 3 · 3 · 3 + 10
    const { solution } = paramsDenseVsConvTemplate.render(params, { kind: "integer", value: 196_609_000 }, "en");
    expect(solution).toContain("$196{,}609{,}000$");
    expect(solution).toContain("702{,}175"); // 196,609,000 / 280 ≈ 702,175
    expect(() => paramsDenseVsConvTemplate.render(params, { kind: "integer", value: 280 }, "en")).toThrow(/worked solution/);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["forgot-bias", "forgot-input-channels", "other-layer"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(paramsDenseVsConvCatalogues);
  });
});
