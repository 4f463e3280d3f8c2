import { beforeAll, describe, expect, it } from "vitest";
import { type NestedArray, type OpAnswer, run } from "@/lib/engine";
import { prepareNodeEngine } from "@/lib/engine/backend-node";

/**
 * `run` against numbers from the textbooks (d2l, 2nd edition, zh section numbers with en in
 * brackets; NNDL = Qiu Xipeng, *Neural Networks and Deep Learning*, ch. 5) and against hand work.
 * Each expected value names its source. Every case runs on both Node backends.
 */

const arange = (n: number, rows: number, columns: number) =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => n + i * columns + j));
const add = (array: NestedArray, amount: number): NestedArray =>
  typeof array === "number" ? array + amount : array.map((item) => add(item, amount));
const output = (op: object) => (run(op) as OpAnswer).output;

/** Element-wise closeness for float32 results of non-integer arithmetic. */
function expectClose(actual: NestedArray, expected: NestedArray, digits = 5) {
  if (typeof expected === "number") {
    expect(actual).toBeCloseTo(expected, digits);
    return;
  }
  expect(Array.isArray(actual) && actual.length).toBe(expected.length);
  expected.forEach((item, i) => expectClose((actual as NestedArray[])[i]!, item, digits));
}

describe.each(["cpu", "wasm"] as const)("run on the %s backend", (backend) => {
  beforeAll(async () => {
    expect((await prepareNodeEngine(backend)).backend).toBe(backend);
  });

  describe("cross-correlation (d2l 6.2 [7.2])", () => {
    it("computes the 3×3 ⋆ 2×2 example of figure 6.2.1", () => {
      // d2l 6.2.1: corr2d(X, K) with X = arange(9).reshape(3, 3), K = [[0, 1], [2, 3]] → [[19, 25], [37, 43]]
      expect(output({ op: "corr2d", input: arange(0, 3, 3), kernel: [[0, 1], [2, 3]] })).toEqual([[19, 25], [37, 43]]);
    });

    it("finds the vertical edges of d2l's 6×8 image with the kernel [1, −1]", () => {
      // d2l 6.2.3: X = ones(6, 8), X[:, 2:6] = 0, K = [[1, -1]] → 1 at column 1, −1 at column 5, 6×7
      const image = Array.from({ length: 6 }, () => [1, 1, 0, 0, 0, 0, 1, 1]);
      const edges = Array.from({ length: 6 }, () => [0, 1, 0, 0, 0, -1, 0]);
      expect(output({ op: "corr2d", input: image, kernel: [[1, -1]] })).toEqual(edges);
      // d2l 6.2.3: corr2d(X.t(), K) finds nothing: the 8×6 transposed image gives 8×5 zeros
      const transposed = image[0]!.map((_, j) => image.map((row) => row[j]!));
      expect(output({ op: "corr2d", input: transposed, kernel: [[1, -1]] })).toEqual(Array.from({ length: 8 }, () => [0, 0, 0, 0, 0]));
    });

    it("adds a bias to every output, as d2l's Conv2D layer does", () => {
      // d2l 6.2.2: Conv2D.forward = corr2d(x, weight) + bias; by hand: [[19, 25], [37, 43]] + 1
      expect(output({ op: "corr2d", input: arange(0, 3, 3), kernel: [[0, 1], [2, 3]], bias: 1 })).toEqual([[20, 26], [38, 44]]);
    });
  });

  describe("padding and stride (d2l 6.3 [7.3])", () => {
    const x8 = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i * 8 + j) % 5));
    const shape = (array: NestedArray): number[] => (typeof array === "number" ? [] : [array.length, ...shape(array[0]!)]);

    it("keeps 8×8 with a 3×3 kernel and padding 1, and with a 5×3 kernel and padding (2, 1)", () => {
      // d2l 6.3.1: comp_conv2d(Conv2d(1, 1, kernel_size=3, padding=1), X).shape → (8, 8); (5, 3) with (2, 1) → (8, 8)
      expect(shape(output({ op: "corr2d", input: x8, kernel: arange(0, 3, 3), padding: 1 }))).toEqual([8, 8]);
      expect(shape(output({ op: "corr2d", input: x8, kernel: arange(0, 5, 3), padding: [2, 1] }))).toEqual([8, 8]);
    });

    it("halves 8×8 with stride 2, and gives 2×2 with kernel (3, 5), padding (0, 1), stride (3, 4)", () => {
      // d2l 6.3.2: kernel 3, padding 1, stride 2 → (4, 4); kernel (3, 5), padding (0, 1), stride (3, 4) → (2, 2)
      expect(shape(output({ op: "corr2d", input: x8, kernel: arange(0, 3, 3), padding: 1, stride: 2 }))).toEqual([4, 4]);
      expect(shape(output({ op: "corr2d", input: x8, kernel: arange(0, 3, 5), padding: [0, 1], stride: [3, 4] }))).toEqual([2, 2]);
    });

    it("sums the zero-padded 3×3 neighbourhoods of arange(16) with a ones kernel", () => {
      // by hand: X = arange(16).reshape(4, 4), padding 1, K = ones(3, 3): each output is the sum of
      // the in-image neighbours, e.g. corner (0, 0): 0 + 1 + 4 + 5 = 10; (1, 1): 0+1+2+4+5+6+8+9+10 = 45
      const ones = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];
      expect(output({ op: "corr2d", input: arange(0, 4, 4), kernel: ones, padding: 1 })).toEqual([
        [10, 18, 24, 18],
        [27, 45, 54, 39],
        [51, 81, 90, 63],
        [42, 66, 72, 50],
      ]);
      // by hand: with stride 2 the windows start at (0, 0), (0, 2), (2, 0), (2, 2) of the padded input
      expect(output({ op: "corr2d", input: arange(0, 4, 4), kernel: ones, padding: 1, stride: 2 })).toEqual([[10, 24], [51, 90]]);
    });

    it("spreads a dilated kernel with holes, also together with a stride (which tfjs alone refuses)", () => {
      // by hand: K = [[1, 0], [0, 1]] dilated 2 reads X[i][j] + X[i+2][j+2]; X = arange(16) 4×4:
      // (0,0): 0 + 10 = 10, (0,1): 1 + 11 = 12, (1,0): 4 + 14 = 18, (1,1): 5 + 15 = 20
      expect(output({ op: "corr2d", input: arange(0, 4, 4), kernel: [[1, 0], [0, 1]], dilation: 2 })).toEqual([[10, 12], [18, 20]]);
      // by hand: the same with stride 2 keeps only (0, 0) … and padding 1 adds the windows around it
      expect(output({ op: "corr2d", input: arange(0, 4, 4), kernel: [[1, 0], [0, 1]], dilation: 2, stride: 2 })).toEqual([[10]]);
      // by hand: padding 1, stride 2, dilation 2 on 4×4: out = floor((4 + 2 − 2 − 1)/2) + 1 = 2;
      // (0,0) reads padded (0,0)=0 and (2,2)=X[1][1]=5; (0,1): 0 and X[1][3]=7; (1,0): 0 and X[3][1]=13; (1,1): X[1][1]=5 and X[3][3]=15
      expect(output({ op: "corr2d", input: arange(0, 4, 4), kernel: [[1, 0], [0, 1]], dilation: 2, stride: 2, padding: 1 })).toEqual([
        [5, 7],
        [13, 20],
      ]);
    });
  });

  describe("multiple input and output channels (d2l 6.4 [7.4])", () => {
    // d2l 6.4.1: X and K of corr2d_multi_in
    const X = [arange(0, 3, 3), arange(1, 3, 3)];
    const K = [[[0, 1], [2, 3]], [[1, 2], [3, 4]]];

    it("sums the per-channel correlations: [[56, 72], [104, 120]]", () => {
      // d2l 6.4.1: corr2d_multi_in(X, K) → [[56, 72], [104, 120]]
      expect(output({ op: "corr2d", input: X, kernel: K })).toEqual([[56, 72], [104, 120]]);
    });

    it("stacks K, K + 1 and K + 2 into three output channels", () => {
      // d2l 6.4.2: K = torch.stack((K, K + 1, K + 2), 0); corr2d_multi_in_out(X, K)
      expect(output({ op: "corr2d", input: X, kernel: [K, add(K, 1), add(K, 2)] })).toEqual([
        [[56, 72], [104, 120]],
        [[76, 100], [148, 172]],
        [[96, 128], [192, 224]],
      ]);
    });

    it("computes a 1×1 convolution as a matrix product over channels", () => {
      // d2l 6.4.3: corr2d_multi_in_out_1x1 is Y = K·X with X reshaped to (c_i, h·w); by hand with
      // X = [arange(0,2,2), arange(4,2,2), arange(8,2,2)], K = [[1, 0, 1], [0, 2, -1]] (2×3):
      // channel 0 = X0 + X2 = [[8, 10], [12, 14]], channel 1 = 2·X1 − X2 = [[0, 1], [2, 3]]
      const input = [arange(0, 2, 2), arange(4, 2, 2), arange(8, 2, 2)];
      const kernel = [[[[1]], [[0]], [[1]]], [[[0]], [[2]], [[-1]]]];
      expect(output({ op: "corr2d", input, kernel })).toEqual([[[8, 10], [12, 14]], [[0, 1], [2, 3]]]);
    });

    it("adds one bias per output channel", () => {
      // by hand: the stacked example above plus bias [1, 0, -1]
      expect(output({ op: "corr2d", input: X, kernel: [K, add(K, 1), add(K, 2)], bias: [1, 0, -1] })).toEqual([
        [[57, 73], [105, 121]],
        [[76, 100], [148, 172]],
        [[95, 127], [191, 223]],
      ]);
    });
  });

  describe("convolution against cross-correlation (NNDL 5.1)", () => {
    it("turns the kernel 180° for conv2d: NNDL figure 5.2", () => {
      // NNDL 5.1.1, figure 5.2 (二维卷积示例): the 5×5 X convolved with W = [[1,0,0],[0,0,0],[0,0,-1]]
      // gives [[0,-2,-1],[2,2,4],[-1,0,0]] (convolution flips W, eq. 5.6)
      const X = [[1, 1, 1, 1, 1], [-1, 0, -3, 0, 1], [2, 1, 1, -1, 0], [0, -1, 1, 2, 1], [1, 2, 1, 1, 1]];
      const W = [[1, 0, 0], [0, 0, 0], [0, 0, -1]];
      const Y = [[0, -2, -1], [2, 2, 4], [-1, 0, 0]];
      expect(output({ op: "conv2d", input: X, kernel: W })).toEqual(Y);
      // NNDL eq. 5.7: cross-correlation is convolution with the kernel not flipped; so corr2d with rot180(W) is the same
      expect(output({ op: "corr2d", input: X, kernel: [[-1, 0, 0], [0, 0, 0], [0, 0, 1]] })).toEqual(Y);
      // by hand: and corr2d with W itself reads X[i][j] − X[i+2][j+2], the negation
      expect(output({ op: "corr2d", input: X, kernel: W })).toEqual(Y.map((row) => row.map((v) => -v + 0)));
    });

    it("flips every channel's kernel, and leaves a symmetric kernel's answer alone", () => {
      // by hand: d2l 6.4's X with K flipped per channel: conv2d(X, rot180(K)) = corr2d(X, K)
      const X = [arange(0, 3, 3), arange(1, 3, 3)];
      const flipped = [[[3, 2], [1, 0]], [[4, 3], [2, 1]]];
      expect(output({ op: "conv2d", input: X, kernel: flipped })).toEqual([[56, 72], [104, 120]]);
      const symmetric = [[1, 2, 1], [2, 4, 2], [1, 2, 1]];
      expect(output({ op: "conv2d", input: arange(0, 4, 4), kernel: symmetric })).toEqual(
        output({ op: "corr2d", input: arange(0, 4, 4), kernel: symmetric }),
      );
    });

    it("delays and decays a signal as in NNDL eq. 5.1–5.4 (1-D convolution as a reversed corr1d)", () => {
      // NNDL 5.1.1 eq. 5.1: y_t = 1·x_t + 1/2·x_{t−1} + 1/4·x_{t−2}, a convolution with w = [1, 1/2, 1/4];
      // corr1d reads its kernel left to right, so w reversed; by hand for x = [4, 8, 4, 0, 8]:
      // y_3 = 4 + 4 + 1 = 9, y_4 = 0 + 2 + 2 = 4, y_5 = 8 + 0 + 1 = 9 (outputs from t = 3, as NNDL)
      expect(output({ op: "corr1d", input: [4, 8, 4, 0, 8], kernel: [1 / 4, 1 / 2, 1] })).toEqual([9, 4, 9]);
    });

    it("averages with [1/3, 1/3, 1/3] and takes the second difference with [1, −2, 1]", () => {
      // NNDL 5.1.1: w = [1/K, …, 1/K] is a moving average; by hand on [3, 6, 9, 12, 3]: [6, 9, 8]
      expectClose(output({ op: "corr1d", input: [3, 6, 9, 12, 3], kernel: [1 / 3, 1 / 3, 1 / 3] }), [6, 9, 8]);
      // NNDL 5.1.1 eq. for x''(t) = x(t+1) + x(t−1) − 2x(t): on the squares 1, 4, 9, 16, 25 it is 2 everywhere
      expect(output({ op: "corr1d", input: [1, 4, 9, 16, 25], kernel: [1, -2, 1] })).toEqual([2, 2, 2]);
    });

    it("gives NNDL's narrow, wide and equal-width lengths n − m + 1, n + m − 1 and n", () => {
      // NNDL 5.1.2: narrow (p = 0), wide (p = m − 1), equal-width (p = (m − 1)/2); n = 7, m = 3;
      // by hand with w = [1, 0, -1] on x = [1, 1, 2, -1, 1, -3, 1] (wide: zeros beyond the ends)
      const x = [1, 1, 2, -1, 1, -3, 1];
      expect(output({ op: "corr1d", input: x, kernel: [1, 0, -1] })).toEqual([-1, 2, 1, 2, 0]);
      expect(output({ op: "corr1d", input: x, kernel: [1, 0, -1], padding: 2 })).toEqual([-1, -1, -1, 2, 1, 2, 0, -3, 1]);
      expect(output({ op: "corr1d", input: x, kernel: [1, 0, -1], padding: 1 })).toEqual([-1, -1, 2, 1, 2, 0, -3]);
      // NNDL 5.1.2, figure 5.4a: stride 2 gives (n − m + 2p)/s + 1 = (7 − 3)/2 + 1 = 3 outputs
      expect(output({ op: "corr1d", input: x, kernel: [1, 0, -1], stride: 2 })).toEqual([-1, 1, 0]);
    });

    it("sums 1-D channels and stacks 1-D output channels", () => {
      // by hand: [C=2][L=4] ⋆ [C][k=2]: [0,1,2,3]·[1,1] + [4,5,6,7]·[1,-1] = [1,3,5] + [-1,-1,-1] = [0, 2, 4]
      const input = [[0, 1, 2, 3], [4, 5, 6, 7]];
      expect(output({ op: "corr1d", input, kernel: [[1, 1], [1, -1]] })).toEqual([0, 2, 4]);
      expect(output({ op: "corr1d", input, kernel: [[[1, 1], [1, -1]], [[0, 1], [0, 0]]], bias: [0, 10] })).toEqual([
        [0, 2, 4],
        [11, 12, 13],
      ]);
    });
  });

  describe("pooling (d2l 6.5 [7.5])", () => {
    it("max- and average-pools arange(9) with a 2×2 window", () => {
      // d2l 6.5.1: pool2d(X, (2, 2)) → [[4, 5], [7, 8]]; pool2d(X, (2, 2), 'avg') → [[2, 3], [5, 6]]
      expect(output({ op: "maxpool2d", input: arange(0, 3, 3), kernel: 2, stride: 1 })).toEqual([[4, 5], [7, 8]]);
      expect(output({ op: "avgpool2d", input: arange(0, 3, 3), kernel: 2, stride: 1 })).toEqual([[2, 3], [5, 6]]);
    });

    it("defaults the stride to the kernel and pads arange(16) as d2l does", () => {
      // d2l 6.5.2: nn.MaxPool2d(3)(X) → [[10]]; MaxPool2d(3, padding=1, stride=2) → [[5, 7], [13, 15]];
      // MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1)) → [[5, 7], [13, 15]]
      const X = arange(0, 4, 4);
      expect(output({ op: "maxpool2d", input: X, kernel: 3 })).toEqual([[10]]);
      expect(output({ op: "maxpool2d", input: X, kernel: 3, padding: 1, stride: 2 })).toEqual([[5, 7], [13, 15]]);
      expect(output({ op: "maxpool2d", input: X, kernel: [2, 3], padding: [0, 1], stride: [2, 3] })).toEqual([[5, 7], [13, 15]]);
    });

    it("pools each channel on its own", () => {
      // d2l 6.5.3: X = cat((X, X + 1), 1); MaxPool2d(3, padding=1, stride=2) → [[5, 7], [13, 15]] and [[6, 8], [14, 16]]
      const X = arange(0, 4, 4);
      expect(output({ op: "maxpool2d", input: [X, add(X, 1)], kernel: 3, padding: 1, stride: 2 })).toEqual([
        [[5, 7], [13, 15]],
        [[6, 8], [14, 16]],
      ]);
    });

    it("max pooling pads with −Infinity, so a padded corner keeps its input value even when all are negative", () => {
      // PyTorch MaxPool2d docs: "padding … implicit negative infinity padding"; by hand: −arange(4) 2×2,
      // kernel 2, stride 1, padding 1 → each window's largest real value, never the padding's 0
      expect(output({ op: "maxpool2d", input: [[-1, -2], [-3, -4]], kernel: 2, stride: 1, padding: 1 })).toEqual([
        [-1, -1, -2],
        [-1, -1, -2],
        [-3, -3, -4],
      ]);
    });

    it("counts padded zeros in an average unless count_include_pad is false", () => {
      // PyTorch AvgPool2d docs: count_include_pad default True. By hand, arange(16) 4×4, kernel 3,
      // padding 1, stride 2: window (0,0) covers padded rows/cols −1..1, holding 0+1+4+5 = 10:
      // 10/9 with the padding counted, 10/4 without; window (1,1) rows/cols 1..3: 90/9 = 10 either way
      const X = arange(0, 4, 4);
      expectClose(output({ op: "avgpool2d", input: X, kernel: 3, padding: 1, stride: 2 }), [[10 / 9, 24 / 9], [51 / 9, 10]]);
      expectClose(output({ op: "avgpool2d", input: X, kernel: 3, padding: 1, stride: 2, count_include_pad: false }), [
        [10 / 4, 24 / 6],
        [51 / 6, 10],
      ]);
    });

    it("keeps a last ceil_mode window that starts inside the input, and divides by the padded window without the overhang", () => {
      // Hand-worked, checked against PyTorch's AvgPool2d docs and aten avg_pool2d: 1×5 input [1..5],
      // kernel (1, 2), stride (1, 2): floor mode → 2 windows; ceil_mode → ceil(3/2) + 1 = 3 windows,
      // the last [5, overhang] divided by 1 (end clipped to n + p = 5), so 5, not 2.5
      expect(output({ op: "avgpool2d", input: [[1, 2, 3, 4, 5]], kernel: [1, 2] })).toEqual([[1.5, 3.5]]);
      expect(output({ op: "avgpool2d", input: [[1, 2, 3, 4, 5]], kernel: [1, 2], ceil_mode: true })).toEqual([[1.5, 3.5, 5]]);
      expect(output({ op: "maxpool2d", input: [[1, 2, 3, 4, 5]], kernel: [1, 2], ceil_mode: true })).toEqual([[2, 4, 5]]);
      // Hand-worked: arange(16) 4×4, kernel 3, padding 1, stride 2, ceil_mode: out = ceil(3/2) + 1 = 3
      // ((3 − 1)·2 = 4 < n + p = 5, so the third window stays). Row windows start −1, 1, 3; the last
      // is [3, 6) clipped to n + p = 5: divisor 2 (one input row, one padding row; the row past the
      // padding is overhang and not counted). Corner (2, 2): X[3][3] = 15 over 2·2 → 3.75
      expectClose(output({ op: "avgpool2d", input: arange(0, 4, 4), kernel: 3, padding: 1, stride: 2, ceil_mode: true }), [
        [10 / 9, 24 / 9, 10 / 6],
        [51 / 9, 10, 33 / 6],
        [25 / 6, 42 / 6, 15 / 4],
      ]);
      // Hand-worked: and without counting padding, the corner divides by its one input value: 15
      expectClose(
        output({ op: "avgpool2d", input: arange(0, 4, 4), kernel: 3, padding: 1, stride: 2, ceil_mode: true, count_include_pad: false }),
        [[10 / 4, 24 / 6, 10 / 2], [51 / 6, 10, 33 / 3], [25 / 2, 42 / 3, 15]],
      );
    });

    it("drops a ceil_mode window that would start in the right padding", () => {
      // PyTorch pooling_output_shape: if (out − 1)·s ≥ n + p then out − 1. By hand: n = 4, k = 2,
      // p = 1, s = 3: ceil((4 + 2 − 2)/3) + 1 = 3, but (3 − 1)·3 = 6 ≥ 5, so 2 windows: [−1, 1), [2, 4)
      expect(output({ op: "maxpool2d", input: [[1, 2, 3, 4]], kernel: [1, 2], padding: [0, 1], stride: [1, 3], ceil_mode: true })).toEqual([[1, 4]]);
    });
  });

  describe("transposed convolution (d2l 13.10 [14.10])", () => {
    const X = [[0, 1], [2, 3]];
    const K = [[0, 1], [2, 3]];

    it("broadcasts each input value over the kernel: [[0, 0, 1], [0, 4, 6], [4, 12, 9]]", () => {
      // d2l 13.10.1: trans_conv(X, K) → [[0, 0, 1], [0, 4, 6], [4, 12, 9]]
      expect(output({ op: "conv2d_transpose", input: X, kernel: K })).toEqual([[0, 0, 1], [0, 4, 6], [4, 12, 9]]);
    });

    it("removes padding from the output and spaces the kernels out by the stride", () => {
      // d2l 13.10.2: ConvTranspose2d(1, 1, kernel_size=2, padding=1) → [[4]]
      expect(output({ op: "conv2d_transpose", input: X, kernel: K, padding: 1 })).toEqual([[4]]);
      // d2l 13.10.2: ConvTranspose2d(1, 1, kernel_size=2, stride=2) → [[0,0,0,1],[0,0,2,3],[0,2,0,3],[4,6,6,9]]
      expect(output({ op: "conv2d_transpose", input: X, kernel: K, stride: 2 })).toEqual([
        [0, 0, 0, 1],
        [0, 0, 2, 3],
        [0, 2, 0, 3],
        [4, 6, 6, 9],
      ]);
    });

    it("adds output_padding back at the bottom and right", () => {
      // PyTorch ConvTranspose2d: out = (n − 1)·s − 2p + k + output_padding. By hand: the stride-2 result
      // above, padding 1 cuts a ring → [[0, 2], [2, 0]], output_padding 1 restores row 3 and column 3
      expect(output({ op: "conv2d_transpose", input: X, kernel: K, stride: 2, padding: 1, output_padding: 1 })).toEqual([
        [0, 2, 3],
        [2, 0, 3],
        [6, 6, 9],
      ]);
      // by hand: with no padding the extra row and column are beyond the 4×4 result: zeros (plus the bias)
      expect(output({ op: "conv2d_transpose", input: [[1]], kernel: [[1, 2], [3, 4]], stride: 2, output_padding: 1, bias: 1 })).toEqual([
        [2, 3, 1],
        [4, 5, 1],
        [1, 1, 1],
      ]);
    });

    it("reads PyTorch's [C_in][C_out][kh][kw] kernel and sums over input channels", () => {
      // by hand: two input channels X and X+1, one output channel with kernels K and [[1,0],[0,0]]:
      // trans_conv(X, K) + trans_conv(X + 1, [[1,0],[0,0]]) = [[0,0,1],[0,4,6],[4,12,9]] + [[1,2,0],[3,4,0],[0,0,0]]
      expect(output({ op: "conv2d_transpose", input: [X, add(X, 1)], kernel: [[K], [[[1, 0], [0, 0]]]] })).toEqual([
        [[1, 2, 1], [3, 8, 6], [4, 12, 9]],
      ]);
      // by hand: one input channel, two output channels (K and 2K), bias [0, 1]
      expect(output({ op: "conv2d_transpose", input: [X], kernel: [[K, [[0, 2], [4, 6]]]], bias: [0, 1] })).toEqual([
        [[0, 0, 1], [0, 4, 6], [4, 12, 9]],
        [[1, 1, 3], [1, 9, 13], [9, 25, 19]],
      ]);
    });
  });

  describe("batch normalisation (d2l 7.5 [8.5])", () => {
    it("normalises each feature with the batch mean and biased variance in train mode", () => {
      // d2l 7.5, batch_norm (training): X_hat = (X − mean) / sqrt(var + eps), var = mean((X − mean)²) (biased).
      // By hand: features [1, 3] (mean 2, var 1) and [2, 6] (mean 4, var 4): X_hat = ±1/sqrt(1 + eps), ±2/sqrt(4 + eps)
      const answer = run({ op: "batchnorm", input: [[1, 2], [3, 6]], mode: "train" });
      const a = 1 / Math.sqrt(1 + 1e-5);
      const b = 2 / Math.sqrt(4 + 1e-5);
      expectClose(answer.output, [[-a, -b], [a, b]], 6);
      // PyTorch BatchNorm1d: running ← 0.9·running + 0.1·batch, with the unbiased variance (2 and 8 here)
      expectClose(answer.running_mean!, [0.2, 0.4], 6);
      expectClose(answer.running_var!, [0.9 + 0.2, 0.9 + 0.8], 6);
    });

    it("scales by gamma and shifts by beta, per channel of an [N][C][H][W] input", () => {
      // by hand: N = 1, C = 2, 1×2 maps: channel 0 [0, 2] (mean 1, var 1), channel 1 [5, 5] (var 0),
      // γ = [2, 3], β = [1, -1]: channel 0 → 2·(±1/sqrt(1 + 1e-5)) + 1, channel 1 → 3·0 − 1 = −1
      const answer = run({ op: "batchnorm", input: [[[[0, 2]], [[5, 5]]]], gamma: [2, 3], beta: [1, -1] });
      const a = 2 / Math.sqrt(1 + 1e-5);
      expectClose(answer.output, [[[[1 - a, 1 + a]], [[-1, -1]]]], 6);
      // unbiased variances: 2 and 0 → running_var 0.9 + 0.2 and 0.9
      expectClose(answer.running_var!, [1.1, 0.9], 6);
    });

    it("uses the running statistics in eval mode and reports no new ones", () => {
      // d2l 7.5, batch_norm (prediction): X_hat = (X − moving_mean) / sqrt(moving_var + eps); by hand with eps 0
      const answer = run({ op: "batchnorm", input: [[1, 2], [3, 6]], mode: "eval", running_mean: [2, 4], running_var: [1, 4], eps: 0 });
      expect(answer).toEqual({ output: [[-1, -1], [1, 1]] });
    });
  });

  describe("activations", () => {
    it("applies relu, sigmoid and tanh value by value, keeping the shape", () => {
      // d2l 4.1 [5.1]: relu(x) = max(x, 0); sigmoid(0) = 0.5; tanh(0) = 0; by hand for ±ln 3: sigmoid = 3/4, 1/4; tanh = ±0.8
      expect(output({ op: "relu", input: [[-2, 0], [3, -0.5]] })).toEqual([[0, 0], [3, 0]]);
      expectClose(output({ op: "sigmoid", input: [0, Math.log(3), -Math.log(3)] }), [0.5, 0.75, 0.25], 6);
      expectClose(output({ op: "tanh", input: [[[0, Math.log(3), -Math.log(3)]]] }), [[[0, 0.8, -0.8]]], 6);
      expect(output({ op: "relu", input: -3 })).toBe(0);
    });
  });
});

