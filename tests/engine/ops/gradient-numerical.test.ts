import { describe, expect, it } from "vitest";
import { type GradientAnswer, type NestedArray, type OpAnswer, run } from "@/lib/engine";

/**
 * The gradient ops against numerical gradients: for L = Σ δ ⊙ forward(x), each component of
 * ∂L/∂x is compared with the central difference (L(x + h·e_i) − L(x − h·e_i)) / 2h, L computed
 * in float64 from the forward ops' own answers (`corr2d`, `maxpool2d`, `avgpool2d`, checked
 * against PyTorch elsewhere). Convolution and average pooling are linear in each argument, so the
 * difference is exact up to float32 rounding; max pooling is piecewise linear, so its inputs are
 * distinct integers and h = 1/4 stays inside one piece (no window changes its maximum).
 */

/** mulberry32: a small seeded generator, so a failure replays. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  return { int, chance: (p: number) => next() < p, value: () => int(-24, 24) / 8 };
}

const flatten = (array: NestedArray): number[] => (typeof array === "number" ? [array] : array.flatMap(flatten));

function shapeOf(array: NestedArray): number[] {
  return typeof array === "number" ? [] : [array.length, ...shapeOf(array[0]!)];
}

function build(shape: readonly number[], fill: () => number): NestedArray {
  return shape.length === 0 ? fill() : Array.from({ length: shape[0]! }, () => build(shape.slice(1), fill));
}

/** A copy of `array` with its `index`-th value (row-major) moved by `h`. */
function nudge(array: NestedArray, index: number, h: number): NestedArray {
  let at = 0;
  const walk = (item: NestedArray): NestedArray => (typeof item === "number" ? (at++ === index ? item + h : item) : item.map(walk));
  return walk(array);
}

function loss(forward: Record<string, unknown>, delta: number[]): number {
  return flatten((run(forward) as OpAnswer).output).reduce((sum, value, i) => sum + value * delta[i]!, 0);
}

/** The central difference of L along every value of `forward[field]` (a number field: one value). */
function numericalGradient(forward: Record<string, unknown>, field: string, delta: number[], h: number): number[] {
  const value = forward[field] as NestedArray;
  return flatten(value).map((_, i) => (loss({ ...forward, [field]: nudge(value, i, h) }, delta) - loss({ ...forward, [field]: nudge(value, i, -h) }, delta)) / (2 * h));
}

function expectNear(actual: number[], expected: number[], context: unknown) {
  expect(actual.length, JSON.stringify(context)).toBe(expected.length);
  actual.forEach((value, i) => {
    expect(Math.abs(value - expected[i]!), `${i}: ${value} vs ${expected[i]} in ${JSON.stringify(context)}`).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(expected[i]!)));
  });
}

