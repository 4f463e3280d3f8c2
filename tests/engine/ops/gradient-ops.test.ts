import { beforeAll, describe, expect, it } from "vitest";
import { analyze, type GradientAnswer, type NestedArray, type OpAnswer, run } from "@/lib/engine";
import { prepareNodeEngine } from "@/lib/engine/backend-node";
import { refusal } from "../support/refusal";

/**
 * The gradient ops (DESIGN.md, "Gradient ops"): L = Σ grad_output ⊙ output, PyTorch's autograd.
 * Expected values are worked by hand from NNDL 5.3 (∂L/∂W = X ⋆ δ, ∂L/∂X = rot180(W) ⊛̃ δ, the
 * wide convolution, at stride 1; eq. 5.36–5.39) and from the definitions of the windows; each was
 * also what torch 1.13's autograd answered (`y.backward(δ)`, float64) for the same numbers.
 */

const arange = (rows: number, columns: number, from = 0) =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => from + i * columns + j));


function expectClose(actual: NestedArray | undefined, expected: NestedArray, digits = 5) {
  if (typeof expected === "number") {
    expect(actual).toBeCloseTo(expected, digits);
    return;
  }
  expect(Array.isArray(actual) && actual.length).toBe(expected.length);
  expected.forEach((item, i) => expectClose((actual as NestedArray[])[i], item, digits));
}

