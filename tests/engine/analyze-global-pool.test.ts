import { describe, expect, it } from "vitest";
import { analyze, type LayerSpec } from "@/lib/engine";

/** A TextCNN branch (d2l 15.3 zh / 16.3 en): a `conv1d` of width `k`, ReLU, max-over-time pooling. */
const branch = (k: number): LayerSpec[] => [{ type: "conv1d", filters: 2, kernel: k }, { type: "relu" }, { type: "global_maxpool" }];

describe("receptive field and jump through global pooling", () => {
  it("treats a global pool as a pool whose kernel and stride are the remaining length", () => {
    // By hand, Araujo et al. (Distill 2019) eq. (1)–(2), r += (k − 1)·j, j *= s:
    // conv1d k = 3 on L = 20: length 18, r = 3, j = 1; global max pool, k = s = 18:
    // r = 3 + 17·1 = 20 (the whole sequence), j = 1·18 = 18.
    const answer = analyze({ input: [4, 20], layers: branch(3) });
    expect(answer.layers.map((row) => row.outputShape)).toEqual([[2, 18], [2, 18], [2, 1]]);
    expect(answer.layers[2]).toMatchObject({ receptiveField: [20], jump: [18] });
  });

  it("joins TextCNN branches of widths 3, 4, 5 with the widest field and jump over the branches", () => {
    // By hand on L = 20: lengths 18, 17, 16; fields 3 + 17 = 4 + 16 = 5 + 15 = 20; jumps 18, 17, 16.
    // The concat reports the largest per axis (the engine's convention for several paths): 20 and 18.
    const answer = analyze({ input: [4, 20], layers: [{ type: "concat", branches: [branch(3), branch(4), branch(5)] }] });
    const pools = answer.layers.filter((row) => row.type === "global_maxpool");
    expect(pools.map((row) => row.receptiveField[0])).toEqual([20, 20, 20]);
    expect(pools.map((row) => row.jump[0])).toEqual([18, 17, 16]);
    expect(answer.layers[0]).toMatchObject({ outputShape: [6, 1], receptiveField: [20], jump: [18] });
  });

  it("multiplies the jump of a strided map by its size in 2-D", () => {
    // By hand: 3x3 conv on 8x8 → 6x6, r = 3, j = 1; 2x2 max pool → 3x3, r = 4, j = 2;
    // global average pool over 3x3: r = 4 + 2·2 = 8 (the whole input), j = 2·3 = 6.
    const answer = analyze({
      input: [1, 8, 8],
      layers: [{ type: "conv2d", filters: 2, kernel: 3 }, { type: "maxpool2d", kernel: 2 }, { type: "global_avgpool" }],
    });
    expect(answer.layers[2]).toMatchObject({ outputShape: [2, 1, 1], receptiveField: [8, 8], jump: [6, 6] });
  });
});