// Found by the PyTorch differential (`npm run test:torch`); the expected outputs are what
// torch 1.13's F.max_pool2d / F.avg_pool2d answered for these inputs.
describe("pooling with ceil_mode when the kernel is larger than the padded input", () => {
  it("keeps the one window that starts inside the input, as PyTorch does", () => {
    expect(run({ op: "maxpool2d", input: [[3, 5, -5, 5, 2, 0, -3]], kernel: 3, ceil_mode: true })).toEqual({ output: [[5, 5, -3]] });
    expect(run({ op: "maxpool2d", input: [[5], [1], [-1], [-1], [1], [3]], kernel: 2, stride: 2, ceil_mode: true })).toEqual({
      output: [[5], [-1], [3]],
    });
    expect(run({ op: "maxpool2d", input: [[[-3, 5]], [[1, -4]]], kernel: 2, padding: [0, 1], ceil_mode: true })).toEqual({
      output: [[[-3, 5]], [[1, -4]]],
    });
  });

  it("divides a clipped average window by its clipped size (5/6 for a 3×2 window)", () => {
    const { output } = run({ op: "avgpool2d", input: [[0, 1], [3, 1], [-4, 4], [-5, 4], [-1, -1]], kernel: 3, stride: 3, ceil_mode: true }) as {
      output: number[][];
    };
    expect(output[0]![0]).toBeCloseTo(5 / 6, 6);
    expect(output[1]![0]).toBeCloseTo(-0.75, 6);
  });

  it("still refuses it without ceil_mode, where no window remains", () => {
    expect(() => run({ op: "maxpool2d", input: [[3, 5, -5, 5, 2, 0, -3]], kernel: 3 })).toThrow(/smaller than 1/);
  });
});
