import { describe, expect, it } from "vitest";
import { analyze, selectPath } from "@/lib/engine";
import { channelsOneByOneTemplate, type ChannelsOneByOneParams } from "@/lib/problems/templates/channels-one-by-one";
import { channelsOneByOneCatalogues } from "@/lib/problems/templates/channels-one-by-one.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "channels.one-by-one";

/** PyTorch `nn.Conv2d` with kernel 1: weight (C_o, C_i, 1, 1), bias (C_o). */
const paramsByHand = (cin: number, cout: number, bias: boolean) => cout * cin + (bias ? cout : 0);
/** DESIGN.md "Reference semantics": MACs of a conv = C_out · H_out · W_out · C_in · k_h · k_w, here k = 1 and H_out = H. */
const macsByHand = (cin: number, cout: number, h: number, w: number) => cout * h * w * cin;

const keyOf = (params: ChannelsOneByOneParams) => {
  const check = channelsOneByOneTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return selectPath(analyze(check.spec), check.select);
};

describe("channels.one-by-one", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and the count by hand", () => {
    const targets = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "channels", answer: { kind: "integer" }, check: { mode: "analyze" } });
      expectKeyFromEngine(en);
      if (en.check?.mode !== "analyze") throw new Error("unreachable");
      const [cin, h, w] = en.check.spec.input as [number, number, number];
      const layer = en.check.spec.layers[0] as unknown as { filters: number; kernel: number; bias?: boolean };
      expect(layer.kernel).toBe(1);
      const expected = en.check.select === "layers.0.params" ? paramsByHand(cin, layer.filters, layer.bias !== false) : macsByHand(cin, layer.filters, h, w);
      expect(en.answer.value).toBe(expected);
      targets.add(en.check.select);
      expect(zh.solution).toMatch(/全连接层/);
    }
    expect([...targets].sort()).toEqual(["layers.0.macs", "layers.0.params"]);
  });

  it("d2l 6.4.3's example, 3 → 2 channels with a 1×1 kernel, has 2 · 3 weights and 2 biases: 8", () => {
    // d2l 6.4.3 (zh) / 7.4.3 (en): K of shape (2, 3, 1, 1); by hand 6 + 2
    expect(keyOf({ difficulty: "easy", channelsIn: 3, filters: 2, height: 3, width: 3, bias: true, target: "params" })).toBe(8);
  });

  it("GoogLeNet's 1×1 reduction 192 → 64 on 28×28: 12,352 parameters and 9,633,792 MACs", () => {
    // by hand: 64 · 192 + 64 = 12,352; 64 · 28 · 28 · 192 = 9,633,792 (d2l 7.4, Inception block b1)
    const params: ChannelsOneByOneParams = { difficulty: "medium", channelsIn: 192, filters: 64, height: 28, width: 28, bias: true, target: "params" };
    expect(keyOf(params)).toBe(12_352);
    expect(keyOf({ ...params, target: "macs" })).toBe(9_633_792);
    const { solution } = channelsOneByOneTemplate.render(params, { kind: "integer", value: 12_352 }, "zh-CN");
    expect(solution).toContain("$12{,}352$");
    expect(() => channelsOneByOneTemplate.render(params, { kind: "integer", value: 12_288 }, "en")).toThrow(/worked solution/);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["forgot-bias", "forgot-input-channels", "forgot-pixels", "params-per-pixel"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(channelsOneByOneCatalogues);
  });
});
