import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * Seeded random architecture specs and op specs for the PyTorch differential test, covering every
 * layer type and op of DESIGN.md. The generator follows shapes roughly so that most specs are
 * valid, and on purpose makes some that PyTorch refuses (pooling padding over half the kernel, an
 * output smaller than 1, output_padding not smaller than the stride, groups that do not divide the
 * channels, residual paths of different shapes); the engine must refuse those too. It never
 * decides what is right: PyTorch does.
 */
export interface Draw {
  int(from: number, to: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createDraw(seed: number): Draw {
  const generator = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(generator, from, to);
  return {
    int,
    pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number],
    chance: (p) => int(0, 9999) < p * 10_000,
  };
}

type Json = Record<string, unknown>;
/** What the generator believes the shape is: `[C, H, W]`, `[C, L]` or `[F]`. */
type Shape = number[];

const ACTIVATIONS = ["relu", "sigmoid", "tanh", "softmax"] as const;

/** An integer, or now and then a pair of (possibly different) integers. */
function pairOr(draw: Draw, from: number, to: number): number | [number, number] {
  return draw.chance(0.25) ? [draw.int(from, to), draw.int(from, to)] : draw.int(from, to);
}

const axes = (value: unknown): [number, number] =>
  Array.isArray(value) ? [Number(value[0]), Number(value[1])] : [Number(value), Number(value)];

function divisorsOf(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

function conv2d(draw: Draw, [c, h, w]: Shape): [Json, Shape] {
  const kernel = pairOr(draw, 1, 5);
  const spec: Json = { type: "conv2d", filters: draw.int(1, 12), kernel };
  const [kh, kw] = axes(kernel);
  if (draw.chance(0.3)) spec.padding = draw.chance(0.7) ? "same" : "valid";
  else if (draw.chance(0.6)) spec.padding = pairOr(draw, 0, 3);
  // A stride with "same" padding is refused by PyTorch: rarely, on purpose.
  const strided = spec.padding === "same" ? draw.chance(0.05) : draw.chance(0.5);
  if (strided) spec.stride = pairOr(draw, 1, 3);
  if (draw.chance(0.25)) spec.dilation = pairOr(draw, 1, 3);
  if (draw.chance(0.25)) {
    const groups = draw.chance(0.9) ? draw.pick(divisorsOf(c ?? 1)) : draw.int(2, 5);
    spec.groups = groups;
    spec.filters = groups * draw.int(1, 4);
  }
  if (draw.chance(0.3)) spec.bias = draw.chance(0.5);
  const [sh, sw] = axes(spec.stride ?? 1);
  const [dh, dw] = axes(spec.dilation ?? 1);
  const pad = spec.padding === "same" ? [(dh * (kh - 1)) / 2, (dw * (kw - 1)) / 2] : axes(typeof spec.padding === "number" || Array.isArray(spec.padding) ? spec.padding : 0);
  const out = (n: number, k: number, s: number, p: number, d: number) => Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
  return [spec, [spec.filters as number, out(h ?? 1, kh, sh, pad[0] ?? 0, dh), out(w ?? 1, kw, sw, pad[1] ?? 0, dw)]];
}

function conv2dTranspose(draw: Draw, [c, h, w]: Shape): [Json, Shape] {
  const kernel = pairOr(draw, 1, 4);
  const stride = pairOr(draw, 1, 3);
  const spec: Json = { type: "conv2d_transpose", filters: draw.int(1, 8), kernel, stride };
  if (draw.chance(0.5)) spec.padding = pairOr(draw, 0, 2);
  if (draw.chance(0.2)) spec.dilation = pairOr(draw, 1, 2);
  const [sh, sw] = axes(stride);
  // Mostly below the stride; sometimes equal to it, which PyTorch refuses unless the dilation is larger.
  if (draw.chance(0.5)) spec.output_padding = draw.chance(0.85) ? [draw.int(0, sh - 1), draw.int(0, sw - 1)] : Math.max(sh, sw);
  if (draw.chance(0.15)) {
    spec.groups = draw.pick(divisorsOf(c ?? 1));
    spec.filters = (spec.groups as number) * draw.int(1, 3);
  }
  if (draw.chance(0.2)) spec.bias = false;
  const [kh, kw] = axes(kernel);
  const [ph, pw] = axes(spec.padding ?? 0);
  const [dh, dw] = axes(spec.dilation ?? 1);
  const [oh, ow] = axes(spec.output_padding ?? 0);
  const out = (n: number, k: number, s: number, p: number, d: number, o: number) => (n - 1) * s - 2 * p + d * (k - 1) + o + 1;
  return [spec, [spec.filters as number, out(h ?? 1, kh, sh, ph, dh, oh), out(w ?? 1, kw, sw, pw, dw, ow)]];
}

function pool2d(draw: Draw, [c, h, w]: Shape): [Json, Shape] {
  const type = draw.pick(["maxpool2d", "avgpool2d"] as const);
  const kernel = pairOr(draw, 1, 4);
  const [kh, kw] = axes(kernel);
  const spec: Json = { type, kernel };
  if (draw.chance(0.5)) spec.stride = pairOr(draw, 1, 3);
  if (draw.chance(0.5)) {
    // Up to half the kernel (PyTorch's limit), sometimes one more, which must be refused.
    const over = draw.chance(0.1) ? 1 : 0;
    spec.padding = [draw.int(0, Math.floor(kh / 2)) + over, draw.int(0, Math.floor(kw / 2)) + over];
  }
  if (draw.chance(0.4)) spec.ceil_mode = draw.chance(0.6);
  if (type === "avgpool2d" && draw.chance(0.4)) spec.count_include_pad = draw.chance(0.5);
  if (type === "maxpool2d" && draw.chance(0.15)) spec.dilation = pairOr(draw, 1, 2);
  const [sh, sw] = axes(spec.stride ?? kernel);
  const [ph, pw] = axes(spec.padding ?? 0);
  const [dh, dw] = axes(spec.dilation ?? 1);
  const out = (n: number, k: number, s: number, p: number, d: number) => Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
  return [spec, [c ?? 1, out(h ?? 1, kh, sh, ph, dh), out(w ?? 1, kw, sw, pw, dw)]];
}

function conv1d(draw: Draw, [c, l]: Shape): [Json, Shape] {
  const spec: Json = { type: "conv1d", filters: draw.int(1, 12), kernel: draw.int(1, 5) };
  if (draw.chance(0.5)) spec.stride = draw.int(1, 3);
  if (draw.chance(0.5)) spec.padding = draw.chance(0.2) && spec.stride === undefined ? "same" : draw.int(0, 3);
  if (draw.chance(0.2)) spec.dilation = draw.int(1, 3);
  if (draw.chance(0.2)) {
    spec.groups = draw.pick(divisorsOf(c ?? 1));
    spec.filters = (spec.groups as number) * draw.int(1, 3);
  }
  if (draw.chance(0.2)) spec.bias = false;
  const k = spec.kernel as number;
  const d = (spec.dilation as number | undefined) ?? 1;
  const p = spec.padding === "same" ? (d * (k - 1)) / 2 : ((spec.padding as number | undefined) ?? 0);
  const out = Math.floor(((l ?? 1) + 2 * p - d * (k - 1) - 1) / ((spec.stride as number | undefined) ?? 1)) + 1;
  return [spec, [spec.filters as number, out]];
}

function pool1d(draw: Draw, [c, l]: Shape): [Json, Shape] {
  const type = draw.pick(["maxpool1d", "avgpool1d"] as const);
  const kernel = draw.int(1, 4);
  const spec: Json = { type, kernel };
  if (draw.chance(0.5)) spec.stride = draw.int(1, 3);
  if (draw.chance(0.5)) spec.padding = draw.int(0, Math.floor(kernel / 2)) + (draw.chance(0.1) ? 1 : 0);
  if (draw.chance(0.4)) spec.ceil_mode = draw.chance(0.6);
  if (type === "avgpool1d" && draw.chance(0.4)) spec.count_include_pad = draw.chance(0.5);
  const stride = (spec.stride as number | undefined) ?? kernel;
  const out = Math.floor(((l ?? 1) + 2 * ((spec.padding as number | undefined) ?? 0) - kernel) / stride) + 1;
  return [spec, [c ?? 1, out]];
}

/** A layer that keeps `[C, H, W]` as it is (for residual bodies and concat branches). */
function shapeKeeping(draw: Draw, channelsOut: number): Json[] {
  const k = draw.pick([1, 3, 5]);
  const layers: Json[] = [{ type: "conv2d", filters: channelsOut, kernel: k, padding: (k - 1) / 2 }];
  if (draw.chance(0.5)) layers.push({ type: "batchnorm" });
  if (draw.chance(0.5)) layers.push({ type: draw.pick(["relu", "sigmoid", "tanh"]) });
  if (draw.chance(0.2)) layers.push({ type: "maxpool2d", kernel: 3, stride: 1, padding: 1 });
  return layers;
}

function residual(draw: Draw, shape: Shape): [Json, Shape] {
  const [c, h, w] = shape as [number, number, number];
  const projected = draw.chance(0.4);
  const channels = projected ? draw.int(1, 12) : c;
  const stride = projected && draw.chance(0.5) ? 2 : 1;
  const body = shapeKeeping(draw, channels);
  if (stride === 2) (body[0] as Json).stride = 2;
  const spec: Json = { type: "residual", body };
  if (projected) spec.shortcut = [{ type: "conv2d", filters: channels, kernel: 1, stride, bias: false }, { type: "batchnorm" }];
  else if (draw.chance(0.5)) spec.shortcut = [];
  // Now and then a shortcut that does not fit the body: both must refuse.
  if (draw.chance(0.08)) spec.shortcut = [{ type: "conv2d", filters: channels + 1, kernel: 1 }];
  if (draw.chance(0.7)) spec.activation = draw.pick(["relu", "sigmoid", "tanh"]);
  const out = (n: number) => Math.floor((n - 1) / stride) + 1;
  return [spec, [channels, out(h), out(w)]];
}

function concat(draw: Draw, shape: Shape): [Json, Shape] {
  const branches: Json[][] = [];
  let channels = 0;
  for (let b = draw.int(1, 3); b > 0; b--) {
    if (draw.chance(0.2)) {
      branches.push([]);
      channels += shape[0] ?? 1;
      continue;
    }
    const filters = draw.int(1, 8);
    branches.push(shapeKeeping(draw, filters));
    channels += filters;
  }
  // Now and then a branch that shrinks the map: both must refuse.
  if (draw.chance(0.06)) branches.push([{ type: "conv2d", filters: 2, kernel: 3 }]);
  return [{ type: "concat", branches }, [channels, shape[1] ?? 1, shape[2] ?? 1]];
}

/** One random layer for the shape so far, and the shape the generator expects after it. */
function layerFor(draw: Draw, shape: Shape, depth: number): [Json, Shape] {
  const rank = shape.length;
  const roll = draw.int(0, 99);
  if (rank === 3) {
    if (roll < 22) return conv2d(draw, shape);
    if (roll < 30) return conv2dTranspose(draw, shape);
    if (roll < 46) return pool2d(draw, shape);
    if (roll < 50) return [{ type: draw.pick(["global_avgpool", "global_maxpool"]) }, [shape[0] ?? 1, 1, 1]];
    if (roll < 54) {
      const output = pairOr(draw, 1, 6);
      return [{ type: "adaptive_avgpool2d", output }, [shape[0] ?? 1, ...axes(output)]];
    }
    if (roll < 60) return [{ type: "batchnorm", ...(draw.chance(0.2) ? { affine: false } : {}) }, shape];
    if (roll < 68) return [{ type: draw.pick(ACTIVATIONS) }, shape];
    if (roll < 71) return [{ type: "dropout", rate: draw.int(0, 9) / 10 }, shape];
    if (roll < 76) return [{ type: "flatten" }, [shape.reduce((a, b) => a * b, 1)]];
    if (roll < 84 && depth < 2) return residual(draw, shape);
    if (roll < 92 && depth < 2) return concat(draw, shape);
    if (roll < 96 && depth < 2) {
      const [inner, after] = layersFor(draw, shape, draw.int(1, 3), depth + 1);
      return [{ type: "sequential", layers: inner }, after];
    }
    if (roll < 98) return [{ type: "dense", units: draw.int(1, 16) }, [0]]; // dense on [C,H,W]: refused
    return conv2d(draw, shape);
  }
  if (rank === 2) {
    if (roll < 35) return conv1d(draw, shape);
    if (roll < 60) return pool1d(draw, shape);
    if (roll < 68) return [{ type: "batchnorm" }, shape];
    if (roll < 78) return [{ type: draw.pick(ACTIVATIONS) }, shape];
    if (roll < 84) return [{ type: draw.pick(["global_avgpool", "global_maxpool"]) }, [shape[0] ?? 1, 1]];
    return [{ type: "flatten" }, [shape.reduce((a, b) => a * b, 1)]];
  }
  if (roll < 45) return [{ type: "dense", units: draw.int(1, 64), ...(draw.chance(0.2) ? { bias: false } : {}) }, [0]];
  if (roll < 60) return [{ type: "batchnorm" }, shape];
  if (roll < 85) return [{ type: draw.pick(ACTIVATIONS) }, shape];
  return [{ type: "dropout", rate: draw.int(0, 9) / 10 }, shape];
}

function layersFor(draw: Draw, shape: Shape, count: number, depth: number): [Json[], Shape] {
  const layers: Json[] = [];
  let current = shape;
  for (let i = 0; i < count; i++) {
    if (current.some((n) => n < 1)) break;
    const [layer, next] = layerFor(draw, current, depth);
    layers.push(layer);
    current = layer.type === "dense" ? [layer.units as number] : next;
  }
  return [layers, current];
}

export function randomSpec(draw: Draw): Json {
  const rank = draw.pick([3, 3, 3, 3, 2, 1]);
  const input =
    rank === 3
      ? [draw.int(1, 8), draw.int(1, 32), draw.int(1, 32)]
      : rank === 2
        ? [draw.int(1, 8), draw.int(1, 40)]
        : [draw.int(1, 64)];
  const [layers] = layersFor(draw, input, draw.int(1, 6), 0);
  return { input, layers };
}

// ---- ops -------------------------------------------------------------------------------------

function numbers(draw: Draw, shape: number[], integers: boolean): unknown {
  const [first, ...rest] = shape;
  return Array.from({ length: first ?? 0 }, () =>
    rest.length > 0 ? numbers(draw, rest, integers) : integers ? draw.int(-5, 5) : draw.int(-50_000, 50_000) / 10_000,
  );
}

/**
 * PyTorch's pooling output length (`pooling_output_shape` in aten/src/ATen/native/Pool.h): ceil
 * mode drops a last window that would start in the right padding. At least 1 here, so a spec whose
 * output is empty still reaches both sides, which must refuse it.
 */
function poolOut(n: number, k: number, p: number, s: number, d: number, ceil: boolean): number {
  const span = n + 2 * p - d * (k - 1) - 1;
  let out = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  if (ceil && (out - 1) * s >= n + p) out -= 1;
  return Math.max(1, out);
}

export function randomOp(draw: Draw): Json {
  const integers = draw.chance(0.6);
  const values = (shape: number[]) => numbers(draw, shape, integers);
  const op = draw.pick([
    "corr2d", "corr2d", "conv2d", "conv2d", "maxpool2d", "avgpool2d", "conv2d_transpose", "corr1d",
    "batchnorm", "relu", "sigmoid", "tanh", "conv2d_grad", "conv2d_grad", "maxpool2d_grad", "maxpool2d_grad", "avgpool2d_grad",
  ] as const);
  const h = draw.int(1, 7);
  const w = draw.int(1, 7);
  switch (op) {
    case "corr2d":
    case "conv2d": {
      const kh = draw.int(1, 4);
      const kw = draw.int(1, 4);
      const form = draw.int(0, 2);
      const c = draw.int(1, 3);
      const o = draw.int(1, 3);
      const spec: Json = {
        op,
        input: form === 0 ? values([h, w]) : values([c, h, w]),
        kernel: form === 0 ? values([kh, kw]) : form === 1 ? values([c, kh, kw]) : values([o, c, kh, kw]),
      };
      if (draw.chance(0.4)) spec.stride = pairOr(draw, 1, 3);
      if (draw.chance(0.4)) spec.padding = pairOr(draw, 0, 2);
      if (draw.chance(0.2)) spec.dilation = pairOr(draw, 1, 2);
      if (draw.chance(0.3)) spec.bias = form === 2 && draw.chance(0.5) ? values([o]) : draw.int(-3, 3);
      return spec;
    }
    case "maxpool2d":
    case "avgpool2d": {
      const kernel = pairOr(draw, 1, 3);
      const [kh, kw] = axes(kernel);
      const spec: Json = { op, input: draw.chance(0.5) ? values([h, w]) : values([draw.int(1, 3), h, w]), kernel };
      if (draw.chance(0.5)) spec.stride = pairOr(draw, 1, 3);
      if (draw.chance(0.4)) spec.padding = [draw.int(0, Math.floor(kh / 2)), draw.int(0, Math.floor(kw / 2))];
      if (draw.chance(0.4)) spec.ceil_mode = draw.chance(0.6);
      if (op === "avgpool2d" && draw.chance(0.4)) spec.count_include_pad = draw.chance(0.5);
      if (op === "maxpool2d" && draw.chance(0.3)) spec.dilation = pairOr(draw, 1, 3);
      return spec;
    }
    case "maxpool2d_grad":
    case "avgpool2d_grad": {
      // The forward op's fields, and a grad_output shaped like its output by PyTorch's formula.
      const kernel = pairOr(draw, 1, 3);
      const [kh, kw] = axes(kernel);
      const c = draw.int(1, 3);
      const plain = draw.chance(0.5);
      const spec: Json = { op, input: plain ? values([h, w]) : values([c, h, w]), kernel };
      if (draw.chance(0.5)) spec.stride = pairOr(draw, 1, 3);
      if (draw.chance(0.4)) spec.padding = [draw.int(0, Math.floor(kh / 2)), draw.int(0, Math.floor(kw / 2))];
      if (draw.chance(0.4)) spec.ceil_mode = draw.chance(0.6);
      if (op === "avgpool2d_grad" && draw.chance(0.4)) spec.count_include_pad = draw.chance(0.5);
      if (op === "maxpool2d_grad" && draw.chance(0.3)) spec.dilation = pairOr(draw, 1, 2);
      const [sh, sw] = axes(spec.stride ?? kernel);
      const [ph, pw] = axes(spec.padding ?? 0);
      const [dh, dw] = axes(spec.dilation ?? 1);
      const ceil = spec.ceil_mode === true;
      const out = [poolOut(h, kh, ph, sh, dh, ceil), poolOut(w, kw, pw, sw, dw, ceil)];
      spec.grad_output = values(plain ? out : [c, ...out]);
      return spec;
    }
    case "conv2d_grad": {
      const kh = draw.int(1, 3);
      const kw = draw.int(1, 3);
      const plain = draw.chance(0.4);
      const c = draw.int(1, 3);
      const o = draw.int(1, 3);
      const spec: Json = { op, input: plain ? values([h, w]) : values([c, h, w]), kernel: plain ? values([kh, kw]) : values([o, c, kh, kw]) };
      if (draw.chance(0.4)) spec.stride = pairOr(draw, 1, 3);
      if (draw.chance(0.4)) spec.padding = pairOr(draw, 0, 2);
      if (draw.chance(0.3)) spec.dilation = pairOr(draw, 1, 2);
      // One plain gradient-descent step on the kernel (grad.descent-step's key): kernel_after_step.
      if (draw.chance(0.3)) spec.learning_rate = draw.pick([0.5, 0.1, 0.01, 0.25]);
      const [sh, sw] = axes(spec.stride ?? 1);
      const [ph, pw] = axes(spec.padding ?? 0);
      const [dh, dw] = axes(spec.dilation ?? 1);
      // An output under 1 (kernel past the padded input) keeps a 1 here: both sides must refuse the kernel.
      const out = [Math.max(1, Math.floor((h + 2 * ph - dh * (kh - 1) - 1) / sh) + 1), Math.max(1, Math.floor((w + 2 * pw - dw * (kw - 1) - 1) / sw) + 1)];
      spec.grad_output = values(plain ? out : [o, ...out]);
      return spec;
    }
    case "conv2d_transpose": {
      const kh = draw.int(1, 3);
      const kw = draw.int(1, 3);
      const multi = draw.chance(0.5);
      const c = draw.int(1, 3);
      const stride = pairOr(draw, 1, 3);
      const spec: Json = {
        op,
        input: multi ? values([c, h, w]) : values([h, w]),
        kernel: multi ? values([c, draw.int(1, 3), kh, kw]) : values([kh, kw]),
        stride,
      };
      if (draw.chance(0.4)) spec.padding = [draw.int(0, kh - 1), draw.int(0, kw - 1)];
      if (draw.chance(0.3)) spec.output_padding = [draw.int(0, axes(stride)[0] - 1), draw.int(0, axes(stride)[1] - 1)];
      return spec;
    }
    case "corr1d": {
      const l = draw.int(1, 12);
      const k = draw.int(1, 4);
      const c = draw.int(1, 3);
      const multi = draw.chance(0.5);
      const spec: Json = { op, input: multi ? values([c, l]) : values([l]), kernel: multi ? values([c, k]) : values([k]) };
      if (draw.chance(0.3)) spec.stride = draw.int(1, 3);
      if (draw.chance(0.3)) spec.padding = draw.int(0, 2);
      return spec;
    }
    case "batchnorm": {
      const n = draw.int(2, 4);
      const c = draw.int(1, 3);
      const fourD = draw.chance(0.5);
      const mode = draw.pick(["train", "eval"] as const);
      const positive = () => Array.from({ length: c }, () => draw.int(1, 40) / 10);
      const spec: Json = { op, mode, input: fourD ? values([n, c, draw.int(1, 3), draw.int(1, 3)]) : values([n, c]) };
      if (draw.chance(0.6)) spec.gamma = positive();
      if (draw.chance(0.6)) spec.beta = Array.from({ length: c }, () => draw.int(-20, 20) / 10);
      if (draw.chance(0.3)) spec.eps = draw.pick([1e-5, 1e-3, 0.1]);
      if (mode === "eval" || draw.chance(0.3)) {
        spec.running_mean = Array.from({ length: c }, () => draw.int(-20, 20) / 10);
        spec.running_var = positive();
      }
      return spec;
    }
    default: {
      const shape = draw.pick([[h], [h, w], [draw.int(1, 3), h, w]]);
      return { op, input: numbers(draw, shape, false) };
    }
  }
}
