import { describe, expect, it } from "vitest";
import { analyze, type Analysis, EngineError, type LayerSpec } from "@/lib/engine";

function one(input: number[], layer: Record<string, unknown>): Analysis {
  return analyze({ input, layers: [layer] });
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

describe("conv2d with dilation, groups and no bias", () => {
  it("follows PyTorch's Conv2d documentation example", () => {
    // PyTorch docs, torch.nn.Conv2d, example: Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2),
    // dilation=(3, 1)) on (20, 16, 50, 100); by hand: H = ⌊(50 + 8 − 3·2 − 1)/2⌋ + 1 = 26,
    // W = ⌊(100 + 4 − 4 − 1)/1⌋ + 1 = 100; params 33·16·3·5 + 33 = 7,953
    const layer = one([16, 50, 100], { type: "conv2d", filters: 33, kernel: [3, 5], stride: [2, 1], padding: [4, 2], dilation: [3, 1] })
      .layers[0];
    expect(layer).toMatchObject({ outputShape: [33, 26, 100], params: 7953, receptiveField: [7, 5], jump: [2, 1] });
  });

  it("counts a depthwise convolution (groups = channels) as MobileNet does", () => {
    // by hand: 32 filters, each over 32/32 = 1 channel, 3x3, no bias: 288 params;
    // MACs 32·112·112·1·9 = 3,612,672 (MobileNetV2's first depthwise layer, stride 1 on 112x112)
    const layer = one([32, 112, 112], { type: "conv2d", filters: 32, kernel: 3, padding: 1, groups: 32, bias: false }).layers[0];
    expect(layer).toMatchObject({ outputShape: [32, 112, 112], params: 288, macs: 3_612_672, connections: 3_612_672 });
  });

  it('keeps the size with padding "same" and a dilation', () => {
    // PyTorch padding="same": total d·(k − 1) = 2·4 = 8 per axis, so 9x9 stays 9x9; RF 1 + 8 = 9
    expect(one([1, 9, 9], { type: "conv2d", filters: 2, kernel: 5, dilation: 2, padding: "same" }).layers[0])
      .toMatchObject({ outputShape: [2, 9, 9], receptiveField: [9, 9] });
  });
});

describe("conv1d", () => {
  // NNDL 5.1.2: with an input of length n and a kernel of length k, the narrow convolution
  // (padding 0) gives n − k + 1, the wide one (padding k − 1) n + k − 1, the same-width one
  // (padding (k − 1)/2) n
  it.each([
    ["narrow (窄卷积)", 0, 7 - 3 + 1],
    ["wide (宽卷积)", 2, 7 + 3 - 1],
    ["same-width (等宽卷积)", 1, 7],
  ])("gives NNDL 5.1's %s convolution length", (_kind, padding, length) => {
    expect(one([1, 7], { type: "conv1d", filters: 1, kernel: 3, padding }).outputShape).toEqual([1, length]);
  });

  it("counts grouped weights on [C, L]", () => {
    // by hand (and PyTorch 1.13: Conv1d(4, 6, 3, stride=2, padding=1, groups=2) on length 11):
    // ⌊(11 + 2 − 3)/2⌋ + 1 = 6; params 6·2·3 + 6 = 42; MACs 6·6·2·3 = 216
    expect(one([4, 11], { type: "conv1d", filters: 6, kernel: 3, stride: 2, padding: 1, groups: 2 }).layers[0]).toMatchObject({
      outputShape: [6, 6],
      params: 42,
      macs: 216,
      connections: 216 + 36,
      receptiveField: [3],
      jump: [2],
    });
  });

  it("refuses a [C, H, W] input", () => {
    expect(engineError(() => one([1, 4, 4], { type: "conv1d", filters: 1, kernel: 3 })).message)
      .toBe("layer 0 (conv1d): needs a [C, L] input, got [1, 4, 4]");
  });
});

describe("conv2d_transpose", () => {
  it("gives d2l 13.10's basic transposed convolutions", () => {
    // d2l 13.10 (zh) / 14.10 (en): a 2x2 input and a 2x2 kernel give 3x3 at stride 1, 4x4 at
    // stride 2, and padding 1 removes the outer ring: 1x1
    expect(one([1, 2, 2], { type: "conv2d_transpose", filters: 1, kernel: 2 }).outputShape).toEqual([1, 3, 3]);
    expect(one([1, 2, 2], { type: "conv2d_transpose", filters: 1, kernel: 2, stride: 2 }).outputShape).toEqual([1, 4, 4]);
    expect(one([1, 2, 2], { type: "conv2d_transpose", filters: 1, kernel: 2, padding: 1, bias: false }).outputShape)
      .toEqual([1, 1, 1]);
  });

  it("undoes a convolution's shape, d2l 13.10's consistency check", () => {
    // d2l 13.10: Conv2d(10, 20, kernel_size=5, padding=2, stride=3) on 16x16, then
    // ConvTranspose2d(20, 10, kernel_size=5, padding=2, stride=3) gives back 16x16
    const answer = analyze({
      input: [10, 16, 16],
      layers: [
        { type: "conv2d", filters: 20, kernel: 5, padding: 2, stride: 3 },
        { type: "conv2d_transpose", filters: 10, kernel: 5, padding: 2, stride: 3 },
      ],
    });
    expect(answer.layers[0]?.outputShape).toEqual([20, 6, 6]);
    expect(answer.outputShape).toEqual([10, 16, 16]);
  });

  it("reaches PyTorch's output_size with output_padding, as in the ConvTranspose2d docs", () => {
    // PyTorch docs, torch.nn.ConvTranspose2d example: 12x12 → Conv2d(16, 16, 3, stride=2,
    // padding=1) → 6x6 → ConvTranspose2d(16, 16, 3, stride=2, padding=1) with output_size 12x12,
    // which is output_padding 1: (6 − 1)·2 − 2 + 2 + 1 + 1 = 12
    expect(one([16, 6, 6], { type: "conv2d_transpose", filters: 16, kernel: 3, stride: 2, padding: 1, output_padding: 1 }).outputShape)
      .toEqual([16, 12, 12]);
  });

  it("counts params, MACs and connections with groups, dilation and output padding", () => {
    // by hand (and PyTorch 1.13: ConvTranspose2d(4, 6, (3, 2), stride=(2, 3), padding=(1, 0),
    // output_padding=(1, 2), groups=2, dilation=(2, 1)) on 5x7 → 12x22, 78 params):
    // H = 4·2 − 2 + 2·2 + 1 + 1 = 12, W = 6·3 − 0 + 1 + 2 + 1 = 22; params 4·3·3·2 + 6 = 78;
    // MACs (each input pixel scatters its kernel) 4·3·3·2·5·7 = 2,520; connections + 6·12·22 = 1,584
    const layer = one([4, 5, 7], {
      type: "conv2d_transpose", filters: 6, kernel: [3, 2], stride: [2, 3], padding: [1, 0],
      output_padding: [1, 2], groups: 2, dilation: [2, 1],
    }).layers[0];
    expect(layer).toMatchObject({ outputShape: [6, 12, 22], params: 78, macs: 2520, connections: 2520 + 1584 });
  });

  it("reports the receptive field by the inputs one output sees, and a fractional jump", () => {
    // convention (shapes.ts): kernel 3, stride 2 → an output sees ⌈3/2⌉ = 2 inputs: RF 1 + 1 = 2,
    // jump 1/2; a following 3x3 conv adds (3 − 1)·1/2 = 1 input pixel: RF 3
    const answer = analyze({
      input: [1, 4, 4],
      layers: [{ type: "conv2d_transpose", filters: 1, kernel: 3, stride: 2 }, { type: "conv2d", filters: 1, kernel: 3 }],
    });
    expect(answer.layers[0]).toMatchObject({ outputShape: [1, 9, 9], receptiveField: [2, 2], jump: [0.5, 0.5] });
    expect(answer.layers[1]).toMatchObject({ receptiveField: [3, 3], jump: [0.5, 0.5] });
  });

  it("refuses output_padding not smaller than the stride or the dilation, as PyTorch does", () => {
    const error = engineError(() => one([1, 4, 4], { type: "conv2d_transpose", filters: 1, kernel: 3, stride: 2, output_padding: 2 }));
    expect(error.code).toBe("invalid-layer");
    expect(error.message).toBe("layer 0 (conv2d_transpose): output_padding 2 must be smaller than the stride 2 or the dilation 1");
  });
});

describe("pooling with ceil_mode, 1-D, global and adaptive", () => {
  it("keeps the last window only when it starts inside the input or the left padding (PyTorch ceil_mode)", () => {
    // by hand (and PyTorch 1.13): MaxPool2d(3, 2, padding=1, ceil_mode=True) on 6x6:
    // ⌈(6 + 2 − 3)/2⌉ + 1 = 4, and the 4th window starts at 3·2 = 6 < 6 + 1: kept
    expect(one([1, 6, 6], { type: "maxpool2d", kernel: 3, stride: 2, padding: 1, ceil_mode: true }).outputShape).toEqual([1, 4, 4]);
    // AvgPool2d(2, 2, padding=1, ceil_mode=True) on 5x5: ⌈(5 + 2 − 2)/2⌉ + 1 = 4, but the 4th
    // window would start at 3·2 = 6 ≥ 5 + 1, inside the right padding only: dropped, 3
    expect(one([1, 5, 5], { type: "avgpool2d", kernel: 2, padding: 1, ceil_mode: true }).outputShape).toEqual([1, 3, 3]);
    // floor mode for comparison: ⌊5/2⌋ + 1 = 3 … and without padding 5x5 → 2x2
    expect(one([1, 5, 5], { type: "avgpool2d", kernel: 2 }).outputShape).toEqual([1, 2, 2]);
  });

  it("pools 1-D maps", () => {
    // by hand (and PyTorch 1.13: MaxPool1d(2, stride=2, ceil_mode=True) on length 5 → 3)
    expect(one([3, 5], { type: "maxpool1d", kernel: 2, ceil_mode: true }).layers[0]).toMatchObject({
      outputShape: [3, 3],
      receptiveField: [2],
      jump: [2],
    });
    expect(one([3, 9], { type: "avgpool1d", kernel: 3, stride: 2, padding: 1 }).outputShape).toEqual([3, 5]); // ⌊(9 + 2 − 3)/2⌋ + 1
  });

  it("reduces a map to [C, 1, 1] with global pooling, its field the whole map", () => {
    // d2l 7.3 (NiN): global average pooling; by hand on 5x7 after a 3x3 conv (RF 3): 3 + 4 = 7, 3 + 6 = 9
    const answer = analyze({
      input: [2, 7, 9],
      layers: [{ type: "conv2d", filters: 4, kernel: 3 }, { type: "global_maxpool" }],
    });
    expect(answer.layers[1]).toMatchObject({ outputShape: [4, 1, 1], params: 0, receptiveField: [7, 9] });
    expect(one([6, 10], { type: "global_avgpool" }).outputShape).toEqual([6, 1]);
  });

  it("adapts to any output size with PyTorch's bins and reports the widest bin's field", () => {
    // PyTorch docs, AdaptiveAvgPool2d example: (5, 7) on 8x9 → 5x7. Bins (start ⌊i·in/out⌋,
    // end ⌈(i + 1)·in/out⌉), by hand: 8 → 5 widths 2, 3, 2, 3, 2; 9 → 7 widths 2, 2, 2, 3, 2, 2, 2
    const layer = one([64, 8, 9], { type: "adaptive_avgpool2d", output: [5, 7] }).layers[0];
    expect(layer).toMatchObject({ outputShape: [64, 5, 7], params: 0, receptiveField: [3, 3] });
    expect(layer?.jump[0]).toBeCloseTo(8 / 5, 12);
    expect(layer?.jump[1]).toBeCloseTo(9 / 7, 12);
    // output dividing input: kernel = stride = 2
    expect(one([1, 14, 14], { type: "adaptive_avgpool2d", output: 7 }).layers[0]).toMatchObject({ receptiveField: [2, 2], jump: [2, 2] });
  });
});

describe("batchnorm, activations, dropout", () => {
  it("counts d2l 7.5's LeNet with batch norm: γ, β as params, running stats as buffers", () => {
    // d2l 7.5 (zh) / 8.5 (en), BatchNorm LeNet (nn.BatchNorm2d / nn.BatchNorm1d after each layer);
    // by hand: convs 156 + 2,416, dense 256·120 + 120 = 30,840, 10,164, 850, BN 2·(6 + 16 + 120 + 84)
    // = 452 params and 452 buffers: 44,878 (PyTorch 1.13 counts the same; its num_batches_tracked
    // buffers are not counted, see batchnorm.ts)
    const answer = analyze({
      input: [1, 28, 28],
      layers: [
        { type: "conv2d", filters: 6, kernel: 5 }, { type: "batchnorm" }, { type: "sigmoid" },
        { type: "avgpool2d", kernel: 2, stride: 2 },
        { type: "conv2d", filters: 16, kernel: 5 }, { type: "batchnorm" }, { type: "sigmoid" },
        { type: "avgpool2d", kernel: 2, stride: 2 }, { type: "flatten" },
        { type: "dense", units: 120 }, { type: "batchnorm" }, { type: "sigmoid" },
        { type: "dense", units: 84 }, { type: "batchnorm" }, { type: "sigmoid" },
        { type: "dense", units: 10 },
      ],
    });
    expect(answer.totalParams).toBe(44_878);
    expect(answer.totalBuffers).toBe(452);
    expect(answer.layers[1]).toMatchObject({ outputShape: [6, 24, 24], params: 12, buffers: 12, macs: 0 });
    expect(answer.layers[10]).toMatchObject({ outputShape: [120], params: 240, buffers: 240 });
  });

  it("has no γ and β with affine false", () => {
    expect(one([3, 4, 4], { type: "batchnorm", affine: false }).layers[0]).toMatchObject({ params: 0, buffers: 6 });
  });

  it("passes shapes through activations and dropout", () => {
    const answer = analyze({
      input: [5],
      layers: [{ type: "softmax" }, { type: "dropout", rate: 0 }, { type: "tanh" }, { type: "dropout" }],
    });
    expect(answer.layers.map((layer) => layer.outputShape)).toEqual([[5], [5], [5], [5]]);
    expect(engineError(() => one([5], { type: "dropout", rate: 1 })).message)
      .toBe("layer 0 (dropout): rate must be a number in [0, 1), got 1");
  });
});

describe("composites", () => {
  // d2l 7.6 (zh) / 8.6 (en), class Residual, as a spec
  const d2lResidual = (channels: number, project: boolean, stride: number): LayerSpec => ({
    type: "residual",
    body: [
      { type: "conv2d", filters: channels, kernel: 3, padding: 1, stride }, { type: "batchnorm" }, { type: "relu" },
      { type: "conv2d", filters: channels, kernel: 3, padding: 1 }, { type: "batchnorm" },
    ],
    shortcut: project ? [{ type: "conv2d", filters: channels, kernel: 1, stride }] : [],
    activation: "relu",
  });

  it("gives d2l 7.6's residual block shapes", () => {
    // d2l 7.6: Residual(3, 3) on (4, 3, 6, 6) → (4, 3, 6, 6); Residual(3, 6, use_1x1conv=True,
    // strides=2) → (4, 6, 3, 3)
    expect(analyze({ input: [3, 6, 6], layers: [d2lResidual(3, false, 1)] }).outputShape).toEqual([3, 6, 6]);
    expect(analyze({ input: [3, 6, 6], layers: [d2lResidual(6, true, 2)] }).outputShape).toEqual([6, 3, 3]);
  });

  it("lists a composite before its children, with 0 counts of its own, and counts nothing twice", () => {
    const answer = analyze({ input: [3, 6, 6], layers: [{ type: "relu" }, d2lResidual(6, true, 2)] });
    expect(answer.layers.map((layer) => layer.path)).toEqual([
      "0", "1", "1.body.0", "1.body.1", "1.body.2", "1.body.3", "1.body.4", "1.shortcut.0",
    ]);
    expect(answer.layers[1]).toEqual({
      path: "1", type: "residual", outputShape: [6, 3, 3], outputElements: 54, outputBytes: 216, params: 0, buffers: 0, macs: 0, connections: 0,
      // by hand: body 3x3/2 then 3x3: 3 + 2·2 = 7 with jump 2; shortcut 1x1/2: 1; the larger, 7
      receptiveField: [7, 7], jump: [2, 2],
      // what the block holds (params by hand below); MACs by hand, C_out·H·W·C_in·k²:
      // 6·3·3·3·9 = 1458, 6·3·3·6·9 = 2916, shortcut 6·3·3·3·1 = 162: 4536
      subtreeParams: 546, subtreeMacs: 4536,
    });
    // by hand: 6·3·9 + 6 = 168, BN 12, 6·6·9 + 6 = 330, BN 12, shortcut 6·3 + 6 = 24: 546
    expect(answer.totalParams).toBe(546);
    expect(answer.layers.reduce((sum, layer) => sum + layer.params, 0)).toBe(546);
  });

  it("refuses a residual whose paths differ in shape, naming the residual", () => {
    // d2l 7.6: without the 1x1 convolution, a block that changes channels cannot add its input
    const error = engineError(() => analyze({ input: [1, 6, 6], layers: [{ type: "relu" }, d2lResidual(6, false, 2)] }));
    expect(error.code).toBe("shape-mismatch");
    expect(error.path).toBe("1");
    expect(error.message).toBe(
      "layer 1 (residual): body gives [6, 3, 3] but shortcut gives [1, 6, 6]; they must match to be added",
    );
  });

  it("joins d2l 7.7's dense block on channels", () => {
    // d2l 7.7 (zh) / 8.7 (en): DenseBlock(2, 3, 10) on (4, 3, 8, 8) → (4, 23, 8, 8), then
    // transition_block(23, 10) → (4, 10, 4, 4)
    const convBlock: LayerSpec[] = [{ type: "batchnorm" }, { type: "relu" }, { type: "conv2d", filters: 10, kernel: 3, padding: 1 }];
    const answer = analyze({
      input: [3, 8, 8],
      layers: [
        { type: "sequential", layers: [{ type: "concat", branches: [[], convBlock] }, { type: "concat", branches: [[], convBlock] }] },
        { type: "sequential", layers: [{ type: "batchnorm" }, { type: "relu" }, { type: "conv2d", filters: 10, kernel: 1 }, { type: "avgpool2d", kernel: 2, stride: 2 }] },
      ],
    });
    expect(answer.layers[0]?.outputShape).toEqual([23, 8, 8]);
    expect(answer.outputShape).toEqual([10, 4, 4]);
    expect(answer.layers.slice(0, 6).map((layer) => layer.path)).toEqual([
      "0", "0.layers.0", "0.layers.0.branches.1.0", "0.layers.0.branches.1.1", "0.layers.0.branches.1.2", "0.layers.1",
    ]);
  });

  it("takes the largest field over concat branches and refuses mismatched spatial sizes", () => {
    const inception = {
      type: "concat",
      branches: [
        [{ type: "conv2d", filters: 2, kernel: 1 }],
        [{ type: "conv2d", filters: 3, kernel: 5, padding: 2 }],
        [{ type: "maxpool2d", kernel: 3, stride: 1, padding: 1 }],
      ],
    };
    expect(analyze({ input: [4, 8, 8], layers: [inception] }).layers[0]).toMatchObject({ outputShape: [9, 8, 8], receptiveField: [5, 5] });
    const error = engineError(() =>
      analyze({ input: [4, 8, 8], layers: [{ type: "concat", branches: [[], [{ type: "conv2d", filters: 2, kernel: 3 }]] }] }),
    );
    expect(error.message).toMatch(/^layer 0 \(concat\): branch 1 gives \[2, 6, 6\] but branch 0 gives \[4, 8, 8\]/);
  });

  it("echoes a name only when given, after the type", () => {
    const answer = analyze({ input: [1, 4, 4], layers: [{ type: "relu", name: "act" }, { type: "relu" }] });
    expect(Object.keys(answer.layers[0] ?? {})).toEqual([
      "path", "type", "name", "outputShape", "outputElements", "outputBytes", "params", "buffers", "macs", "connections", "receptiveField", "jump",
    ]);
    expect(answer.layers[1]).not.toHaveProperty("name");
  });
});

describe("invalid specs name the path and what is wrong", () => {
  const nested = (layer: Record<string, unknown>) =>
    analyze({ input: [4, 8, 8], layers: [{ type: "relu" }, { type: "sequential", layers: [{ type: "residual", body: [layer] }] }] });

  it.each([
    [{ type: "conv3d" }, "unknown-layer-type", 'layer 1.layers.0.body.0: unknown type "conv3d"'],
    [{ type: "conv2d", kernel: 3 }, "invalid-layer", "layer 1.layers.0.body.0 (conv2d): filters is required (a positive integer)"],
    [{ type: "conv2d", filters: 4, kernel: 2.5 }, "invalid-layer", "layer 1.layers.0.body.0 (conv2d): kernel must be a positive integer or [h, w] of them, got 2.5"],
    [{ type: "conv2d", filters: 4, kernel: 9 }, "output-too-small", "layer 1.layers.0.body.0 (conv2d): output height would be 0 (< 1)"],
    [{ type: "conv2d", filters: 6, kernel: 3, groups: 4 }, "shape-mismatch", "layer 1.layers.0.body.0 (conv2d): groups 4 must divide both the input channels 4 and filters 6"],
    [{ type: "conv2d", filters: 4, kernel: 3, stride: 2, padding: "same" }, "invalid-layer", 'layer 1.layers.0.body.0 (conv2d): padding "same" needs stride 1'],
    [{ type: "maxpool2d", kernel: 2, padding: 2 }, "pool-padding-too-large", "layer 1.layers.0.body.0 (maxpool2d): padding 2 is more than half the kernel 2"],
    [{ type: "dense", units: 3 }, "shape-mismatch", "layer 1.layers.0.body.0 (dense): needs a flat [F] input, got [4, 8, 8]; add a flatten layer first"],
    [{ type: "conv2d", filters: 70_000, kernel: 1 }, "too-large", "layer 1.layers.0.body.0 (conv2d): 70000 output channels is over the limit of 65536"],
    [{ type: "conv2d_transpose", filters: 1, kernel: 2, stride: 1000 }, "too-large", "layer 1.layers.0.body.0 (conv2d_transpose): output size 7002 is over the spatial limit of 4096"],
  ])("%j", (layer, code, message) => {
    const error = engineError(() => nested(layer));
    expect(error.code).toBe(code);
    expect(error.path).toBe("1.layers.0.body.0");
    expect(error.message.startsWith(message)).toBe(true);
  });

  it("refuses bad frames, oversized inputs and too many layers", () => {
    expect(engineError(() => analyze({ input: [1, 8, 8, 8], layers: [] })).code).toBe("invalid-spec");
    expect(engineError(() => analyze({ input: [1, 8, 8] })).message).toBe("spec: layers must be an array of layers, got undefined");
    expect(engineError(() => analyze({ input: [1, 5000, 8], layers: [] })).code).toBe("too-large");
    expect(engineError(() => analyze({ input: [70_000, 8], layers: [] })).code).toBe("too-large");
    const deep = engineError(() => analyze({ input: [8], layers: Array.from({ length: 2001 }, () => ({ type: "relu" })) }));
    expect(deep.code).toBe("too-large");
    expect(deep.path).toBe("2000");
    expect(analyze({ input: [8], layers: Array.from({ length: 2000 }, () => ({ type: "relu" })) }).layers).toHaveLength(2000);
  });

  it("refuses a concat branch that is not a list and a residual without a body", () => {
    expect(engineError(() => analyze({ input: [1, 4, 4], layers: [{ type: "concat", branches: [{ type: "relu" }] }] })).message)
      .toBe("layer 0 (concat): branches.0 must be an array of layers (an empty one is the identity)");
    expect(engineError(() => analyze({ input: [1, 4, 4], layers: [{ type: "residual" }] })).message)
      .toBe("layer 0 (residual): body is required (an array of layers)");
  });
});

describe("analyze on random junk", () => {
  it("throws only EngineErrors, never a TypeError, for 3,000 random specs", async () => {
    const { xoroshiro128plus } = await import("pure-rand/generator/xoroshiro128plus");
    const { uniformInt } = await import("pure-rand/distribution/uniformInt");
    const generator = xoroshiro128plus(42);
    const int = (from: number, to: number) => uniformInt(generator, from, to);
    const pick = <T,>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
    const types = [
      "conv2d", "conv1d", "conv2d_transpose", "maxpool2d", "avgpool2d", "maxpool1d", "avgpool1d", "global_avgpool",
      "global_maxpool", "adaptive_avgpool2d", "batchnorm", "relu", "softmax", "dropout", "flatten", "dense",
      "sequential", "residual", "concat", "nope",
    ];
    const values = () => pick<unknown>([0, 1, 2, 3, -1, 2.5, [2, 3], [0, 1], [1], "same", "valid", true, null, {}, 1e9]);
    const keys: Record<string, string[]> = {
      conv2d: ["filters", "kernel", "stride", "padding", "dilation", "groups"],
      conv1d: ["filters", "kernel", "stride", "padding", "dilation", "groups"],
      conv2d_transpose: ["filters", "kernel", "stride", "padding", "output_padding", "dilation"],
      maxpool2d: ["kernel", "stride", "padding", "ceil_mode"],
      avgpool2d: ["kernel", "stride", "padding", "ceil_mode"],
      maxpool1d: ["kernel", "stride", "padding"],
      avgpool1d: ["kernel", "stride", "padding"],
      adaptive_avgpool2d: ["output"],
      dropout: ["rate"],
      dense: ["units"],
    };
    const layer = (depth: number): Record<string, unknown> => {
      const type = pick(types);
      const spec: Record<string, unknown> = { type };
      // mostly the type's own fields, now and then a stray one
      for (const key of [...(keys[type] ?? []), "units"]) {
        if (int(0, 3) > 0 || key === "kernel" || key === "filters") spec[key] = int(0, 3) > 0 ? int(1, 3) : values();
      }
      if (type === "dense" || int(0, 9) > 0) delete spec.units;
      if (keys[type] === undefined && type !== "dense") delete spec.units;
      if (depth < 2 && type === "sequential") spec.layers = Array.from({ length: int(0, 3) }, () => layer(depth + 1));
      if (depth < 2 && type === "residual") spec.body = Array.from({ length: int(0, 2) }, () => layer(depth + 1));
      if (depth < 2 && type === "concat") spec.branches = [[], Array.from({ length: int(0, 2) }, () => layer(depth + 1))];
      if (type === "dense") spec.units = int(0, 5) > 0 ? int(1, 9) : values();
      return spec;
    };
    let valid = 0;
    for (let index = 0; index < 3000; index += 1) {
      const input = pick([[3, 8, 8], [4, 10], [12], [1, 1, 1], [0, 3]]);
      try {
        analyze({ input, layers: Array.from({ length: int(1, 4) }, () => layer(0)) });
        valid += 1;
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        expect(error.message).toMatch(/^(layer [\w.]+( \(\w+\))?|spec):/);
      }
    }
    expect(valid).toBeGreaterThan(0);
  });
});