describe.each(["cpu"] as const)("gradient ops on the %s backend", (backend) => {
  beforeAll(async () => {
    expect((await prepareNodeEngine(backend)).backend).toBe(backend);
  });

  describe("conv2d_grad (NNDL 5.3)", () => {
    it("gives ∂L/∂X = rot180(W) ⊛̃ δ and ∂L/∂W = X ⋆ δ at stride 1", () => {
      // By hand, X = 1..9 (3×3), W = [[1, 2], [3, 4]], δ = [[1, −1], [2, 0]]:
      // ∂L/∂X[p][q] = Σ δ[i][j]·W[p−i][q−j] (δ's wide convolution with W, i.e. with rot180(W) turned back):
      //   (0,0) 1·1 = 1; (0,1) 1·2 − 1·1 = 1; (0,2) −1·2 = −2; (1,0) 1·3 + 2·1 = 5; (1,1) 4 − 3 + 4 + 0 = 5;
      //   (1,2) −4 + 0 = −4; (2,0) 2·3 = 6; (2,1) 2·4 + 0 = 8; (2,2) 0
      // ∂L/∂W[a][b] = Σ δ[i][j]·X[i+a][j+b]: W00 = 1 − 2 + 8 = 7, W01 = 2 − 3 + 10 = 9, W10 = 4 − 5 + 14 = 13, W11 = 5 − 6 + 16 = 15
      // ∂L/∂b = Σ δ = 2
      const answer = run({ op: "conv2d_grad", input: arange(3, 3, 1), kernel: [[1, 2], [3, 4]], grad_output: [[1, -1], [2, 0]] });
      expect(answer).toEqual({ grad_input: [[1, 1, -2], [5, 5, -4], [6, 8, 0]], grad_kernel: [[7, 9], [13, 15]], grad_bias: 2 });
    });

    it("tiles δ·W over the input with a non-overlapping stride of 2", () => {
      // By hand, X[r][c] = 4r + c (4×4), W = δ = [[1, 2], [3, 4]], stride 2: each input cell is in one window,
      // ∂L/∂X[2i+a][2j+b] = δ[i][j]·W[a][b]; ∂L/∂W[a][b] = Σ δ[i][j]·(4(2i+a) + 2j + b) = 68 + 10·(4a + b)
      const answer = run({ op: "conv2d_grad", input: arange(4, 4), kernel: [[1, 2], [3, 4]], grad_output: [[1, 2], [3, 4]], stride: 2 });
      expect(answer.grad_input).toEqual([[1, 2, 2, 4], [3, 4, 6, 8], [3, 6, 4, 8], [9, 12, 12, 16]]);
      expect(answer.grad_kernel).toEqual([[68, 78], [108, 118]]);
      expect(answer.grad_bias).toBe(10);
    });

    it("leaves the padding out of ∂L/∂X and sums only in-image taps into ∂L/∂W", () => {
      // By hand, X = [[1, 2], [3, 4]], W = ones(3, 3), padding 1, δ = ones(2, 2): every 3×3 window covers the
      // whole image, so ∂L/∂X = 4 everywhere; ∂L/∂W[a][b] sums X over the windows' tap (a, b) inside the image:
      // W00 = X00 = 1, W01 = X00 + X01 = 3, W11 = ΣX = 10, W22 = X11 = 4, …
      const answer = run({ op: "conv2d_grad", input: [[1, 2], [3, 4]], kernel: arange(3, 3).map((row) => row.map(() => 1)), grad_output: [[1, 1], [1, 1]], padding: 1 });
      expect(answer).toEqual({ grad_input: [[4, 4], [4, 4]], grad_kernel: [[1, 3, 2], [4, 10, 6], [3, 7, 4]], grad_bias: 4 });
    });

    it("reads a dilated kernel's gradient at its taps only", () => {
      // By hand, X[r][c] = 4r + c (4×4), kernel [[1, 1], [1, 1]] with dilation 2: 2×2 outputs whose taps are
      // X[i][j], X[i][j+2], X[i+2][j], X[i+2][j+2]; δ = [[1, 0], [0, 0]] keeps output (0, 0) only:
      // ∂L/∂W = [[X00, X02], [X20, X22]] = [[0, 2], [8, 10]]; ∂L/∂X has 1 at those four cells
      const answer = run({ op: "conv2d_grad", input: arange(4, 4), kernel: [[1, 1], [1, 1]], grad_output: [[1, 0], [0, 0]], dilation: 2 });
      expect(answer.grad_kernel).toEqual([[0, 2], [8, 10]]);
      expect(answer.grad_input).toEqual([[1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0]]);
    });

    it("answers shapes like input [C][H][W], kernel [O][C][kh][kw] and bias [O]", () => {
      // Two input channels, three filters: ∂L/∂b[o] = Σ δ[o] (by hand: 4·1, 4·2, 4·−1); ∂L/∂W[o][c] = δ[o]-weighted sums
      // of channel c: with X[c] = c + 1 everywhere (3×3) and a 2×2 kernel, 4 outputs each sum (c + 1)·δ: (c + 1)·4·δ[o]
      const input = [arange(3, 3).map((row) => row.map(() => 1)), arange(3, 3).map((row) => row.map(() => 2))];
      const kernel = [0, 1, 2].map(() => [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]);
      const delta = [1, 2, -1].map((value) => [[value, value], [value, value]]);
      const answer = run({ op: "conv2d_grad", input, kernel, grad_output: delta });
      expect(answer.grad_bias).toEqual([4, 8, -4]);
      expect(answer.grad_kernel).toEqual([1, 2, -1].map((d) => [[[4 * d, 4 * d], [4 * d, 4 * d]], [[8 * d, 8 * d], [8 * d, 8 * d]]]));
      expect((answer.grad_input as number[][][]).map((plane) => [plane.length, plane[0]!.length])).toEqual([[3, 3], [3, 3]]);
      // An [H][W] input with an [O][1][kh][kw] kernel keeps the input's [H][W] shape.
      const single = run({ op: "conv2d_grad", input: arange(3, 3), kernel: [[[[1]]], [[[2]]]], grad_output: [arange(3, 3), arange(3, 3)] });
      expect(single.grad_input).toEqual(arange(3, 3).map((row) => row.map((value) => 3 * value)));
      expect(single.grad_bias).toEqual([36, 36]);
    });
  });

  describe("maxpool2d_grad (NNDL 5.3.2: δ goes to the window's maximum)", () => {
    it("sends each δ of a 4×4 max pool to the first maximum in row-major order on a tie, as PyTorch", () => {
      // By hand, 2×2 windows at stride 2: (0,0) holds 1, 3, 3, 0, tie between (0,1) and (1,0) → (0,1);
      // (0,1) holds 2, 2, 2, 1 → (0,2); (1,0) holds 5, 5, 1, 5 → (2,0); (1,1) is all 0 → (2,2).
      // PyTorch: cpu_max_pool keeps a value only if strictly larger (aten/src/ATen/native/cpu/MaxPoolKernel.cpp).
      const input = [[1, 3, 2, 2], [3, 0, 2, 1], [5, 5, 0, 0], [1, 5, 0, 0]];
      expect(run({ op: "maxpool2d_grad", input, kernel: 2, grad_output: [[1, 2], [3, 4]] })).toEqual({
        grad_input: [[0, 1, 2, 0], [0, 0, 0, 0], [3, 0, 4, 0], [0, 0, 0, 0]],
      });
    });

    it("adds the δ of overlapping windows that share their maximum", () => {
      // By hand: 9 is the maximum of all four 2×2 windows at stride 1, so it receives 1 + 2 + 3 + 4 = 10
      expect(run({ op: "maxpool2d_grad", input: [[1, 2, 3], [4, 9, 5], [6, 7, 8]], kernel: 2, stride: 1, grad_output: [[1, 2], [3, 4]] })).toEqual({
        grad_input: [[0, 0, 0], [0, 10, 0], [0, 0, 0]],
      });
    });

    it("never routes to padding, even when every input value is negative", () => {
      // By hand: padding 1, kernel 2, stride 1 on [[−1, −2], [−3, −4]]: 3×3 windows, each holding some of the
      // inputs and −∞ padding; the corners' windows hold one input each, so δ goes to it
      const answer = run({ op: "maxpool2d_grad", input: [[-1, -2], [-3, -4]], kernel: 2, stride: 1, padding: 1, grad_output: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] });
      // −1 wins the windows (0,0), (0,1), (1,0), (1,1); −2 wins (0,2), (1,2); −3 wins (2,0), (2,1); −4 only (2,2)
      expect(answer).toEqual({ grad_input: [[4, 2], [2, 1]] });
    });

    it("follows dilation and ceil_mode's last window", () => {
      // By hand: [[6, 1, 2, 3, 4, 5]], kernel [1, 2], dilation [1, 2], stride [1, 2], ceil_mode: windows start at 0, 2, 4 with taps
      // {0, 2}, {2, 4}, {4, 6 → past the input}: maxima 6 (index 0), 4 (index 4), 4 (index 4): δ = [1, 2, 3] → [1, 0, 0, 0, 5, 0]
      const answer = run({ op: "maxpool2d_grad", input: [[6, 1, 2, 3, 4, 5]], kernel: [1, 2], dilation: [1, 2], stride: [1, 2], ceil_mode: true, grad_output: [[1, 2, 3]] });
      expect(answer).toEqual({ grad_input: [[1, 0, 0, 0, 5, 0]] });
    });

    it("routes each channel on its own", () => {
      // By hand: channel 0's maximum is at (1, 1), channel 1's at (0, 0)
      const answer = run({ op: "maxpool2d_grad", input: [[[0, 1], [2, 3]], [[3, 2], [1, 0]]], kernel: 2, grad_output: [[[5]], [[7]]] });
      expect(answer).toEqual({ grad_input: [[[0, 0], [0, 5]], [[7, 0], [0, 0]]] });
    });
  });

  describe("avgpool2d_grad (δ spread evenly over the window)", () => {
    it("gives each cell δ/4 per 2×2 window that holds it", () => {
      // By hand, 3×3 input, 2×2 windows at stride 1, δ = ones: corners in 1 window, edges in 2, the centre in 4
      const answer = run({ op: "avgpool2d_grad", input: arange(3, 3), kernel: 2, stride: 1, grad_output: [[1, 1], [1, 1]] });
      expect(answer).toEqual({ grad_input: [[0.25, 0.5, 0.25], [0.5, 1, 0.5], [0.25, 0.5, 0.25]] });
    });

    it("divides by 9 with count_include_pad (padding counts) and by the in-image cells without", () => {
      // By hand: 2×2 input, kernel 3, padding 1, stride 1: four windows, each covering the whole image;
      // PyTorch divides by 9 (count_include_pad, the default): 4 · 1/9 each; without, by the 4 image cells: 4 · 1/4 = 1
      const op = { op: "avgpool2d_grad", input: [[1, 2], [3, 4]], kernel: 3, stride: 1, padding: 1, grad_output: [[1, 1], [1, 1]] };
      expectClose((run(op) as GradientAnswer).grad_input, [[4 / 9, 4 / 9], [4 / 9, 4 / 9]]);
      expect(run({ ...op, count_include_pad: false })).toEqual({ grad_input: [[1, 1], [1, 1]] });
    });

    it("divides ceil_mode's clipped last window by the cells it holds", () => {
      // PyTorch's avg_pool2d divisor: the window [4, 6) is clipped to the input [0, 5), so it holds 1 cell;
      // by hand, δ = [1, 2, 3] over windows [0, 2), [2, 4), [4, 5): [0.5, 0.5, 1, 1, 3]
      expect(run({ op: "avgpool2d_grad", input: [[1, 2, 3, 4, 5]], kernel: [1, 2], ceil_mode: true, grad_output: [[1, 2, 3]] })).toEqual({
        grad_input: [[0.5, 0.5, 1, 1, 3]],
      });
    });
  });
});

