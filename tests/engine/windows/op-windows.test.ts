import { describe, expect, it } from "vitest";
import { opWindows, productSumText } from "@/lib/engine/windows";

const X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]];
const K = [[0, 1], [2, 3]];
const ones: [number, number] = [1, 1];
const zeros: [number, number] = [0, 0];

function grid(windows: ReturnType<typeof opWindows>): number[][] {
  const [, width] = windows.outputShape;
  const rows: number[][] = [];
  windows.windows.forEach((cell, index) => {
    (rows[Math.floor(index / width)] ??= []).push(cell.value);
  });
  return rows;
}

describe("opWindows", () => {
  it("cross-correlation steps d2l's example window by window, 0·0 + 1·1 + 3·2 + 4·3 = 19 first", () => {
    const windows = opWindows({ op: "corr2d", input: X, kernel: K, stride: ones, padding: zeros });
    // d2l 6.2.1 zh / 7.2.1 en, figure 6.2.1
    expect(windows.outputShape).toEqual([2, 2]);
    expect(grid(windows)).toEqual([[19, 25], [37, 43]]);
    expect(windows.windows[0]!.terms.map((term) => term.input)).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(productSumText("corr2d", windows.windows[0]!)).toBe("0·0 + 1·1 + 3·2 + 4·3 = 19");
    expect(productSumText("corr2d", windows.windows[3]!)).toBe("4·0 + 5·1 + 7·2 + 8·3 = 43");
  });

  it("the edge-detection kernel [1, −1] marks the two edges of d2l's 6×8 image with 1 and −1", () => {
    const image = Array.from({ length: 6 }, () => [1, 1, 0, 0, 0, 0, 1, 1]);
    const windows = opWindows({ op: "corr2d", input: image, kernel: [[1, -1]], stride: ones, padding: zeros });
    // d2l 6.2.3 zh / 7.2.3 en: every row of Y is [0, 1, 0, 0, 0, -1, 0]
    expect(grid(windows)).toEqual(Array.from({ length: 6 }, () => [0, 1, 0, 0, 0, -1, 0]));
    expect(productSumText("corr2d", windows.windows[5]!)).toBe("0·1 + 1·(−1) = −1");
  });

  it("convolution turns the kernel 180° before sliding it", () => {
    const windows = opWindows({ op: "conv2d", input: X, kernel: K, stride: ones, padding: zeros });
    expect(windows.appliedKernel).toEqual([[3, 2], [1, 0]]);
    // by hand: 0·3 + 1·2 + 3·1 + 4·0 = 5, 1·3 + 2·2 + 4·1 + 5·0 = 11, 3·3 + 4·2 + 6·1 + 7·0 = 23, 4·3 + 5·2 + 7·1 + 8·0 = 29
    expect(grid(windows)).toEqual([[5, 11], [23, 29]]);
  });

  it("padding adds zeros around the input; stride skips positions; dilation spreads the kernel", () => {
    const padded = opWindows({ op: "corr2d", input: X, kernel: K, stride: ones, padding: ones });
    // d2l 6.3: (3 + 2 − 2)/1 + 1 = 4 per axis; by hand the top-left window holds only X[0][0]·3 = 0
    expect(padded.outputShape).toEqual([4, 4]);
    expect(padded.windows[0]!.terms.filter((term) => term.padded)).toHaveLength(3);
    expect(padded.windows[0]!.value).toBe(0);
    // by hand: the bottom-right window holds X[2][2]·K[0][0] = 8·0 = 0 and the top-right X[0][2]·K[1][0] = 2·2 = 4
    expect(padded.windows[3]!.value).toBe(4);

    const strided = opWindows({ op: "corr2d", input: X, kernel: K, stride: [2, 2], padding: ones });
    // d2l 6.3.2: floor((3 + 2 − 2)/2) + 1 = 2 per axis; by hand, windows at rows/columns −1 and 1:
    // 0·3 = 0; 1·2 + 2·3 = 8; 3·1 + 6·3 = 21; 4·0 + 5·1 + 7·2 + 8·3 = 43
    expect(strided.outputShape).toEqual([2, 2]);
    expect(grid(strided)).toEqual([[0, 8], [21, 43]]);

    const dilated = opWindows({ op: "corr2d", input: X, kernel: K, stride: ones, padding: zeros, dilation: [2, 2] });
    // by hand: one window on the corners, 0·0 + 2·1 + 6·2 + 8·3 = 38
    expect(dilated.outputShape).toEqual([1, 1]);
    expect(productSumText("corr2d", dilated.windows[0]!)).toBe("0·0 + 2·1 + 6·2 + 8·3 = 38");
  });

  it("max and average pooling take d2l's 2×2 windows", () => {
    const max = opWindows({ op: "maxpool2d", input: X, poolSize: [2, 2], stride: ones, padding: zeros });
    const avg = opWindows({ op: "avgpool2d", input: X, poolSize: [2, 2], stride: ones, padding: zeros });
    // d2l 6.5.1 zh / 7.5.1 en, figure 6.5.1: max [[4, 5], [7, 8]], average [[2, 3], [5, 6]]
    expect(grid(max)).toEqual([[4, 5], [7, 8]]);
    expect(grid(avg)).toEqual([[2, 3], [5, 6]]);
    expect(productSumText("maxpool2d", max.windows[0]!)).toBe("max(0, 1, 3, 4) = 4");
    expect(productSumText("avgpool2d", avg.windows[0]!)).toBe("(0 + 1 + 3 + 4) / 4 = 2");
  });

  it("max pooling with padding 1 and stride 2 never picks the padding", () => {
    const input = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]];
    const max = opWindows({ op: "maxpool2d", input, poolSize: [3, 3], stride: [2, 2], padding: ones });
    // d2l 6.5.2 zh / 7.5.2 en: nn.MaxPool2d(3, padding=1, stride=2) on arange(16) → [[5, 7], [13, 15]]
    expect(grid(max)).toEqual([[5, 7], [13, 15]]);
    expect(productSumText("maxpool2d", max.windows[0]!)).toBe("max(0, 1, 4, 5) = 5");
  });

  it("transposed convolution adds the scaled kernels of d2l's example", () => {
    const input = [[0, 1], [2, 3]];
    const plain = opWindows({ op: "conv2d_transpose", input, kernel: input, stride: ones, padding: zeros });
    // d2l 13.10.1 zh / 14.10.1 en, figure 13.10.1
    expect(grid(plain)).toEqual([[0, 0, 1], [0, 4, 6], [4, 12, 9]]);
    expect(productSumText("conv2d_transpose", plain.windows[4]!)).toBe("0·3 + 1·2 + 2·1 + 3·0 = 4");
    // d2l 13.10.1: padding=1 cuts one row and column from each side → [[4]]
    expect(grid(opWindows({ op: "conv2d_transpose", input, kernel: input, stride: ones, padding: ones }))).toEqual([[4]]);
    // d2l 13.10.1: stride=2 → figure 13.10.2
    const strided = opWindows({ op: "conv2d_transpose", input, kernel: input, stride: [2, 2], padding: zeros });
    expect(grid(strided)).toEqual([[0, 0, 0, 1], [0, 0, 2, 3], [0, 2, 0, 3], [4, 6, 6, 9]]);
  });
});