describe("gradient ops agree with finite differences of the forward ops", () => {
  it("conv2d_grad: ∂L/∂input, ∂L/∂kernel and ∂L/∂bias on 60 random convolutions (stride, padding, dilation, channels)", () => {
    const draw = generator(13);
    for (let trial = 0; trial < 60; trial++) {
      const plain = draw.chance(0.4);
      const [channels, out] = plain ? [1, 1] : [draw.int(1, 2), draw.int(1, 3)];
      const kernelSize = [draw.int(1, 3), draw.int(1, 3)];
      const stride = [draw.int(1, 3), draw.int(1, 2)];
      const padding = [draw.int(0, 2), draw.int(0, 1)];
      const dilation = [draw.int(1, 2), draw.int(1, 2)];
      const height = Math.max(draw.int(2, 6), dilation[0]! * (kernelSize[0]! - 1) + 1);
      const width = Math.max(draw.int(2, 6), dilation[1]! * (kernelSize[1]! - 1) + 1);
      const input = build(plain ? [height, width] : [channels, height, width], draw.value);
      const kernel = build(plain ? kernelSize : [out, channels, ...kernelSize], draw.value);
      const forward = { op: "corr2d", input, kernel, stride, padding, dilation, bias: plain ? 0 : Array.from({ length: out }, () => 0) };
      const outputShape = shapeOf((run(forward) as OpAnswer).output);
      const grad_output = build(outputShape, draw.value);
      const delta = flatten(grad_output);
      const answer = run({ op: "conv2d_grad", input, kernel, grad_output, stride, padding, dilation }) as GradientAnswer;
      const context = { input, kernel, grad_output, stride, padding, dilation };
      expect(shapeOf(answer.grad_input)).toEqual(shapeOf(input));
      expect(shapeOf(answer.grad_kernel!)).toEqual(shapeOf(kernel));
      expectNear(flatten(answer.grad_input), numericalGradient(forward, "input", delta, 1), context);
      expectNear(flatten(answer.grad_kernel!), numericalGradient(forward, "kernel", delta, 1), context);
      expectNear(flatten(answer.grad_bias!), numericalGradient(forward, "bias", delta, 1), context);
    }
  });

  it("maxpool2d_grad on 60 random max poolings of distinct values (stride, padding, dilation, ceil_mode)", () => {
    const draw = generator(29);
    for (let trial = 0; trial < 60; trial++) {
      const kernel = [draw.int(1, 3), draw.int(1, 3)];
      const dilation = draw.chance(0.4) ? [draw.int(1, 2), draw.int(1, 2)] : [1, 1];
      const padding = dilation[0] === 1 && dilation[1] === 1 ? [draw.int(0, Math.floor(kernel[0]! / 2)), draw.int(0, Math.floor(kernel[1]! / 2))] : [0, 0];
      const stride = [draw.int(1, 3), draw.int(1, 3)];
      const height = Math.max(draw.int(1, 6), dilation[0]! * (kernel[0]! - 1) + 1);
      const width = Math.max(draw.int(1, 6), dilation[1]! * (kernel[1]! - 1) + 1);
      const channels = draw.int(1, 2);
      // Distinct values: a shuffled 0 … n − 1, so every window has one maximum and h = 1/4 keeps it.
      const values = Array.from({ length: channels * height * width }, (_, i) => i);
      for (let i = values.length - 1; i > 0; i--) {
        const j = draw.int(0, i);
        [values[i], values[j]] = [values[j]!, values[i]!];
      }
      let next = 0;
      const input = build([channels, height, width], () => values[next++]! - values.length / 2);
      const forward = { op: "maxpool2d", input, kernel, stride, padding, dilation, ceil_mode: draw.chance(0.5) };
      const grad_output = build(shapeOf((run(forward) as OpAnswer).output), draw.value);
      const answer = run({ ...forward, op: "maxpool2d_grad", grad_output }) as GradientAnswer;
      expectNear(flatten(answer.grad_input), numericalGradient(forward, "input", flatten(grad_output), 0.25), forward);
    }
  });

  it("avgpool2d_grad on 60 random average poolings (padding, ceil_mode, count_include_pad)", () => {
    const draw = generator(41);
    for (let trial = 0; trial < 60; trial++) {
      const kernel = [draw.int(1, 4), draw.int(1, 4)];
      const padding = [draw.int(0, Math.floor(kernel[0]! / 2)), draw.int(0, Math.floor(kernel[1]! / 2))];
      const stride = [draw.int(1, 3), draw.int(1, 3)];
      const height = Math.max(draw.int(1, 6), kernel[0]! - 2 * padding[0]!);
      const width = Math.max(draw.int(1, 6), kernel[1]! - 2 * padding[1]!);
      const input = build(draw.chance(0.5) ? [height, width] : [draw.int(1, 2), height, width], draw.value);
      const forward = { op: "avgpool2d", input, kernel, stride, padding, ceil_mode: draw.chance(0.6), count_include_pad: draw.chance(0.5) };
      const grad_output = build(shapeOf((run(forward) as OpAnswer).output), draw.value);
      const answer = run({ ...forward, op: "avgpool2d_grad", grad_output }) as GradientAnswer;
      expect(shapeOf(answer.grad_input)).toEqual(shapeOf(input));
      expectNear(flatten(answer.grad_input), numericalGradient(forward, "input", flatten(grad_output), 1), forward);
    }
  });
});