describe("maxpool2d takes dilation as PyTorch's MaxPool2d", () => {
  it("pools the taps X[o·s − p + a·d]", () => {
    // By hand, X[r][c] = 4r + c (4×4), kernel 2, dilation 2, stride 1: out = floor((4 − 2·1 − 1)/1) + 1 = 2,
    // taps (i, j), (i, j+2), (i+2, j), (i+2, j+2), the largest always X[i+2][j+2]
    expect(run({ op: "maxpool2d", input: arange(4, 4), kernel: 2, dilation: 2, stride: 1 })).toEqual({ output: [[10, 11], [14, 15]] });
    // By hand: [[1, 2, 3, 4]], kernel [1, 2], padding [0, 1], dilation [1, 4], stride 1: windows taps {−1, 3}, {0, 4 → padding}
    expect(run({ op: "maxpool2d", input: [[1, 2, 3, 4]], kernel: [1, 2], padding: [0, 1], dilation: [1, 4], stride: 1 })).toEqual({ output: [[4, 1]] });
  });

  it("answers the shape analyze gives a maxpool2d layer with the same fields", () => {
    // analyze's outputShape comes from poolOutputSize, checked against PyTorch in tests/engine/analyze*.test.ts
    for (const [size, kernel, stride, padding, dilation, ceil_mode] of [
      [7, 3, 2, 1, 2, false], [7, 3, 2, 1, 2, true], [9, 2, 3, 0, 3, true], [8, [2, 3], [1, 2], [1, 0], [3, 2], false], [6, 3, 1, 1, [1, 2], true],
    ] as const) {
      const input = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i * 7 + j * 3) % 11));
      const fields = { kernel, stride, padding, dilation, ceil_mode };
      const output = (run({ op: "maxpool2d", input: [input], ...fields }) as OpAnswer).output as number[][][];
      const { outputShape } = analyze({ input: [1, size, size], layers: [{ type: "maxpool2d", ...fields }] });
      expect([output.length, output[0]!.length, output[0]![0]!.length]).toEqual(outputShape);
    }
  });

  it("keeps ceil_mode's last window when it starts inside the input", () => {
    // By hand: 6 columns, kernel 2, dilation 2 (span 3), stride 2: floor((6 − 3)/2) + 1 = 2 windows, ceil 3; the third starts at 4 < 6
    const op = { op: "maxpool2d", input: [[6, 1, 2, 3, 4, 5]], kernel: [1, 2], dilation: [1, 2], stride: [1, 2] };
    expect(run(op)).toEqual({ output: [[6, 4]] });
    expect(run({ ...op, ceil_mode: true })).toEqual({ output: [[6, 4, 4]] });
  });
});

