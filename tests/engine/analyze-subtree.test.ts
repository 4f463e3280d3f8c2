import { describe, expect, it } from "vitest";
import { analyze, type LayerAnalysis, type LayerSpec, zooSpec } from "@/lib/engine";

/** d2l 7.6 (zh) / 8.6 (en), `Residual(input_channels, num_channels, use_1x1conv, strides)`. */
const d2lResidual = (channels: number, project: boolean, stride: number): LayerSpec => ({
  type: "residual",
  body: [
    { type: "conv2d", filters: channels, kernel: 3, padding: 1, stride },
    { type: "batchnorm" },
    { type: "relu" },
    { type: "conv2d", filters: channels, kernel: 3, padding: 1 },
    { type: "batchnorm" },
  ],
  shortcut: project ? [{ type: "conv2d", filters: channels, kernel: 1, stride }] : [],
  activation: "relu",
});

const rowAt = (rows: LayerAnalysis[], path: string): LayerAnalysis => {
  const row = rows.find((entry) => entry.path === path);
  if (!row) throw new Error(`no row ${path}`);
  return row;
};

describe("composite rows report what they hold", () => {
  it("counts d2l's residual block with a 1x1 shortcut, Residual(64, 128, use_1x1conv=True, strides=2)", () => {
    // d2l 7.6 (zh) / 8.6 (en), the first block of ResNet-18's second stage, on a 64x56x56 map.
    // Params by hand: conv1 128·64·9 + 128 = 73,856; BN 2·128 = 256; conv2 128·128·9 + 128 = 147,584;
    // BN 256; 1x1 shortcut 128·64 + 128 = 8,320: 230,272.
    // MACs by hand (output 28x28): 128·28·28·64·9 = 57,802,752; 128·28·28·128·9 = 115,605,504;
    // 128·28·28·64 = 6,422,528: 179,830,784.
    const answer = analyze({ input: [64, 56, 56], layers: [d2lResidual(128, true, 2)] });
    const block = answer.layers[0];
    expect(block).toMatchObject({ type: "residual", params: 0, macs: 0, subtreeParams: 230_272, subtreeMacs: 179_830_784 });
    expect(answer.totalParams).toBe(230_272);
  });

  it("counts d2l's Inception block of GoogLeNet's third stage, Inception(192, 64, (96, 128), (16, 32), 32)", () => {
    // d2l 7.4 (zh) / 8.4 (en). By hand: 1x1 192→64: 12,352; 1x1 192→96: 18,528 then 3x3 96→128:
    // 110,720; 1x1 192→16: 3,088 then 5x5 16→32: 12,832; pool then 1x1 192→32: 6,176. Sum 163,696.
    const inception: LayerSpec = {
      type: "concat",
      branches: [
        [{ type: "conv2d", filters: 64, kernel: 1 }, { type: "relu" }],
        [{ type: "conv2d", filters: 96, kernel: 1 }, { type: "relu" }, { type: "conv2d", filters: 128, kernel: 3, padding: 1 }, { type: "relu" }],
        [{ type: "conv2d", filters: 16, kernel: 1 }, { type: "relu" }, { type: "conv2d", filters: 32, kernel: 5, padding: 2 }, { type: "relu" }],
        [{ type: "maxpool2d", kernel: 3, stride: 1, padding: 1 }, { type: "conv2d", filters: 32, kernel: 1 }, { type: "relu" }],
      ],
    };
    const answer = analyze({ input: [192, 28, 28], layers: [inception] });
    expect(answer.layers[0]).toMatchObject({ outputShape: [256, 28, 28], params: 0, subtreeParams: 163_696 });
    // MACs by hand: weights without biases 12,288 + 18,432 + 110,592 + 3,072 + 12,800 + 6,144 = 163,328,
    // each applied at all 28·28 = 784 positions: 128,049,152
    expect(answer.layers[0]?.subtreeMacs).toBe(128_049_152);
  });

  it("nests: a sequential's subtree holds its residual blocks', and leaf rows carry no subtree fields", () => {
    // d2l 7.6 (zh) / 8.6 (en), resnet_block(3, 6, 2, first_block=False) on 3x6x6: Residual(3, 6,
    // use_1x1conv=True, strides=2) then Residual(6, 6). By hand: the first 546 (168 + 12 + 330 + 12 +
    // 24); the second 330 + 12 + 330 + 12 = 684; together 1,230.
    const answer = analyze({
      input: [3, 6, 6],
      layers: [{ type: "sequential", layers: [d2lResidual(6, true, 2), d2lResidual(6, false, 1)] }],
    });
    expect(rowAt(answer.layers, "0").subtreeParams).toBe(1_230);
    expect(rowAt(answer.layers, "0.layers.0").subtreeParams).toBe(546);
    expect(rowAt(answer.layers, "0.layers.1").subtreeParams).toBe(684);
    for (const row of answer.layers) {
      if (["sequential", "residual", "concat"].includes(row.type)) continue;
      expect(row).not.toHaveProperty("subtreeParams");
      expect(row).not.toHaveProperty("subtreeMacs");
    }
  });

  it("reports 0 for a composite holding nothing learnable", () => {
    const answer = analyze({ input: [2, 4, 4], layers: [{ type: "residual", body: [{ type: "relu" }] }] });
    expect(answer.layers[0]).toMatchObject({ subtreeParams: 0, subtreeMacs: 0 });
  });

  it("adds torchvision's ResNet-18 stages and stem up to its published 11,689,512 parameters", () => {
    // torchvision.models.resnet18, ResNet18_Weights.IMAGENET1K_V1: num_params 11,689,512 (torchvision docs).
    // By hand, layer1 (two BasicBlocks of 64 channels, no conv bias): 2·(2·64·64·9 + 2·128) = 147,968;
    // layer4: 512·256·9 + 512·512·9 + 512·256 (downsample) + 3·1,024 (BN) + 2·512·512·9 + 2·1,024
    // = 8,393,728; stem conv 64·3·7·7 = 9,408 and BN 128; fc 512·1,000 + 1,000 = 513,000.
    const answer = analyze(zooSpec("resnet18"));
    const top = answer.layers.filter((row) => !row.path.includes("."));
    expect(rowAt(answer.layers, "4").subtreeParams).toBe(147_968);
    expect(rowAt(answer.layers, "7").subtreeParams).toBe(8_393_728);
    // layer1's MACs by hand: four 3x3 convolutions 64→64 on 56x56, 64·56·56·64·9 = 115,605,504 each
    expect(rowAt(answer.layers, "4").subtreeMacs).toBe(462_422_016);
    const sum = top.reduce((total, row) => total + (row.subtreeParams ?? row.params), 0);
    expect(sum).toBe(11_689_512);
    expect(answer.totalParams).toBe(11_689_512);
  });
});
