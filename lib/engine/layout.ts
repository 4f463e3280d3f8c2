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
