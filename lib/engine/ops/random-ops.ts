import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { GradientOpSpec, NestedArray, OpSpec } from "../run";
import { convOutputSize, poolOutputSize } from "../shapes";

/** What `pooling` draws, as the gradient ops read it back. */
interface PoolFields {
  op: "maxpool2d" | "avgpool2d";
  input: NestedArray[];
  kernel: number | [number, number];
  stride?: number | [number, number];
  padding: [number, number];
  dilation?: [number, number];
  ceil_mode: boolean;
  count_include_pad?: boolean;
}

/**
 * Valid op specs drawn from a seed: small random sizes over every op and option the engine
 * knows, for checks that compare two implementations of `run` (the browser's backend against
 * Node's on the engine-check page, the engine against PyTorch). Values are multiples of 1/8 in
 * [−4, 4], exact in float32, so both sides start from the same numbers. A pure function of
 * `(seed, count)`: the same ops on every platform (xoroshiro128+ from pure-rand).
 */
export function randomOps(seed: number, count: number): Array<OpSpec | GradientOpSpec> {
  const generator = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(generator, from, to);
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (percent: number) => int(1, 100) <= percent;
  const value = () => int(-32, 32) / 8;
  const array = (shape: readonly number[]): NestedArray =>
    shape.length === 0 ? value() : Array.from({ length: shape[0]! }, () => array(shape.slice(1)));
  const pair = (from: number, to: number): number | [number, number] => (chance(50) ? int(from, to) : [int(from, to), int(from, to)]);
  const axes = (size: number | [number, number]): [number, number] => (typeof size === "number" ? [size, size] : size);

  const correlation = (op: "corr2d" | "conv2d"): OpSpec => {
    const channels = int(1, 3);
    const kernel = axes(pair(1, 3));
    const dilation = chance(25) ? pair(1, 2) : 1;
    const padding = chance(50) ? pair(0, 2) : 0;
    const stride = chance(50) ? pair(1, 3) : 1;
    const [dh, dw] = axes(dilation);
    const [ph, pw] = axes(padding);
    // Big enough for the dilated kernel after padding.
    const height = Math.max(int(1, 7), dh * (kernel[0] - 1) + 1 - 2 * ph);
    const width = Math.max(int(1, 7), dw * (kernel[1] - 1) + 1 - 2 * pw);
    const form = int(0, 2);
    const out = int(1, 3);
    const input = form === 0 ? array([height, width]) : array([channels, height, width]);
    const weights = form === 0 ? array(kernel) : form === 1 ? array([channels, ...kernel]) : array([out, channels, ...kernel]);
    const bias = chance(40) ? (form === 2 && chance(50) ? (array([out]) as number[]) : value()) : undefined;
    return { op, input, kernel: weights, stride, padding, dilation, ...(bias === undefined ? {} : { bias }) };
  };

  const pooling = (op: "maxpool2d" | "avgpool2d"): OpSpec => {
    const kernel = axes(pair(1, 4));
    const padding: [number, number] = [int(0, Math.floor(kernel[0] / 2)), int(0, Math.floor(kernel[1] / 2))];
    const stride = chance(70) ? pair(1, 3) : undefined;
    // Dilation 2 only without padding, so that no window falls wholly in the padding (refused).
    const dilation: [number, number] | undefined = op === "maxpool2d" && chance(20) && padding[0] + padding[1] === 0 ? [int(1, 2), int(1, 2)] : undefined;
    const span = (axis: 0 | 1) => (dilation?.[axis] ?? 1) * (kernel[axis] - 1) + 1;
    const height = Math.max(int(1, 8), span(0) - 2 * padding[0]);
    const width = Math.max(int(1, 8), span(1) - 2 * padding[1]);
    const input = chance(50) ? array([height, width]) : array([int(1, 3), height, width]);
    const options = {
      ...(stride === undefined ? {} : { stride }),
      ...(dilation === undefined ? {} : { dilation }),
      ceil_mode: chance(50),
      ...(op === "avgpool2d" ? { count_include_pad: chance(50) } : {}),
    };
    return { op, input, kernel, padding, ...options };
  };

  /** A gradient op: a forward op's fields and a random `grad_output` of its output's shape. */
  const gradient = (op: "conv2d_grad" | "maxpool2d_grad" | "avgpool2d_grad"): GradientOpSpec => {
    if (op !== "conv2d_grad") {
      const forward = pooling(op === "maxpool2d_grad" ? "maxpool2d" : "avgpool2d") as PoolFields;
      const plain = !Array.isArray((forward.input[0] as NestedArray[])[0]);
      const plane = (plain ? forward.input : forward.input[0]) as NestedArray[][];
      const [height, width] = [plane.length, plane[0]!.length];
      const kernel = axes(forward.kernel);
      const stride = axes(forward.stride ?? forward.kernel);
      const dilation = axes(forward.dilation ?? 1);
      const size = (axis: 0 | 1, n: number) => poolOutputSize(n, kernel[axis], forward.padding[axis], stride[axis], forward.ceil_mode, dilation[axis]);
      const spatial = [size(0, height), size(1, width)];
      return { ...forward, op, grad_output: array(plain ? spatial : [forward.input.length, ...spatial]) };
    }
    const plain = chance(40);
    const channels = plain ? 1 : int(1, 3);
    const out = plain ? 1 : int(1, 3);
    const kernel = axes(pair(1, 3));
    const dilation = axes(chance(25) ? pair(1, 2) : 1);
    const padding = axes(chance(50) ? pair(0, 2) : 0);
    const stride = axes(chance(50) ? pair(1, 3) : 1);
    const height = Math.max(int(1, 7), dilation[0] * (kernel[0] - 1) + 1 - 2 * padding[0]);
    const width = Math.max(int(1, 7), dilation[1] * (kernel[1] - 1) + 1 - 2 * padding[1]);
    const spatial = [0, 1].map((axis) => convOutputSize(axis === 0 ? height : width, kernel[axis]!, padding[axis]!, stride[axis]!, dilation[axis]!));
    return {
      op,
      input: plain ? array([height, width]) : array([channels, height, width]),
      kernel: plain ? array(kernel) : array([out, channels, ...kernel]),
      grad_output: array(plain ? spatial : [out, ...spatial]),
      stride,
      padding,
      dilation,
    };
  };

  const transposed = (): OpSpec => {
    const kernel = axes(pair(1, 3));
    const stride = axes(pair(1, 3));
    const plain = chance(40);
    const channels = int(1, 3);
    const out = int(1, 3);
    const height = int(1, 5);
    const width = int(1, 5);
    // Padding may cut at most what leaves one row: (n − 1)·s + k − 2p ≥ 1.
    const padding: [number, number] = [
      int(0, Math.min(2, Math.floor(((height - 1) * stride[0] + kernel[0] - 1) / 2))),
      int(0, Math.min(2, Math.floor(((width - 1) * stride[1] + kernel[1] - 1) / 2))),
    ];
    const output_padding: [number, number] = [int(0, stride[0] - 1), int(0, stride[1] - 1)];
    const input = plain ? array([height, width]) : array([channels, height, width]);
    const weights = plain ? array(kernel) : array([channels, out, ...kernel]);
    const bias = chance(30) ? (plain ? value() : (array([out]) as number[])) : undefined;
    return { op: "conv2d_transpose", input, kernel: weights, stride, padding, output_padding, ...(bias === undefined ? {} : { bias }) };
  };

  const correlation1d = (): OpSpec => {
    const k = int(1, 4);
    const dilation = chance(25) ? 2 : 1;
    const padding = int(0, 2);
    const length = Math.max(int(1, 10), dilation * (k - 1) + 1 - 2 * padding);
    const channels = int(1, 3);
    const form = int(0, 2);
    const input = form === 0 ? array([length]) : array([channels, length]);
    const kernel = form === 0 ? array([k]) : form === 1 ? array([channels, k]) : array([int(1, 3), channels, k]);
    return { op: "corr1d", input, kernel, stride: int(1, 3), padding, dilation };
  };

  const batchNorm = (): OpSpec => {
    const fourD = chance(50);
    const batch = int(1, 4);
    const channels = int(1, 3);
    const shape = fourD ? [batch, channels, int(1, 3), int(1, 3)] : [Math.max(2, batch), channels];
    // Training needs more than one value per channel.
    if (fourD && shape[0]! * shape[2]! * shape[3]! < 2) shape[0] = 2;
    const positive = () => Array.from({ length: channels }, () => int(1, 32) / 8);
    const eval_ = chance(40);
    return {
      op: "batchnorm",
      input: array(shape),
      mode: eval_ ? "eval" : "train",
      gamma: array([channels]) as number[],
      beta: array([channels]) as number[],
      ...(eval_ ? { running_mean: array([channels]) as number[], running_var: positive() } : {}),
    };
  };

  const activation = (): OpSpec => {
    const rank = int(1, 3);
    return { op: pick(["relu", "sigmoid", "tanh"] as const), input: array(Array.from({ length: rank }, () => int(1, 5))) };
  };

  const makers: Array<() => OpSpec | GradientOpSpec> = [
    () => correlation("corr2d"),
    () => correlation("conv2d"),
    () => pooling("maxpool2d"),
    () => pooling("avgpool2d"),
    transposed,
    correlation1d,
    batchNorm,
    activation,
    () => gradient("conv2d_grad"),
    () => gradient("maxpool2d_grad"),
    () => gradient("avgpool2d_grad"),
  ];
  return Array.from({ length: count }, (_, index) => makers[index % makers.length]!());
}
