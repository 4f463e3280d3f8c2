import { afterEach, describe, expect, it, vi } from "vitest";
import { convOutputSize, transposedOutputSize } from "@/lib/engine";
import { tf } from "@/lib/engine/tf";
import { conv2dOutputShapeByTf, convAxisSize, transposedAxisSize } from "@/lib/engine/tf-conv-shape";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("tfjs shape inference of conv2d", () => {
  it("runs on the cpu backend in Node, without printing advice", () => {
    const warn = vi.spyOn(console, "warn");
    const log = vi.spyOn(console, "log");
    tf.tidy(() => tf.tensor([1, 2, 3]).square().dataSync());
    expect(tf.getBackend()).toBe("cpu");
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it("gives d2l 6.3's 4x4 for stride 2 (channels first in, channels first out)", () => {
    // d2l 6.3: 8x8, kernel 3, padding 1, stride 2 → 4x4; 3 input channels, 16 filters
    const shape = conv2dOutputShapeByTf({
      input: [3, 8, 8],
      filters: 16,
      kernel: [3, 3],
      stride: [2, 2],
      dilation: [1, 1],
      padding: [1, 1, 1, 1],
    });
    expect(shape).toEqual([16, 4, 4]);
  });

  it("agrees with PyTorch's formula over a grid of sizes, kernels, paddings, strides and dilations", () => {
    for (const size of [1, 2, 5, 8, 13]) {
      for (const kernel of [1, 2, 3, 5]) {
        for (const padding of [0, 1, 2]) {
          for (const stride of [1, 2, 3]) {
            for (const dilation of [1, 2]) {
              const expected = convOutputSize(size, kernel, padding, stride, dilation);
              if (expected < 1) continue;
              const shape = conv2dOutputShapeByTf({
                input: [2, size, size + 1],
                filters: 4,
                kernel: [kernel, kernel],
                stride: [stride, stride],
                dilation: [dilation, dilation],
                padding: [padding, padding, padding, padding],
              });
              expect(shape).toEqual([4, expected, convOutputSize(size + 1, kernel, padding, stride, dilation)]);
            }
          }
        }
      }
    }
  });

  it("asks tfjs once per axis configuration, then answers from memory", () => {
    const build = vi.spyOn(tf.layers, "conv2d");
    // by hand: ⌊(37 + 3 + 4 − 2·(5 − 1) − 1)/3⌋ + 1 = 12
    expect(convAxisSize(37, 3, 4, 5, 3, 2)).toBe(12);
    expect(build).toHaveBeenCalledTimes(1);
    expect(convAxisSize(37, 3, 4, 5, 3, 2)).toBe(12);
    // the same padded size (44) split differently is the same configuration
    expect(convAxisSize(38, 3, 3, 5, 3, 2)).toBe(12);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("infers transposed sizes with tfjs layers where tfjs can express them, PyTorch's formula where it cannot", () => {
    const build = vi.spyOn(tf.layers, "conv2dTranspose");
    // d2l 13.10's consistency check: 6 → 16 with kernel 5, padding 2, stride 3 (span 5 ≥ stride 3: tfjs)
    expect(transposedAxisSize(6, 5, 3, 1, 2, 0)).toBe(16);
    expect(build).toHaveBeenCalledTimes(1);
    // kernel 2 < stride 3: tfjs would give 4·3 = 12, PyTorch (4 − 1)·3 + 2 = 11; the formula answers
    expect(transposedAxisSize(4, 2, 3, 1, 0, 0)).toBe(transposedOutputSize(4, 2, 0, 3));
    expect(transposedAxisSize(4, 2, 3, 1, 0, 0)).toBe(11);
    expect(build).toHaveBeenCalledTimes(1);
    for (const [size, kernel, stride, dilation, padding, outputPadding] of [
      [5, 3, 2, 2, 1, 1], [7, 4, 2, 1, 1, 1], [3, 3, 1, 3, 2, 0], [9, 2, 2, 1, 0, 1],
    ] as const) {
      expect(transposedAxisSize(size, kernel, stride, dilation, padding, outputPadding))
        .toBe(transposedOutputSize(size, kernel, padding, stride, outputPadding, dilation));
    }
  });
});
