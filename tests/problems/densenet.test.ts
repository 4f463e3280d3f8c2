import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { createRng, sampleProblem } from "@/lib/problems";
import { denseNetBlockChannelsTemplate } from "@/lib/problems/templates/densenet-block-channels";
import { denseBlock, transitionBlock } from "@/lib/problems/templates/densenet-spec";
import { denseNetTransitionTemplate } from "@/lib/problems/templates/densenet-transition";
import { checkComputedTemplate } from "./group-c-checks";

describe("densenet.block-channels", () => {
  it("over 200 seeds keys the engine's shape, c0 + n·k channels at the input's size", () => {
    checkComputedTemplate(denseNetBlockChannelsTemplate, {
      topic: "dense-connections",
      // d2l 7.7.2 zh / 8.7.2 en: each conv block adds growth-rate channels, padding 1 keeps H and W.
      keyByHand: (p) => [p.channelsIn + p.convBlocks * p.growthRate, p.height, p.width],
      misconceptions: ["densenet-adds", "forgot-input-channels", "growth-rate-only-last-block", "spatial-halved-in-block"],
      zhTerms: [/稠密块/, /增长率/],
    });
  });

  it("reproduces d2l's example: DenseBlock(2, 3, 10) on 3 × 8 × 8 gives 23 × 8 × 8", () => {
    // d2l 7.7.2 zh / 8.7.2 en: Y.shape == torch.Size([4, 23, 8, 8]).
    expect(analyze({ input: [3, 8, 8], layers: [denseBlock(2, 10)] }).outputShape).toEqual([23, 8, 8]);
  });
});

describe("densenet.transition", () => {
  it("over 200 seeds keys the engine's shape, channels and size halved rounding down", () => {
    checkComputedTemplate(denseNetTransitionTemplate, {
      topic: "dense-connections",
      // d2l 7.7.3 zh / 8.7.3 en: 1×1 conv to num_channels // 2, AvgPool2d(2, stride=2) floors odd sizes.
      keyByHand: (p) => {
        const channels = p.channelsIn + (p.block ? p.block.convBlocks * p.block.growthRate : 0);
        return [Math.floor(channels / 2), Math.floor(p.height / 2), Math.floor(p.width / 2)];
      },
      misconceptions: ["ceil-instead-of-floor", "dense-block-ignored", "transition-keeps-channels", "transition-keeps-size"],
      zhTerms: [/过渡层/, /平均汇聚层/],
    });
  });

  it("reproduces d2l's example: transition_block(10) on 23 × 8 × 8 gives 10 × 4 × 4", () => {
    // d2l 7.7.3 zh / 8.7.3 en: blk = transition_block(10); blk(Y).shape == torch.Size([4, 10, 4, 4]).
    expect(analyze({ input: [23, 8, 8], layers: [transitionBlock(10)] }).outputShape).toEqual([10, 4, 4]);
  });

  it("leaves out the rounding misconception when both sizes are even", () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const problem = sampleProblem({ template: "densenet.transition", seed });
      if (problem.check?.mode !== "analyze") throw new Error("unreachable");
      const [, h, w] = problem.check.spec.input as [number, number, number];
      const ids = denseNetTransitionTemplate.misconceptions.map((m) => m.id);
      expect(ids).toContain("ceil-instead-of-floor");
      if (h % 2 === 0 && w % 2 === 0) {
        const params = denseNetTransitionTemplate.generate(createRng(seed));
        expect(denseNetTransitionTemplate.misconceptions[2]?.wrongAnswer(params)).toBeNull();
      }
    }
  });
});
