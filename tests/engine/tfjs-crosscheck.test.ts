import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { analyze, EngineError } from "@/lib/engine";
import { tf } from "@/lib/engine/tf";

/**
 * The engine against TensorFlow.js's own layers: for each layer type tfjs has, ≥ 300 seeded random
 * configurations, the same layer built in tfjs (NHWC, batch `null`), its `computeOutputShape` and
 * `countParams` compared with `analyze`.
 *
 * Where tfjs and PyTorch differ, PyTorch wins (DESIGN.md, "Reference semantics") and the expected
 * value is PyTorch's documented formula, written out below rather than taken from the engine:
 * - explicit padding: Keras layers only know "valid" / "same"; PyTorch pads p on each side, which
 *   is tfjs's `zeroPadding2d` before a "valid" layer (PyTorch docs, Conv2d "Shape");
 * - `ceil_mode` and pooling padding: tfjs has neither (PyTorch docs, MaxPool2d "Shape", and
 *   `pooling_output_shape` in aten/src/ATen/native/Pool.h for the last-window rule);
 * - `output_padding` and the padding of a transposed convolution (PyTorch docs, ConvTranspose2d
 *   "Shape"); tfjs's "valid" transposed conv also rounds up to `in·s` when the kernel is smaller
 *   than the stride;
 * - batch norm: Keras counts the moving mean and variance in `countParams` (as non-trainable
 *   weights); PyTorch's parameters are γ and β only, the running stats are buffers (PyTorch docs,
 *   BatchNorm2d), so params = trainable weights and buffers = non-trainable weights;
 * - global pooling: Keras drops the spatial axes ([N, C]); PyTorch's AdaptiveAvgPool2d(1) keeps
 *   them as 1x1 ([C, 1, 1]), so only the channels are compared;
 * - grouped convolution: Keras's Conv2D has no `groups`; groups = channels is its
 *   DepthwiseConv2D, other groups are checked against PyTorch's formula (Conv2d docs, "groups").
 */

const CONFIGS = 300;

/** A seeded generator per family, so each family's configurations never change. */
function randomInts(seed: number) {
  const generator = xoroshiro128plus(seed);
  return {
    int: (from: number, to: number) => uniformInt(generator, from, to),
    pick: <T,>(items: readonly T[]): T => items[uniformInt(generator, 0, items.length - 1)] as T,
    bool: () => uniformInt(generator, 0, 1) === 1,
  };
}

// PyTorch docs, Conv2d / Conv1d "Shape": ⌊(in + 2p − d(k − 1) − 1)/s⌋ + 1
const torchConv = (size: number, k: number, p: number, s: number, d: number) => Math.floor((size + 2 * p - d * (k - 1) - 1) / s) + 1;
// PyTorch docs, ConvTranspose2d "Shape": (in − 1)s − 2p + d(k − 1) + output_padding + 1
const torchTransposed = (size: number, k: number, p: number, s: number, d: number, op: number) =>
  (size - 1) * s - 2 * p + d * (k - 1) + op + 1;
// PyTorch docs, MaxPool2d "Shape", with the ceil_mode rule of Pool.h's pooling_output_shape
function torchPool(size: number, k: number, p: number, s: number, ceil: boolean): number {
  const span = size + 2 * p - (k - 1) - 1;
  let out = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  if (ceil && (out - 1) * s >= size + p) out -= 1;
  return out;
}

/** Runs `check` on `CONFIGS` configurations drawn by `draw` that PyTorch accepts. */
function forConfigs<C>(seed: number, draw: (rng: ReturnType<typeof randomInts>) => C, valid: (config: C) => boolean, check: (config: C) => void) {
  const rng = randomInts(seed);
  let checked = 0;
  let drawn = 0;
  while (checked < CONFIGS) {
    drawn += 1;
    if (drawn > 20 * CONFIGS) throw new Error("too few valid configurations drawn");
    const config = draw(rng);
    if (!valid(config)) continue;
    check(config);
    checked += 1;
  }
  return checked;
}

