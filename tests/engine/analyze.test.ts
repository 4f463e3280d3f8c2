import { describe, expect, it } from "vitest";
import { analyze, type ArchitectureSpec, EngineError, selectPath } from "@/lib/engine";

// DESIGN.md, "Engine spec": LeNet as d2l 6.6 builds it (sigmoid, average pooling).
const lenet: ArchitectureSpec = {
  name: "LeNet",
  input: [1, 28, 28],
  layers: [
    { type: "conv2d", filters: 6, kernel: 5, padding: 2 },
    { type: "sigmoid" },
    { type: "avgpool2d", kernel: 2, stride: 2 },
    { type: "conv2d", filters: 16, kernel: 5 },
    { type: "sigmoid" },
    { type: "avgpool2d", kernel: 2, stride: 2 },
    { type: "flatten" },
    { type: "dense", units: 120 },
    { type: "sigmoid" },
    { type: "dense", units: 84 },
    { type: "sigmoid" },
    { type: "dense", units: 10 },
  ],
};

function oneConv(input: number[], layer: Record<string, unknown>) {
  return analyze({ input, layers: [{ type: "conv2d", ...layer }] });
}

function engineError(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError");
}

describe("analyze on LeNet", () => {
  const answer = analyze(lenet);

  it("counts LeNet's parameters, MACs and connections", () => {
    // DESIGN.md, "Engine spec"; by hand: params 156 + 2416 + 48120 + 10164 + 850 = 61706,
    // MACs 117600 + 240000 + 48000 + 10080 + 840 = 416520, connections add one per biased output
    expect(answer.input).toEqual([1, 28, 28]);
    expect(answer.outputShape).toEqual([10]);
    expect(answer.totalParams).toBe(61706);
    expect(answer.totalBuffers).toBe(0);
    expect(answer.totalMacs).toBe(416520);
    expect(answer.totalConnections).toBe(423038);
  });

  it("reports conv1 exactly as DESIGN.md's example, 122,304 connections as NNDL 5.3 counts C1", () => {
    // DESIGN.md's example row plus the resolved padding (issue 5): LeNet's conv1 pads 2 per side;
    // and the float32 bytes of its output (issue 13's cost problems)
    expect(answer.layers[0]).toEqual({
      path: "0",
      type: "conv2d",
      outputShape: [6, 28, 28],
      outputElements: 4704, // 6 · 28 · 28
      outputBytes: 18816, // 4704 · 4
      params: 156,
      buffers: 0,
      macs: 117600,
      connections: 122304,
      receptiveField: [5, 5],
      jump: [1, 1],
      padding: [2, 2],
    });
  });

  it("lists every layer in order with its output shape", () => {
    // d2l 6.6: the shapes printed layer by layer (batch left out)
    expect(answer.layers.map((layer) => layer.outputShape)).toEqual([
      [6, 28, 28], [6, 28, 28], [6, 14, 14], [16, 10, 10], [16, 10, 10], [16, 5, 5],
      [400], [120], [120], [84], [84], [10],
    ]);
    expect(answer.layers.map((layer) => layer.path)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
  });

  it("grows the receptive field through convolutions and pooling", () => {
    // by hand, r += (k − 1)·j, j *= s: conv 5, pool 6 (j 2), conv 6 + 4·2 = 14, pool 16 (j 4);
    // the first dense layer sees the whole 5x5 map: 16 + 4·4 = 32, the padded 28 + 2·2 input
    expect(answer.layers.map((layer) => layer.receptiveField[0])).toEqual([5, 5, 6, 14, 14, 16, 16, 32, 32, 32, 32, 32]);
    expect(answer.layers[5]?.jump).toEqual([4, 4]);
  });

  it("selects values by dotted path", () => {
    expect(selectPath(answer, "layers.3.params")).toBe(2416); // by hand: 16·6·5·5 + 16
    expect(selectPath(answer, "outputShape")).toEqual([10]);
    expect(engineError(() => selectPath(answer, "layers.99.params")).code).toBe("invalid-select");
  });
});

describe("analyze conv2d", () => {
  it("matches d2l 6.3's padding and stride examples", () => {
    // d2l 6.3 (zh) / 7.3 (en): all on an 8x8 input
    expect(oneConv([1, 8, 8], { filters: 1, kernel: 3, padding: 1 }).outputShape).toEqual([1, 8, 8]);
    expect(oneConv([1, 8, 8], { filters: 1, kernel: [5, 3], padding: [2, 1] }).outputShape).toEqual([1, 8, 8]);
    expect(oneConv([1, 8, 8], { filters: 1, kernel: 3, padding: 1, stride: 2 }).outputShape).toEqual([1, 4, 4]);
    expect(oneConv([1, 8, 8], { filters: 1, kernel: [3, 5], padding: [0, 1], stride: [3, 4] }).outputShape).toEqual([1, 2, 2]);
  });

  it('keeps the size with padding "same", an even kernel padded more at the bottom and right', () => {
    // PyTorch padding="same": total padding k − 1 = 3 per axis
    expect(oneConv([3, 7, 9], { filters: 4, kernel: [4, 2], padding: "same" }).outputShape).toEqual([4, 7, 9]);
  });

  it("divides the weights by groups", () => {
    // by hand: 8 filters, 4 input channels / 2 groups, 3x3 → 8·2·9 + 8 = 152; MACs 8·6·6·2·9 = 5184
    const layer = oneConv([4, 8, 8], { filters: 8, kernel: 3, groups: 2 }).layers[0];
    expect(layer?.params).toBe(152);
    expect(layer?.macs).toBe(5184);
  });

  it("counts no bias connections without a bias", () => {
    // by hand: 2·3·3·(1·2·2) = 72 MACs and weights 2·1·2·2 = 8
    const layer = oneConv([1, 4, 4], { filters: 2, kernel: 2, bias: false }).layers[0];
    expect(layer).toMatchObject({ params: 8, macs: 72, connections: 72 });
  });
});

describe("analyze pooling", () => {
  it("defaults the stride to the kernel", () => {
    // d2l 6.5: nn.MaxPool2d(3) on 4x4 → 1x1
    const answer = analyze({ input: [1, 4, 4], layers: [{ type: "maxpool2d", kernel: 3 }] });
    expect(answer.outputShape).toEqual([1, 1, 1]);
    expect(answer.layers[0]).toMatchObject({ params: 0, macs: 0, connections: 0, jump: [3, 3] });
  });

  it("pools with padding and stride", () => {
    // d2l 6.5: nn.MaxPool2d(3, padding=1, stride=2) on 4x4 → 2x2
    expect(analyze({ input: [2, 4, 4], layers: [{ type: "avgpool2d", kernel: 3, padding: 1, stride: 2 }] }).outputShape)
      .toEqual([2, 2, 2]);
  });
});

describe("analyze refuses invalid specs, naming the layer", () => {
  it("refuses an unknown layer type", () => {
    const error = engineError(() => analyze({ input: [1, 8, 8], layers: [{ type: "relu" }, { type: "conv3d" }] }));
    expect(error.code).toBe("unknown-layer-type");
    expect(error.path).toBe("1");
    expect(error.message).toMatch(/^layer 1: unknown type "conv3d"/);
  });

  it("refuses non-positive sizes", () => {
    const error = engineError(() => oneConv([1, 8, 8], { filters: 0, kernel: 3 }));
    expect(error.code).toBe("invalid-layer");
    expect(error.message).toBe("layer 0 (conv2d): filters must be a positive integer, got 0");
    expect(engineError(() => oneConv([1, 8, 8], { filters: 1, kernel: -3 })).code).toBe("invalid-layer");
    expect(engineError(() => analyze({ input: [1, 0, 8], layers: [] })).code).toBe("invalid-spec");
  });

  it("refuses an output smaller than 1", () => {
    // by hand: floor((4 − 5)/1) + 1 = 0
    const error = engineError(() => oneConv([1, 4, 4], { filters: 1, kernel: 5 }));
    expect(error.code).toBe("output-too-small");
    expect(error.message).toMatch(/^layer 0 \(conv2d\): output height would be 0/);
  });

  it("refuses pooling padding over half the kernel, as PyTorch does", () => {
    const error = engineError(() =>
      analyze({ input: [1, 8, 8], layers: [{ type: "relu" }, { type: "maxpool2d", kernel: 3, padding: 2 }] }),
    );
    expect(error.code).toBe("pool-padding-too-large");
    expect(error.message).toBe("layer 1 (maxpool2d): padding 2 is more than half the kernel 3");
  });

  it('refuses padding "same" with a stride', () => {
    expect(engineError(() => oneConv([1, 8, 8], { filters: 1, kernel: 3, padding: "same", stride: 2 })).message)
      .toMatch(/^layer 0 \(conv2d\): padding "same" needs stride 1/);
  });

  it("refuses a dense layer on an unflattened map and unknown fields", () => {
    expect(engineError(() => analyze({ input: [1, 4, 4], layers: [{ type: "dense", units: 3 }] })).code)
      .toBe("shape-mismatch");
    expect(engineError(() => oneConv([1, 8, 8], { filters: 1, kernel: 3, kernal: 3 })).message)
      .toMatch(/^layer 0 \(conv2d\): .*kernal/);
  });
});
