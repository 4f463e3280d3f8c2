import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { NestedArray, OpSpec } from "../run";

/**
 * Valid op specs drawn from a seed: small random sizes over every op and option the engine
 * knows, for checks that compare two implementations of `run` (the browser's backend against
 * Node's on the engine-check page, the engine against PyTorch). Values are multiples of 1/8 in
 * [−4, 4], exact in float32, so both sides start from the same numbers. A pure function of
 * `(seed, count)`: the same ops on every platform (xoroshiro128+ from pure-rand).
 */
export function randomOps(seed: number, count: number): OpSpec[] {
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
    const height = Math.max(int(1, 8), kernel[0] - 2 * padding[0]);
    const width = Math.max(int(1, 8), kernel[1] - 2 * padding[1]);
    const input = chance(50) ? array([height, width]) : array([int(1, 3), height, width]);
    const options = {
      ...(stride === undefined ? {} : { stride }),
      ceil_mode: chance(50),
      ...(op === "avgpool2d" ? { count_include_pad: chance(50) } : {}),
    };
    return { op, input, kernel, padding, ...options };
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

  const makers: Array<() => OpSpec> = [
    () => correlation("corr2d"),
    () => correlation("conv2d"),
    () => pooling("maxpool2d"),
    () => pooling("avgpool2d"),
    transposed,
    correlation1d,
    batchNorm,
    activation,
  ];
  return Array.from({ length: count }, (_, index) => makers[index % makers.length]!());
}
