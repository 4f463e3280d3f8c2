import { describe, expect, it } from "vitest";
import { analyze, convOutputSize } from "@/lib/engine";
import { ninBlockShapeTemplate } from "@/lib/problems/templates/nin-block-shape";
import { ninGapVsDenseTemplate } from "@/lib/problems/templates/nin-gap-vs-dense";
import { ninBlock } from "@/lib/problems/templates/nin-spec";
import { checkComputedTemplate } from "./group-c-checks";

describe("nin.block-shape", () => {
  it("over 200 seeds keys the engine's shape: the first convolution's size, the block's channels", () => {
    checkComputedTemplate(ninBlockShapeTemplate, {
      topic: "nin",
      // d2l 6.3 zh / 7.3 en: ⌊(n + 2p − k)/s⌋ + 1; the 1×1 convolutions keep the size (d2l 7.3 zh / 8.3 en).
      keyByHand: (p) => {
        const size = Math.floor((p.size + 2 * p.padding - p.kernel) / p.stride) + 1;
        return [p.filters, size, size];
      },
      misconceptions: ["forgot-plus-one", "input-channels-kept", "one-by-one-shrinks", "stride-ignored"],
      zhTerms: [/NiN 块/, /卷积层/],
    });
  });

  it("reproduces d2l's first NiN block: 1 × 224 × 224 → 96 × 54 × 54", () => {
    // d2l 7.3.2 zh / 8.3.2 en, the layer-by-layer listing: Sequential output shape: torch.Size([1, 96, 54, 54]).
    expect(analyze({ input: [1, 224, 224], layers: [ninBlock(96, 11, 4, 0)] }).outputShape).toEqual([96, 54, 54]);
    expect(convOutputSize(224, 11, 0, 4)).toBe(54);
  });
});

describe("nin.gap-vs-dense", () => {
  it("over 200 seeds keys the engine's totalParams of the head", () => {
    checkComputedTemplate(ninGapVsDenseTemplate, {
      topic: "nin",
      // Dense: C·H·W·K + K; 1×1 conv: K·C + K; NiN block (3×3 then two 1×1): 9KC + K + 2(K² + K); pooling 0 (d2l 7.3 zh / 8.3 en).
      keyByHand: (p) => {
        const { channels: c, size: n, classes: k } = p;
        if (p.difficulty === "easy") return k * c + k;
        if (p.difficulty === "medium") return c * n * n * k + k;
        return 9 * k * c + k + 2 * (k * k + k);
      },
      misconceptions: ["forgot-bias", "global-pooling-has-parameters", "nin-one-by-one-skipped", "spatial-positions-ignored"],
      zhTerms: [/全局平均汇聚层/, /全连接层/],
    });
  });

  it("counts d2l's NiN head on 384 × 5 × 5 by hand: 34,790 against 96,010 for a dense layer", () => {
    // By hand, d2l 7.3.2 zh / 8.3.2 en: nin_block(384, 10, 3, 1, 1): 10·384·9 + 10 + 2·(10·10 + 10) = 34,790;
    // a dense layer on the flattened 384·5·5 = 9,600 features: 9,600·10 + 10 = 96,010.
    const head = analyze({ input: [384, 5, 5], layers: [ninBlock(10, 3, 1, 1), { type: "global_avgpool" }, { type: "flatten" }] });
    expect(head.totalParams).toBe(34_790);
    expect(head.outputShape).toEqual([10]);
    expect(analyze({ input: [384, 5, 5], layers: [{ type: "flatten" }, { type: "dense", units: 10 }] }).totalParams).toBe(96_010);
  });
});
