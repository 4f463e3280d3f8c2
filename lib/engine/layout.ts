/**
 * Channels first (PyTorch, DESIGN.md: `[C, H, W]`, no batch) ⇄ tfjs's NHWC (`[N, H, W, C]`).
 *
 * This is the only module that converts between the two layouts; everything else in the engine
 * speaks channels first.
 */

/** `[C, H, W]` → `[null, H, W, C]`, the batch left unknown as tfjs layers expect it. */
export function chwToNhwc(shape: readonly [number, number, number]): [null, number, number, number] {
  const [channels, height, width] = shape;
  return [null, height, width, channels];
}

/** `[N, H, W, C]` (N ignored) → `[C, H, W]`. */
export function nhwcToChw(shape: readonly (number | null)[]): [number, number, number] {
  if (shape.length !== 4) throw new Error(`expected an NHWC shape of rank 4, got [${shape.join(", ")}]`);
  const [, height, width, channels] = shape;
  if (height == null || width == null || channels == null) {
    throw new Error(`expected known H, W and C, got [${shape.join(", ")}]`);
  }
  return [channels, height, width];
}

/**
 * Values of a channels-first array `[N, C, …spatial]` (flat, row-major; `spatial` is the product
 * of the spatial sizes, `L` or `H·W`) reordered channels last, `[N, …spatial, C]`, as tfjs wants.
 * May return `values` itself when the order does not change.
 */
export function channelsFirstToLast(values: Float32Array, batch: number, channels: number, spatial: number): Float32Array {
  // One channel, or one value per channel: the two orders are the same.
  if (channels === 1 || spatial === 1) return values;
  const out = new Float32Array(batch * channels * spatial);
  for (let n = 0; n < batch; n++) {
    const base = n * channels * spatial;
    for (let c = 0; c < channels; c++) {
      for (let p = 0; p < spatial; p++) out[base + p * channels + c] = values[base + c * spatial + p]!;
    }
  }
  return out;
}

/** The inverse of `channelsFirstToLast`: `[N, …spatial, C]` → `[N, C, …spatial]`. */
export function channelsLastToFirst(values: Float32Array, batch: number, channels: number, spatial: number): Float32Array {
  if (channels === 1 || spatial === 1) return values;
  const out = new Float32Array(batch * channels * spatial);
  for (let n = 0; n < batch; n++) {
    const base = n * channels * spatial;
    for (let c = 0; c < channels; c++) {
      for (let p = 0; p < spatial; p++) out[base + c * spatial + p] = values[base + p * channels + c]!;
    }
  }
  return out;
}

/**
 * A PyTorch kernel `[A][B][kh][kw]` reordered as tfjs's `[kh][kw][B][A]`. Conv2d weights are
 * `[out][in][kh][kw]` in PyTorch and `[kh][kw][in][out]` in tfjs; transposed-conv weights are
 * `[in][out][kh][kw]` in PyTorch and `[kh][kw][out][in]` in tfjs: the same move both times.
 */
export function torchKernelToTf(values: Float32Array, a: number, b: number, kh: number, kw: number): Float32Array {
  if (a === 1 && b === 1) return values;
  const out = new Float32Array(a * b * kh * kw);
  for (let i = 0; i < a; i++) {
    for (let j = 0; j < b; j++) {
      const from = (i * b + j) * kh * kw;
      for (let p = 0; p < kh * kw; p++) out[(p * b + j) * a + i] = values[from + p]!;
    }
  }
  return out;
}
