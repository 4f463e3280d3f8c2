import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import { refusal } from "./support/refusal";

const grid = (rows: number, columns: number, value = 1) => Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));

describe("run refuses invalid op specs with an EngineError naming the op and the field", () => {
  it.each([
    [null, /expected an object/],
    [[1, 2], /expected an object/],
    [{ input: [[1]] }, /"op" field is missing/],
  ])("refuses %j as an op", (op, message) => {
    expect(refusal(op).message).toMatch(message);
  });

  it("names the ops it knows when the op is unknown", () => {
    const error = refusal({ op: "conv3d", input: [[1]] });
    expect(error.code).toBe("unknown-op");
    expect(error.message).toContain("corr2d");
  });

  it.each([
    [{ op: "corr2d", input: [[1, 2], [3]], kernel: [[1]] }, /corr2d: input\[1\] must have 2 entries .*ragged/],
    [{ op: "corr2d", input: [[1, 2], [3, 4]], kernel: [[1, [2]]] }, /kernel\[0\]\[1\] must be a finite number/],
    [{ op: "corr2d", input: [[1, "2"]], kernel: [[1]] }, /input\[0\]\[1\] must be a finite number, got "2"/],
    [{ op: "corr2d", input: [[1, null]], kernel: [[1]] }, /input\[0\]\[1\] must be a finite number, got null/],
    [{ op: "corr2d", input: [[1, 1e39]], kernel: [[1]] }, /outside the float32 range/],
    [{ op: "corr2d", input: [], kernel: [[1]] }, /input is empty/],
    [{ op: "corr2d", input: [[]], kernel: [[1]] }, /input\[0\] is empty/],
    [{ op: "corr2d", kernel: [[1]] }, /input is missing/],
    [{ op: "corr2d", input: [1, 2, 3], kernel: [[1]] }, /input must be a 2-D array or a 3-D array, got a 1-D array \[3\]/],
    [{ op: "maxpool2d", input: 4, kernel: 1 }, /input must be a 2-D array or a 3-D array, got a number/],
  ])("refuses a malformed array: %j", (op, message) => {
    const error = refusal(op);
    expect(error.code).toBe("invalid-op");
    expect(error.message).toMatch(message);
  });

  it("refuses a kernel larger than the padded input, counting dilation", () => {
    expect(refusal({ op: "corr2d", input: grid(2, 2), kernel: grid(3, 3) }).message).toMatch(
      /kernel \(3×3\) is larger than the padded input \(2×2\)/,
    );
    expect(refusal({ op: "corr2d", input: grid(4, 4), kernel: grid(2, 2), dilation: 4 }).message).toMatch(/kernel \(5×5, dilated\)/);
    expect(() => run({ op: "corr2d", input: grid(2, 2), kernel: grid(3, 3), padding: 1 })).not.toThrow();
  });

  it("refuses kernels whose channels do not match the input's", () => {
    const input = [grid(3, 3), grid(3, 3)];
    expect(refusal({ op: "corr2d", input, kernel: [grid(2, 2)] }).message).toMatch(/1 input channel\(s\), the input \[2, 3, 3\] has 2/);
    expect(refusal({ op: "corr2d", input, kernel: grid(2, 2) }).message).toMatch(/a \[kh\]\[kw\] kernel takes a \[H\]\[W\] input/);
    expect(refusal({ op: "corr2d", input: grid(3, 3), kernel: [grid(2, 2)] }).message).toMatch(/\[C\]\[kh\]\[kw\] kernel takes a \[C\]\[H\]\[W\] input/);
    expect(refusal({ op: "corr1d", input: [[1, 2, 3]], kernel: [[[1], [1]], [[1], [1]]] }).message).toMatch(/2 input channel/);
    expect(refusal({ op: "conv2d_transpose", input: input, kernel: [[grid(2, 2)]] }).message).toMatch(/1 input channel\(s\) \(its first axis\)/);
    expect(refusal({ op: "conv2d_transpose", input: grid(2, 2), kernel: [[grid(2, 2)]] }).message).toMatch(/an \[H\]\[W\] input takes a \[kh\]\[kw\] kernel/);
  });

  it("refuses a bias of the wrong length, and a flag where a value belongs", () => {
    const input = [grid(3, 3)];
    const kernel = [[grid(2, 2)], [grid(2, 2)]];
    expect(refusal({ op: "corr2d", input, kernel, bias: [1, 2, 3] }).message).toMatch(/bias must be a finite number or an array of 2/);
    expect(refusal({ op: "corr2d", input, kernel, bias: true }).message).toMatch(/bias must be/);
  });

  it("refuses unknown fields, so a misspelt option is not silently ignored", () => {
    expect(refusal({ op: "corr2d", input: grid(3, 3), kernel: grid(2, 2), strides: 2 }).message).toMatch(/unknown field "strides"/);
    expect(refusal({ op: "maxpool2d", input: grid(3, 3), kernel: 2, count_include_pad: false }).message).toMatch(/unknown field "count_include_pad"/);
  });

  it.each([
    [{ stride: 0 }, /stride must be an integer from 1 to 4096/],
    [{ stride: 1.5 }, /stride must be an integer/],
    [{ padding: -1 }, /padding must be an integer from 0/],
    [{ padding: [1, 2, 3] }, /padding must be an integer .* or \[h, w\]/],
    [{ dilation: [1, 0] }, /dilation must be/],
    [{ padding: 5000 }, /padding must be an integer from 0 to 4096/],
  ])("refuses a bad size option %j", (options, message) => {
    expect(refusal({ op: "corr2d", input: grid(3, 3), kernel: grid(2, 2), ...options }).message).toMatch(message);
  });

  it("refuses pooling padding over half the kernel, and a kernel past the padded input, as PyTorch does", () => {
    // PyTorch: "pad should be at most half of kernel size"
    expect(refusal({ op: "maxpool2d", input: grid(4, 4), kernel: 2, padding: 2 }).message).toMatch(/more than half the kernel/);
    expect(refusal({ op: "avgpool2d", input: grid(2, 2), kernel: 3 }).message).toMatch(/larger than the padded input/);
    expect(refusal({ op: "avgpool2d", input: grid(2, 2) }).message).toMatch(/kernel is missing/);
    expect(refusal({ op: "maxpool2d", input: grid(2, 2), kernel: 2, ceil_mode: "yes" }).message).toMatch(/ceil_mode must be true or false/);
  });

  it("refuses a transposed convolution whose output_padding reaches the stride or whose padding leaves nothing", () => {
    // PyTorch: "output padding must be smaller than either stride or dilation"
    expect(refusal({ op: "conv2d_transpose", input: grid(2, 2), kernel: grid(2, 2), output_padding: 1 }).message).toMatch(
      /output_padding 1 must be smaller than the stride 1/,
    );
    expect(refusal({ op: "conv2d_transpose", input: [[1]], kernel: [[1]], padding: 1 }).message).toMatch(/output would be -1×-1/);
  });

  it("refuses batch norm inputs and statistics that do not fit", () => {
    expect(refusal({ op: "batchnorm", input: [[1, 2]] }).message).toMatch(/more than one value per channel/);
    expect(refusal({ op: "batchnorm", input: [[1, 2], [3, 4]], mode: "test" }).message).toMatch(/mode must be "train" or "eval"/);
    expect(refusal({ op: "batchnorm", input: [[1, 2], [3, 4]], gamma: [1] }).message).toMatch(/gamma must have 2 values/);
    expect(refusal({ op: "batchnorm", input: [[1, 2], [3, 4]], running_var: [1, -1], mode: "eval" }).message).toMatch(/running_var must not be negative/);
    expect(refusal({ op: "batchnorm", input: [[1, 2], [3, 4]], eps: -1 }).message).toMatch(/eps must be a number ≥ 0/);
    expect(refusal({ op: "batchnorm", input: [[[1, 2]]] }).message).toMatch(/2-D array or a 4-D array/);
  });

  it("caps sizes: 4096 along an axis, 16M values", () => {
    const wide = [Array.from({ length: 4097 }, () => 0)];
    const error = refusal({ op: "relu", input: wide });
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/\[1, 4097\] is too large: at most 4096 along an axis/);
    // a transposed convolution whose answer would pass the cap is refused before computing
    expect(refusal({ op: "conv2d_transpose", input: [Array.from({ length: 3000 }, () => 1)], kernel: [[1]], stride: 2 }).message).toMatch(
      /output \[1, 1, 5999\] is too large/,
    );
  });

  it("refuses a result that overflows float32 instead of answering null", () => {
    expect(refusal({ op: "corr2d", input: [[3e38, 3e38]], kernel: [[1, 1]] }).message).toMatch(/overflows float32/);
  });
});