/** Frees a built layer's weights (a layer never applied cannot `dispose` itself). */
function release(layer: { weights: { dispose(): void }[] }): void {
  for (const weight of layer.weights) weight.dispose();
}

const nhwc = (shape: readonly (number | null)[] | readonly (number | null)[][]) => shape as (number | null)[];

describe("analyze agrees with tfjs layers (PyTorch where they differ)", () => {
  it("conv2d: ≥ 300 configurations with padding, stride, dilation, bias", () => {
    const checked = forConfigs(
      1,
      (rng) => ({
        channels: rng.int(1, 6), filters: rng.int(1, 6), h: rng.int(1, 30), w: rng.int(1, 30),
        kh: rng.int(1, 6), kw: rng.int(1, 6), sh: rng.int(1, 4), sw: rng.int(1, 4),
        dh: rng.int(1, 3), dw: rng.int(1, 3), ph: rng.int(0, 3), pw: rng.int(0, 3), bias: rng.bool(),
      }),
      (c) => torchConv(c.h, c.kh, c.ph, c.sh, c.dh) >= 1 && torchConv(c.w, c.kw, c.pw, c.sw, c.dw) >= 1,
      (c) => {
        const answer = analyze({
          input: [c.channels, c.h, c.w],
          layers: [{ type: "conv2d", filters: c.filters, kernel: [c.kh, c.kw], stride: [c.sh, c.sw], dilation: [c.dh, c.dw], padding: [c.ph, c.pw], bias: c.bias }],
        });
        const padding = tf.layers.zeroPadding2d({ padding: [[c.ph, c.ph], [c.pw, c.pw]] });
        const conv = tf.layers.conv2d({
          filters: c.filters, kernelSize: [c.kh, c.kw], strides: [c.sh, c.sw], dilationRate: [c.dh, c.dw], padding: "valid", useBias: c.bias,
        });
        const padded = nhwc(padding.computeOutputShape([null, c.h, c.w, c.channels]));
        const [, height, width, channels] = nhwc(conv.computeOutputShape(padded));
        conv.build(padded);
        expect(answer.outputShape).toEqual([channels, height, width]);
        expect(answer.totalParams).toBe(conv.countParams());
        release(conv);
      },
    );
    expect(checked).toBe(CONFIGS);
  });

  it('conv2d with padding "same" (stride 1): tfjs "same" keeps the size as PyTorch does', () => {
    forConfigs(
      2,
      (rng) => ({ channels: rng.int(1, 4), filters: rng.int(1, 4), h: rng.int(1, 30), w: rng.int(1, 30), k: rng.int(1, 7), d: rng.int(1, 3) }),
      () => true,
      (c) => {
        const answer = analyze({ input: [c.channels, c.h, c.w], layers: [{ type: "conv2d", filters: c.filters, kernel: c.k, dilation: c.d, padding: "same" }] });
        const conv = tf.layers.conv2d({ filters: c.filters, kernelSize: c.k, dilationRate: c.d, padding: "same" });
        const [, height, width, channels] = nhwc(conv.computeOutputShape([null, c.h, c.w, c.channels]));
        expect(answer.outputShape).toEqual([channels, height, width]);
      },
    );
  });

  it("grouped conv2d: depthwise (groups = channels) against tfjs's DepthwiseConv2D, other groups against PyTorch", () => {
    forConfigs(
      3,
      (rng) => ({
        groups: rng.int(1, 4), perGroupIn: rng.int(1, 3), perGroupOut: rng.int(1, 3), size: rng.int(3, 24),
        k: rng.int(1, 5), s: rng.int(1, 3), p: rng.int(0, 2), bias: rng.bool(),
      }),
      (c) => torchConv(c.size, c.k, c.p, c.s, 1) >= 1,
      (c) => {
        const channels = c.groups * c.perGroupIn;
        const filters = c.groups * c.perGroupOut;
        const answer = analyze({
          input: [channels, c.size, c.size],
          layers: [{ type: "conv2d", filters, kernel: c.k, stride: c.s, padding: c.p, groups: c.groups, bias: c.bias }],
        });
        const out = torchConv(c.size, c.k, c.p, c.s, 1);
        // PyTorch docs, Conv2d: weight [C_out, C_in/groups, k, k], bias [C_out]
        expect(answer.totalParams).toBe(filters * c.perGroupIn * c.k * c.k + (c.bias ? filters : 0));
        expect(answer.totalMacs).toBe(filters * out * out * c.perGroupIn * c.k * c.k);
        if (c.perGroupIn === 1) {
          const padding = tf.layers.zeroPadding2d({ padding: c.p });
          const depthwise = tf.layers.depthwiseConv2d({ kernelSize: c.k, strides: c.s, depthMultiplier: c.perGroupOut, useBias: c.bias });
          const padded = nhwc(padding.computeOutputShape([null, c.size, c.size, channels]));
          const [, height, width, depth] = nhwc(depthwise.computeOutputShape(padded));
          depthwise.build(padded);
          expect(answer.outputShape).toEqual([depth, height, width]);
          expect(answer.totalParams).toBe(depthwise.countParams());
          release(depthwise);
        } else {
          expect(answer.outputShape).toEqual([filters, out, out]);
        }
      },
    );
  });

  it("conv1d: ≥ 300 configurations, PyTorch's padding fed to tfjs as a padded length", () => {
    forConfigs(
      4,
      (rng) => ({ channels: rng.int(1, 6), filters: rng.int(1, 6), length: rng.int(1, 60), k: rng.int(1, 7), s: rng.int(1, 4), d: rng.int(1, 3), p: rng.int(0, 3), bias: rng.bool() }),
      (c) => torchConv(c.length, c.k, c.p, c.s, c.d) >= 1,
      (c) => {
        const answer = analyze({
          input: [c.channels, c.length],
          layers: [{ type: "conv1d", filters: c.filters, kernel: c.k, stride: c.s, dilation: c.d, padding: c.p, bias: c.bias }],
        });
        const conv = tf.layers.conv1d({ filters: c.filters, kernelSize: c.k, strides: c.s, dilationRate: c.d, padding: "valid", useBias: c.bias });
        const input = [null, c.length + 2 * c.p, c.channels];
        const [, length, channels] = nhwc(conv.computeOutputShape(input));
        conv.build(input);
        expect(answer.outputShape).toEqual([channels, length]);
        expect(answer.totalParams).toBe(conv.countParams());
        release(conv);
      },
    );
  });

  it("conv2d_transpose: tfjs where it agrees (no padding or output padding, kernel ≥ stride), PyTorch's formula otherwise", () => {
    forConfigs(
      5,
      (rng) => {
        const s = rng.int(1, 4);
        return {
          channels: rng.int(1, 5), filters: rng.int(1, 5), h: rng.int(1, 12), w: rng.int(1, 12), k: rng.int(1, 5), s,
          p: rng.bool() ? 0 : rng.int(0, 2), op: rng.bool() ? 0 : rng.int(0, s - 1), bias: rng.bool(),
        };
      },
      (c) => torchTransposed(Math.min(c.h, c.w), c.k, c.p, c.s, 1, c.op) >= 1,
      (c) => {
        const answer = analyze({
          input: [c.channels, c.h, c.w],
          layers: [{ type: "conv2d_transpose", filters: c.filters, kernel: c.k, stride: c.s, padding: c.p, output_padding: c.op, bias: c.bias }],
        });
        const deconv = tf.layers.conv2dTranspose({ filters: c.filters, kernelSize: c.k, strides: c.s, padding: "valid", useBias: c.bias });
        const input = [null, c.h, c.w, c.channels];
        const [, height, width, channels] = nhwc(deconv.computeOutputShape(input));
        deconv.build(input);
        // tfjs's kernel is [k, k, C_out, C_in] + bias C_out: PyTorch's C_in·C_out·k·k + C_out
        expect(answer.totalParams).toBe(deconv.countParams());
        if (c.p === 0 && c.op === 0 && c.k >= c.s) {
          expect(answer.outputShape).toEqual([channels, height, width]);
        } else {
          expect(answer.outputShape).toEqual([c.filters, torchTransposed(c.h, c.k, c.p, c.s, 1, c.op), torchTransposed(c.w, c.k, c.p, c.s, 1, c.op)]);
        }
        release(deconv);
      },
    );
  });

  it.each([
    ["maxpool2d", 6],
    ["avgpool2d", 7],
  ] as const)("%s: tfjs without padding or ceil_mode, PyTorch's rule with them", (type, seed) => {
    forConfigs(
      seed,
      (rng) => ({
        channels: rng.int(1, 5), h: rng.int(1, 30), w: rng.int(1, 30), kh: rng.int(1, 5), kw: rng.int(1, 5),
        sh: rng.int(1, 4), sw: rng.int(1, 4), padded: rng.bool(), ceil: rng.bool(),
      }),
      (c) => c.kh <= c.h && c.kw <= c.w,
      (c) => {
        const ph = c.padded ? Math.floor(c.kh / 2) : 0;
        const pw = c.padded ? Math.floor(c.kw / 2) : 0;
        const answer = analyze({
          input: [c.channels, c.h, c.w],
          layers: [{ type, kernel: [c.kh, c.kw], stride: [c.sh, c.sw], padding: [ph, pw], ceil_mode: c.ceil }],
        });
        expect(answer.totalParams).toBe(0);
        if (!c.padded && !c.ceil) {
          const make = type === "maxpool2d" ? tf.layers.maxPooling2d : tf.layers.averagePooling2d;
          const pool = make({ poolSize: [c.kh, c.kw], strides: [c.sh, c.sw], padding: "valid" });
          const [, height, width, channels] = nhwc(pool.computeOutputShape([null, c.h, c.w, c.channels]));
          pool.build([null, c.h, c.w, c.channels]);
          expect(answer.outputShape).toEqual([channels, height, width]);
          expect(pool.countParams()).toBe(0);
        } else {
          expect(answer.outputShape).toEqual([c.channels, torchPool(c.h, c.kh, ph, c.sh, c.ceil), torchPool(c.w, c.kw, pw, c.sw, c.ceil)]);
        }
      },
    );
  });

  it.each([
    ["maxpool1d", 8],
    ["avgpool1d", 9],
  ] as const)("%s: tfjs without padding or ceil_mode, PyTorch's rule with them", (type, seed) => {
    forConfigs(
      seed,
      (rng) => ({ channels: rng.int(1, 5), length: rng.int(1, 60), k: rng.int(1, 6), s: rng.int(1, 4), padded: rng.bool(), ceil: rng.bool() }),
      (c) => c.k <= c.length,
      (c) => {
        const p = c.padded ? Math.floor(c.k / 2) : 0;
        const answer = analyze({ input: [c.channels, c.length], layers: [{ type, kernel: c.k, stride: c.s, padding: p, ceil_mode: c.ceil }] });
        if (!c.padded && !c.ceil) {
          const make = type === "maxpool1d" ? tf.layers.maxPooling1d : tf.layers.averagePooling1d;
          const pool = make({ poolSize: c.k, strides: c.s, padding: "valid" });
          const [, length, channels] = nhwc(pool.computeOutputShape([null, c.length, c.channels]));
          expect(answer.outputShape).toEqual([channels, length]);
        } else {
          expect(answer.outputShape).toEqual([c.channels, torchPool(c.length, c.k, p, c.s, c.ceil)]);
        }
      },
    );
  });

  it("global pooling keeps PyTorch's 1x1 where Keras drops the axes; channels agree", () => {
    forConfigs(
      10,
      (rng) => ({ channels: rng.int(1, 64), h: rng.int(1, 40), w: rng.int(1, 40), max: rng.bool() }),
      () => true,
      (c) => {
        const answer = analyze({ input: [c.channels, c.h, c.w], layers: [{ type: c.max ? "global_maxpool" : "global_avgpool" }] });
        const pool = (c.max ? tf.layers.globalMaxPooling2d : tf.layers.globalAveragePooling2d)({});
        const [, channels] = nhwc(pool.computeOutputShape([null, c.h, c.w, c.channels]));
        expect(answer.outputShape).toEqual([channels, 1, 1]);
        expect(answer.layers[0]?.receptiveField).toEqual([c.h, c.w]);
      },
    );
  });

  it("batchnorm on [C, H, W] and [F]: params are tfjs's trainable weights, buffers its non-trainable ones", () => {
    forConfigs(
      11,
      (rng) => ({ flat: rng.bool(), channels: rng.int(1, 512), size: rng.int(1, 16), affine: rng.int(0, 4) > 0 }),
      () => true,
      (c) => {
        const input = c.flat ? [c.channels] : [c.channels, c.size, c.size];
        const answer = analyze({ input, layers: [{ type: "batchnorm", affine: c.affine }] });
        const bn = tf.layers.batchNormalization({ center: c.affine, scale: c.affine });
        const shape = c.flat ? [null, c.channels] : [null, c.size, c.size, c.channels];
        bn.build(shape);
        const count = (weights: { shape: (number | null)[] }[]) =>
          weights.reduce((sum, weight) => sum + weight.shape.reduce<number>((product, size) => product * (size ?? 1), 1), 0);
        expect(answer.outputShape).toEqual(input);
        expect(answer.totalParams).toBe(count(bn.trainableWeights));
        expect(answer.totalBuffers).toBe(count(bn.nonTrainableWeights));
        expect(answer.totalParams + answer.totalBuffers).toBe(bn.countParams());
        release(bn);
      },
    );
  });

  it("dense and flatten: ≥ 300 configurations", () => {
    forConfigs(
      12,
      (rng) => ({ channels: rng.int(1, 16), h: rng.int(1, 12), w: rng.int(1, 12), units: rng.int(1, 64), bias: rng.bool() }),
      () => true,
      (c) => {
        const answer = analyze({
          input: [c.channels, c.h, c.w],
          layers: [{ type: "flatten" }, { type: "dense", units: c.units, bias: c.bias }],
        });
        const flatten = tf.layers.flatten();
        const dense = tf.layers.dense({ units: c.units, useBias: c.bias });
        const flat = nhwc(flatten.computeOutputShape([null, c.h, c.w, c.channels]));
        const [, units] = nhwc(dense.computeOutputShape(flat));
        dense.build(flat);
        expect(answer.layers[0]?.outputShape).toEqual([flat[1]]);
        expect(answer.outputShape).toEqual([units]);
        expect(answer.totalParams).toBe(dense.countParams());
        release(dense);
      },
    );
  });

  it("refuses what PyTorch refuses, where tfjs would go on (output < 1, padding over half the kernel)", () => {
    // tfjs's "valid" conv gives a size ≤ 0 silently; PyTorch raises, and so does the engine
    const conv = tf.layers.conv2d({ filters: 1, kernelSize: 5, padding: "valid" });
    expect(nhwc(conv.computeOutputShape([null, 3, 3, 1]))[1]).toBeLessThan(1);
    expect(() => analyze({ input: [1, 3, 3], layers: [{ type: "conv2d", filters: 1, kernel: 5 }] })).toThrow(EngineError);
    // PyTorch: "pad should be at most half of kernel size"
    expect(() => analyze({ input: [1, 9, 9], layers: [{ type: "maxpool2d", kernel: 3, padding: 2 }] })).toThrow(EngineError);
  });
});
