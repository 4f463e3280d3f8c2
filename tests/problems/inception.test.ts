import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { inceptionOutputChannelsTemplate } from "@/lib/problems/templates/inception-output-channels";
import { inceptionParamsTemplate } from "@/lib/problems/templates/inception-params";
import { inceptionBlock } from "@/lib/problems/templates/inception-spec";
import { checkComputedTemplate } from "./group-c-checks";

describe("inception.output-channels", () => {
  it("over 200 seeds keys the engine's channels, c1 + c2[1] + c3[1] + c4 of the last block", () => {
    checkComputedTemplate(inceptionOutputChannelsTemplate, {
      topic: "inception",
      // d2l 7.4.1 zh / 8.4.1 en: torch.cat((p1, p2, p3, p4), dim=1).
      keyByHand: (p) => {
        const last = p.blocks[p.blocks.length - 1];
        if (!last) throw new Error("no block");
        return last.c1 + last.c2[1] + last.c3[1] + last.c4;
      },
      misconceptions: ["inception-blocks-summed", "inception-reductions-only", "inception-sums-inner-channels", "pool-path-keeps-input-channels"],
      zhTerms: [/Inception块/, /最大汇聚层/],
    });
  });

  it("reproduces d2l's b3: 192 → 256 → 480 channels at 28 × 28", () => {
    // d2l 7.4.2 zh / 8.4.2 en: Inception(192, 64, (96, 128), (16, 32), 32), Inception(256, 128, (128, 192), (32, 96), 64).
    const spec = {
      input: [192, 28, 28],
      layers: [
        inceptionBlock({ c1: 64, c2: [96, 128], c3: [16, 32], c4: 32 }, { batchNorm: false }),
        inceptionBlock({ c1: 128, c2: [128, 192], c3: [32, 96], c4: 64 }, { batchNorm: false }),
      ],
    };
    const analysis = analyze(spec);
    expect(analysis.layers[0]?.outputShape).toEqual([256, 28, 28]);
    expect(analysis.outputShape).toEqual([480, 28, 28]);
  });
});

describe("inception.params", () => {
  it("over 200 seeds keys the engine's totalParams, the sum over the six convolutions", () => {
    checkComputedTemplate(inceptionParamsTemplate, {
      topic: "inception",
      // A k×k conv from ci to co: co·ci·k² weights + co biases (d2l 6.4 zh / 7.4 en), or + 2·co for BN's γ and β.
      keyByHand: (p) => {
        const { c1, c2, c3, c4 } = p.channels;
        const cin = p.channelsIn;
        const weights = cin * c1 + cin * c2[0] + 9 * c2[0] * c2[1] + cin * c3[0] + 25 * c3[0] * c3[1] + cin * c4;
        return weights + (p.batchNorm ? 2 : 1) * (c1 + c2[0] + c2[1] + c3[0] + c3[1] + c4);
      },
      misconceptions: ["bottleneck-ignored", "forgot-bias", "running-stats-as-params"],
      zhTerms: [/Inception块/, /参数/],
    });
  });

  it("counts d2l's first Inception block by hand: 163,696 parameters", () => {
    // By hand, d2l 7.4.2 zh / 8.4.2 en, Inception(192, 64, (96, 128), (16, 32), 32):
    // 12,352 + 18,528 + 110,720 + 3,088 + 12,832 + 6,176 = 163,696.
    const spec = { input: [192, 28, 28], layers: [inceptionBlock({ c1: 64, c2: [96, 128], c3: [16, 32], c4: 32 }, { batchNorm: false })] };
    expect(analyze(spec).totalParams).toBe(163_696);
  });
});