describe("gradient ops refuse what does not fit, naming the field", () => {
  const ones = (rows: number, columns: number) => arange(rows, columns).map((row) => row.map(() => 1));

  it.each([
    [{ op: "conv2d_grad", input: ones(3, 3), kernel: ones(2, 2) }, /conv2d_grad: grad_output is missing/],
    [{ op: "conv2d_grad", input: ones(3, 3), kernel: ones(2, 2), grad_output: ones(3, 3) }, /grad_output must have the shape of the convolution's output, \[2, 2\], got \[3, 3\]/],
    [{ op: "conv2d_grad", input: ones(3, 3), kernel: ones(2, 2), grad_output: [ones(2, 2)] }, /grad_output must be a 2-D array, got a 3-D array/],
    [{ op: "conv2d_grad", input: [ones(3, 3)], kernel: [ones(2, 2)], grad_output: ones(2, 2) }, /kernel must be a 2-D array or a 4-D array, got a 3-D array/],
    [{ op: "conv2d_grad", input: [ones(3, 3)], kernel: ones(2, 2), grad_output: ones(2, 2) }, /a \[kh\]\[kw\] kernel takes an \[H\]\[W\] input/],
    [{ op: "conv2d_grad", input: [ones(3, 3)], kernel: [[ones(2, 2), ones(2, 2)]], grad_output: [ones(2, 2)] }, /2 input channel\(s\), the input \[1, 3, 3\] has 1/],
    [{ op: "conv2d_grad", input: ones(3, 3), kernel: ones(2, 2), grad_output: ones(2, 2), bias: 1 }, /unknown field "bias"/],
    [{ op: "conv2d_grad", input: ones(2, 2), kernel: ones(3, 3), grad_output: [[1]] }, /kernel \(3×3\) is larger than the padded input \(2×2\)/],
    [{ op: "maxpool2d_grad", input: ones(4, 4), kernel: 2, grad_output: ones(3, 3) }, /maxpool2d_grad: grad_output must have the shape of the maxpool2d's output, \[2, 2\], got \[3, 3\]/],
    [{ op: "maxpool2d_grad", input: ones(4, 4), kernel: 2 }, /maxpool2d_grad: grad_output is missing/],
    [{ op: "maxpool2d_grad", input: ones(4, 4), kernel: 2, grad_output: ones(2, 2), count_include_pad: true }, /unknown field "count_include_pad"/],
    [{ op: "avgpool2d_grad", input: ones(4, 4), kernel: 2, grad_output: ones(2, 2), dilation: 2 }, /unknown field "dilation"/],
    [{ op: "avgpool2d_grad", input: [ones(4, 4)], kernel: 2, grad_output: ones(2, 2) }, /grad_output must be a 3-D array/],
    [{ op: "avgpool2d_grad", input: ones(4, 4), kernel: 2, padding: 2, grad_output: ones(2, 2) }, /padding 2 is more than half the kernel 2/],
    [{ op: "maxpool2d_grad", input: ones(4, 4), kernel: 2, grad_output: [[1, "2"], [3, 4]] }, /grad_output\[0\]\[1\] must be a finite number/],
  ])("refuses %j", (op, message) => {
    const error = refusal(op);
    expect(error.code).toBe("invalid-op");
    expect(error.message).toMatch(message);
  });

  it("refuses a dilated max-pool window that holds only padding, where PyTorch answers −infinity", () => {
    // torch 1.13: F.max_pool2d(x of [[1, 2, 3, 4]], (1, 2), padding=(0, 1), dilation=5) → [[-inf]] (taps −1 and 4)
    for (const op of ["maxpool2d", "maxpool2d_grad"]) {
      const grad = op === "maxpool2d_grad" ? { grad_output: [[1]] } : {};
      expect(refusal({ op, input: [[1, 2, 3, 4]], kernel: [1, 2], padding: [0, 1], dilation: 5, ...grad }).message).toMatch(
        /with dilation 5, window 0 along the width covers only padding/,
      );
    }
  });

  it("refuses a dilated max pool whose span is past the padded input", () => {
    expect(refusal({ op: "maxpool2d", input: ones(3, 3), kernel: 2, dilation: 3 }).message).toMatch(/kernel \(4×4, dilated\) is larger than the padded input \(3×3\)/);
  });
});
