import { describe, expect, it } from "vitest";
import { analyze, type Analysis, EngineError, type LayerAnalysis, selectPath } from "@/lib/engine";

function one(input: number[], layer: Record<string, unknown>): LayerAnalysis {
  const row = analyze({ input, layers: [layer] }).layers[0];
  if (!row) throw new Error("expected one row");
  return row;
}

describe("the padding each conv and pool row reports, resolved", () => {
  it("repeats an explicit padding per axis, d2l 6.3's examples", () => {
    // d2l 6.3 (zh) / 7.3 (en): an 8x8 input keeps its size with a 3x3 kernel and padding 1,
    // and with a 5x3 kernel and padding (2, 1)
    expect(one([1, 8, 8], { type: "conv2d", filters: 1, kernel: 3, padding: 1 })).toMatchObject({ outputShape: [1, 8, 8], padding: [1, 1] });
    expect(one([1, 8, 8], { type: "conv2d", filters: 1, kernel: [5, 3], padding: [2, 1] })).toMatchObject({
      outputShape: [1, 8, 8],
      padding: [2, 1],
    });
    expect(one([1, 8, 8], { type: "conv2d", filters: 1, kernel: 3 }).padding).toEqual([0, 0]);
    expect(one([1, 8, 8], { type: "conv2d", filters: 1, kernel: 3, padding: "valid" }).padding).toEqual([0, 0]);
  });

  it('resolves "same" with stride 1 to d·(k − 1)/2 per axis for odd effective kernels', () => {
    // by hand: k = 3 → 1; k = 7 → 3; kernel [3, 5] → [1, 2]; k = 5, d = 2 → 2·4/2 = 4;
    // kernel 3 with dilation [1, 3] → [1, 3·2/2 = 3]. The size stays: n + 2p − d(k − 1) = n.
    expect(one([1, 8, 8], { type: "conv2d", filters: 1, kernel: 3, padding: "same" }).padding).toEqual([1, 1]);
    expect(one([1, 8, 8], { type: "conv2d", filters: 1, kernel: 7, padding: "same" }).padding).toEqual([3, 3]);
    expect(one([2, 9, 11], { type: "conv2d", filters: 4, kernel: [3, 5], padding: "same" })).toMatchObject({
      outputShape: [4, 9, 11],
      padding: [1, 2],
    });
    expect(one([1, 9, 9], { type: "conv2d", filters: 2, kernel: 5, dilation: 2, padding: "same" }).padding).toEqual([4, 4]);
    expect(one([1, 9, 9], { type: "conv2d", filters: 2, kernel: 3, dilation: [1, 3], padding: "same" }).padding).toEqual([1, 3]);
    expect(one([3, 20], { type: "conv1d", filters: 2, kernel: 5, padding: "same" })).toMatchObject({ outputShape: [2, 20], padding: [2] });
  });

  it('reports the leading (top / left) side for "same" with an even effective kernel, PyTorch padding the odd pixel after', () => {
    // PyTorch nn.Conv2d(padding="same"): total d·(k − 1), left total // 2, the rest on the right.
    // k = 4: total 3, left 1 (right 2); kernel [4, 2]: totals [3, 1], left [1, 0].
    // k = 2 with d = 3: effective kernel 4, total 3, left 1. The size is kept either way.
    expect(one([1, 7, 7], { type: "conv2d", filters: 1, kernel: 4, padding: "same" })).toMatchObject({ outputShape: [1, 7, 7], padding: [1, 1] });
    expect(one([3, 7, 9], { type: "conv2d", filters: 4, kernel: [4, 2], padding: "same" })).toMatchObject({
      outputShape: [4, 7, 9],
      padding: [1, 0],
    });
    expect(one([1, 10], { type: "conv1d", filters: 1, kernel: 2, dilation: 3, padding: "same" })).toMatchObject({
      outputShape: [1, 10],
      padding: [1],
    });
    // k = 2 with d = 2: effective kernel 3, odd, so 1 on both sides
    expect(one([1, 10], { type: "conv1d", filters: 1, kernel: 2, dilation: 2, padding: "same" }).padding).toEqual([1]);
  });

  it("reports a transposed convolution's padding (what it crops per side)", () => {
    // d2l 13.10 (zh) / 14.10 (en): padding 1 on a 2x2 input with a 2x2 kernel, stride 1 → 1x1
    expect(one([1, 2, 2], { type: "conv2d_transpose", filters: 1, kernel: 2, padding: 1 })).toMatchObject({
      outputShape: [1, 1, 1],
      padding: [1, 1],
    });
    expect(one([1, 2, 2], { type: "conv2d_transpose", filters: 1, kernel: [3, 2], padding: [1, 0] }).padding).toEqual([1, 0]);
  });

  it("reports the padding of 2-D and 1-D pooling", () => {
    // d2l 6.5 (zh) / 7.5 (en): nn.MaxPool2d(3, padding=1, stride=2) on 4x4 → 2x2; nn.MaxPool2d((2, 3),
    // stride=(2, 3), padding=(0, 1)) on 4x4 → 2x2
    expect(one([1, 4, 4], { type: "maxpool2d", kernel: 3, padding: 1, stride: 2 })).toMatchObject({ outputShape: [1, 2, 2], padding: [1, 1] });
    expect(one([1, 4, 4], { type: "maxpool2d", kernel: [2, 3], padding: [0, 1], stride: [2, 3] })).toMatchObject({
      outputShape: [1, 2, 2],
      padding: [0, 1],
    });
    expect(one([1, 4, 4], { type: "maxpool2d", kernel: 2 }).padding).toEqual([0, 0]);
    // by hand: ⌊(9 + 2 − 3)/2⌋ + 1 = 5
    expect(one([2, 9], { type: "maxpool1d", kernel: 3, stride: 2, padding: 1 })).toMatchObject({ outputShape: [2, 5], padding: [1] });
    expect(one([2, 9], { type: "avgpool1d", kernel: 3 }).padding).toEqual([0]);
  });

  it("gives no padding to layers without a sliding window", () => {
    const answer = analyze({
      input: [2, 6, 6],
      layers: [{ type: "relu" }, { type: "batchnorm" }, { type: "global_avgpool" }, { type: "flatten" }, { type: "dense", units: 3 }],
    });
    for (const row of answer.layers) expect(row).not.toHaveProperty("padding");
  });

  it("lets a problem select one axis's padding by dotted path, nested layers included", () => {
    const answer: Analysis = analyze({
      input: [1, 9, 9],
      layers: [
        { type: "conv2d", filters: 2, kernel: [3, 7], padding: "same" },
        { type: "sequential", layers: [{ type: "conv2d", filters: 2, kernel: 5, dilation: 3, padding: "same" }] },
      ],
    });
    expect(selectPath(answer, "layers.0.padding.0")).toBe(1); // (3 − 1)/2
    expect(selectPath(answer, "layers.0.padding.1")).toBe(3); // (7 − 1)/2
    expect(selectPath(answer, "layers.2.padding.0")).toBe(6); // 3·(5 − 1)/2
    expect(() => selectPath(answer, "layers.1.padding.0")).toThrow(EngineError); // a composite has none
  });
});
