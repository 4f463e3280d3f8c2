import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { textCnnConv1dLengthTemplate } from "@/lib/problems/templates/textcnn-conv1d-length";
import { textCnnFeaturesTemplate } from "@/lib/problems/templates/textcnn-features";
import { checkComputedTemplate } from "./group-c-checks";

describe("textcnn.conv1d-length", () => {
  it("over 200 seeds keys the engine's [channels, length]", () => {
    checkComputedTemplate(textCnnConv1dLengthTemplate, {
      topic: "text-cnn",
      // PyTorch nn.Conv1d: L_out = ⌊(L + 2p − k)/s⌋ + 1 (d2l 15.3 zh / 16.3 en for p = 0, s = 1: L − k + 1).
      keyByHand: (p) => [p.filters, Math.floor((p.tokens + 2 * p.padding - p.kernel) / p.stride) + 1],
      misconceptions: ["embedding-channels-kept", "forgot-plus-one", "length-kept", "padding-once"],
      zhTerms: [/一维卷积/, /词向量/],
    });
  });

  it("reproduces d2l's corr1d example length: 7 inputs, width 2 → 6 outputs", () => {
    // d2l 15.3.1 zh / 16.3.1 en: corr1d([0, 1, 2, 3, 4, 5, 6], [1, 2]) = [2, 5, 8, 11, 14, 17].
    expect(analyze({ input: [1, 7], layers: [{ type: "conv1d", filters: 1, kernel: 2 }] }).outputShape).toEqual([1, 6]);
  });
});

describe("textcnn.features", () => {
  it("over 200 seeds keys the engine's feature count, the sum of the channels", () => {
    checkComputedTemplate(textCnnFeaturesTemplate, {
      topic: "text-cnn",
      // d2l 15.3.2 zh / 16.3.2 en: torch.cat of the pooled outputs, one value per channel.
      keyByHand: (p) => p.convolutions.reduce((sum, c) => sum + c.filters, 0),
      misconceptions: ["embedding-dimensions-as-features", "max-over-time-pooling-ignored", "one-feature-per-width"],
      zhTerms: [/时序最大汇聚层/, /一维卷积/],
    });
  });

  it("gives d2l's textCNN 300 features: widths 3, 4, 5 with 100 channels each", () => {
    // d2l 15.3.2 zh / 16.3.2 en: kernel_sizes [3, 4, 5], nums_channels [100, 100, 100], nn.Linear(sum(num_channels), 2).
    const analysis = analyze({
      input: [200, 500],
      layers: [
        {
          type: "concat",
          branches: [3, 4, 5].map((kernel) => [{ type: "conv1d" as const, filters: 100, kernel }, { type: "relu" as const }, { type: "global_maxpool" as const }]),
        },
        { type: "flatten" },
      ],
    });
    expect(analysis.outputShape).toEqual([300]);
  });
});
