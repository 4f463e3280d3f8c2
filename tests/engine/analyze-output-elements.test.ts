import { describe, expect, it } from "vitest";
import { analyze, type ArchitectureSpec, zooSpec } from "@/lib/engine";

// DESIGN.md, "Engine spec": each row's outputElements is the product of its outputShape, and
// totalOutputElements sums the rows that are not composites (what a forward pass keeps for
// backpropagation when nothing is computed in place; × 4 bytes in float32).

describe("outputElements and totalOutputElements", () => {
  it("counts LeNet's activations from d2l 6.6's printed shapes", () => {
    // d2l 6.6 (LeNet on 1×28×28, padding 2) prints, batch left out: Conv2d 6×28×28 = 4704,
    // Sigmoid 4704, AvgPool2d 6×14×14 = 1176, Conv2d 16×10×10 = 1600, Sigmoid 1600,
    // AvgPool2d 16×5×5 = 400, Flatten 400, Linear 120, Sigmoid 120, Linear 84, Sigmoid 84, Linear 10
    const answer = analyze(zooSpec("d2l-lenet"));
    expect(answer.layers.map((layer) => layer.outputElements)).toEqual([4704, 4704, 1176, 1600, 1600, 400, 400, 120, 120, 84, 84, 10]);
    // by hand: 4704 + 4704 + 1176 + 1600 + 1600 + 400 + 400 + 120 + 120 + 84 + 84 + 10
    expect(answer.totalOutputElements).toBe(15002);
  });

  it("counts a small network's activations by hand, from feature maps to flat features", () => {
    const spec: ArchitectureSpec = {
      input: [3, 8, 8],
      layers: [
        { type: "conv2d", filters: 4, kernel: 3 }, // [4, 6, 6]: 144
        { type: "relu" }, // 144
        { type: "maxpool2d", kernel: 2 }, // [4, 3, 3]: 36
        { type: "flatten" }, // [36]: 36
        { type: "dense", units: 5 }, // [5]: 5
      ],
    };
    const answer = analyze(spec);
    expect(answer.layers.map((layer) => layer.outputElements)).toEqual([144, 144, 36, 36, 5]);
    expect(answer.totalOutputElements).toBe(144 + 144 + 36 + 36 + 5);
  });

  it("gives a composite its output's size but leaves it out of the total, so nothing counts twice", () => {
    // d2l 7.6's residual block with a 1×1 projection, stride 2, on [3, 6, 6]: every layer inside
    // gives [6, 3, 3] = 54 values; the input relu gives 3·6·6 = 108
    const answer = analyze({
      input: [3, 6, 6],
      layers: [
        { type: "relu" },
        {
          type: "residual",
          body: [
            { type: "conv2d", filters: 6, kernel: 3, padding: 1, stride: 2 }, { type: "batchnorm" }, { type: "relu" },
            { type: "conv2d", filters: 6, kernel: 3, padding: 1 }, { type: "batchnorm" },
          ],
          shortcut: [{ type: "conv2d", filters: 6, kernel: 1, stride: 2 }],
          activation: "relu",
        },
      ],
    });
    expect(answer.layers.map((layer) => [layer.path, layer.outputElements])).toEqual([
      ["0", 108], ["1", 54], ["1.body.0", 54], ["1.body.1", 54], ["1.body.2", 54], ["1.body.3", 54], ["1.body.4", 54], ["1.shortcut.0", 54],
    ]);
    // by hand: 108 + six layers of 54 (the residual's own row is not added)
    expect(answer.totalOutputElements).toBe(108 + 6 * 54);
  });

  it("counts concat branches and a 1-D network", () => {
    // two branches on [2, 5, 5]: a 1×1 conv to 3 channels (75) and an identity; the join [5, 5, 5]
    // is the concat's own row (125), not counted
    const joined = analyze({
      input: [2, 5, 5],
      layers: [{ type: "concat", branches: [[{ type: "conv2d", filters: 3, kernel: 1 }], []] }],
    });
    expect(joined.layers.map((layer) => layer.outputElements)).toEqual([125, 75]);
    expect(joined.totalOutputElements).toBe(75);
    // conv1d on [2, 10], kernel 3 → [4, 8] = 32
    const oneD = analyze({ input: [2, 10], layers: [{ type: "conv1d", filters: 4, kernel: 3 }, { type: "avgpool1d", kernel: 2 }] });
    // avgpool1d kernel 2 on length 8 → [4, 4] = 16
    expect(oneD.layers.map((layer) => layer.outputElements)).toEqual([32, 16]);
    expect(oneD.totalOutputElements).toBe(48);
  });

  it("puts the new fields beside their neighbours in the JSON contract's order", () => {
    const answer = analyze({ input: [1, 4, 4], layers: [{ type: "relu" }] });
    expect(Object.keys(answer)).toEqual([
      "input", "outputShape", "totalParams", "totalBuffers", "totalMacs", "totalConnections", "totalOutputElements",
      "totalOutputBytes", "totalOutputKiB", "totalOutputMiB", "totalFlops", "layers",
    ]);
    expect(Object.keys(answer.layers[0] ?? {}).slice(0, 6)).toEqual(["path", "type", "outputShape", "outputElements", "outputBytes", "params"]);
  });
});

// Cost problems ask for FLOPs and float32 memory; a problem's `check.select` is a plain path
// (DESIGN.md, "Problems"), so the engine answers them as fields.
describe("outputBytes, totalOutputBytes/KiB/MiB and totalFlops", () => {
  it("gives LeNet's activations in float32 bytes, KiB and MiB", () => {
    const answer = analyze(zooSpec("d2l-lenet"));
    // by hand from d2l 6.6's shapes above: 4704 values · 4 B = 18,816 B for C1
    expect(answer.layers[0]!.outputBytes).toBe(18816);
    expect(answer.layers.map((layer) => layer.outputBytes)).toEqual([4704, 4704, 1176, 1600, 1600, 400, 400, 120, 120, 84, 84, 10].map((values) => values * 4));
    // 15,002 values · 4 = 60,008 B = 58.6015625 KiB = 0.057228088... MiB
    expect(answer.totalOutputBytes).toBe(60008);
    expect(answer.totalOutputKiB).toBe(58.6015625);
    expect(answer.totalOutputMiB).toBeCloseTo(60008 / 1048576, 15);
  });

  it("doubles LeNet's MACs into FLOPs", () => {
    // d2l 6.6's LeNet: C1 6·28·28·25 = 117,600; C3 16·10·10·6·25 = 240,000; dense 400·120 +
    // 120·84 + 84·10 = 48,000 + 10,080 + 840; total 416,520 MACs, so 833,040 FLOPs (by hand)
    const answer = analyze(zooSpec("d2l-lenet"));
    expect(answer.totalMacs).toBe(416520);
    expect(answer.totalFlops).toBe(833040);
  });
});
