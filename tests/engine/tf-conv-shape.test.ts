import { afterEach, describe, expect, it, vi } from "vitest";
import { convOutputSize } from "@/lib/engine";
import { tf } from "@/lib/engine/tf";
import { conv2dOutputShapeByTf } from "@/lib/engine/tf-conv-shape";

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
});
