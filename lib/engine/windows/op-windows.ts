/**
 * The windows of a 2-D op, one per output cell, with every product that goes into it: what the
 * sandbox's animation steps through. Plain arithmetic on numbers (no tensors), so the animation
 * can show `0·0 + 1·1 + 3·2 + 4·3 = 19` while the engine (tfjs) computes the result itself.
 *
 * Single-channel `[H][W]` inputs only, with the engine's semantics (DESIGN.md, "Reference
 * semantics"):
 * - `corr2d`: `Y[i][j] = Σ_a Σ_b X[i·s + a·d − p][j·s + b·d − p] · K[a][b]`, zeros outside X
 *   (d2l 6.2.1 zh / 7.2.1 en, padding 6.3, dilation as PyTorch's `nn.Conv2d`);
 * - `conv2d`: the same with the kernel turned 180° first (NNDL 5.1, eq. 5.4);
 * - `maxpool2d`: the largest value of the window, padding never wins (PyTorch pads with −∞);
 *   `avgpool2d`: the window's sum over `kh·kw`, padded zeros counted (`count_include_pad`)
 *   (d2l 6.5 zh / 7.5 en);
 * - `conv2d_transpose`: each input value scales the whole kernel, placed at stride s and summed,
 *   then `p` rows and columns cut from each side (d2l 13.10 zh / 14.10 en); an output cell's
 *   terms are the input cells whose scaled kernel covers it.
 */

export type WindowOp = "corr2d" | "conv2d" | "maxpool2d" | "avgpool2d" | "conv2d_transpose";
export type Pair = [number, number];

export interface WindowSettings {
  op: WindowOp;
  input: readonly (readonly number[])[];
  /** Convolutions: the kernel as given (not turned). */
  kernel?: readonly (readonly number[])[];
  /** Pooling: the window's size. */
  poolSize?: Pair;
  stride: Pair;
  padding: Pair;
  /** `corr2d` and `conv2d` only. */
  dilation?: Pair;
}

export interface WindowTerm {
  /** Row and column in the input; outside it (negative, or past the end) for a padded cell. */
  input: Pair;
  padded: boolean;
  /** The input value (0 for padding, except max pooling's −∞). */
  x: number;
  /** Row and column in the applied kernel (turned for `conv2d`); null for pooling. */
  kernel: Pair | null;
  k: number | null;
}

export interface OutputWindow {
  output: Pair;
  terms: WindowTerm[];
  /** Computed here in float64; the engine's float32 answer may differ in the last bits. */
  value: number;
}

export interface OpWindows {
  op: WindowOp;
  outputShape: Pair;
  /** The kernel as it slides: turned 180° for `conv2d`, as given otherwise; null for pooling. */
  appliedKernel: number[][] | null;
  /** Row-major, one per output cell. */
  windows: OutputWindow[];
}

export function opWindows(settings: WindowSettings): OpWindows {
  const { op, input } = settings;
  const size: Pair = [input.length, input[0]?.length ?? 0];
  if (op === "maxpool2d" || op === "avgpool2d") return poolWindows(settings, size);
  const given = (settings.kernel ?? []).map((row) => [...row]);
  const applied = op === "conv2d" ? given.reverse().map((row) => row.reverse()) : given;
  if (op === "conv2d_transpose") return transposedWindows(settings, size, applied);
  const kernelSize: Pair = [applied.length, applied[0]?.length ?? 0];
  const dilation = settings.dilation ?? [1, 1];
  const windows = slide(size, kernelSize, settings.stride, settings.padding, dilation, (at) => {
    const terms = at.map(({ input: [r, c], kernel: [a, b] }) => {
      const padded = !inside(size, r, c);
      return { input: [r, c] as Pair, padded, x: padded ? 0 : input[r]![c]!, kernel: [a, b] as Pair, k: applied[a]![b]! };
    });
    return { terms, value: terms.reduce((sum, term) => sum + term.x * term.k, 0) };
  });
  return { op, outputShape: windows.shape, appliedKernel: applied, windows: windows.cells };
}

function poolWindows(settings: WindowSettings, size: Pair): OpWindows {
  const { op, input } = settings;
  const poolSize = settings.poolSize ?? [1, 1];
  const max = op === "maxpool2d";
  const windows = slide(size, poolSize, settings.stride, settings.padding, [1, 1], (at) => {
    const terms = at.map(({ input: [r, c] }) => {
      const padded = !inside(size, r, c);
      const x = padded ? (max ? -Infinity : 0) : input[r]![c]!;
      return { input: [r, c] as Pair, padded, x, kernel: null, k: null };
    });
    const values = terms.map((term) => term.x);
    const value = max ? Math.max(...values) : values.reduce((sum, x) => sum + x, 0) / values.length;
    return { terms, value };
  });
  return { op, outputShape: windows.shape, appliedKernel: null, windows: windows.cells };
}

/** `out = (n − 1)·s − 2p + k` per axis (PyTorch's `ConvTranspose2d` without output padding). */
function transposedWindows(settings: WindowSettings, size: Pair, kernel: number[][]): OpWindows {
  const { input, stride, padding } = settings;
  const kernelSize: Pair = [kernel.length, kernel[0]?.length ?? 0];
  const shape: Pair = [0, 1].map((axis) =>
    Math.max(0, (size[axis]! - 1) * stride[axis]! - 2 * padding[axis]! + kernelSize[axis]!),
  ) as Pair;
  const windows: OutputWindow[] = [];
  for (let i = 0; i < shape[0]; i += 1) {
    for (let j = 0; j < shape[1]; j += 1) {
      const terms: WindowTerm[] = [];
      for (let r = 0; r < size[0]; r += 1) {
        for (let c = 0; c < size[1]; c += 1) {
          const a = i + padding[0] - r * stride[0];
          const b = j + padding[1] - c * stride[1];
          if (a < 0 || b < 0 || a >= kernelSize[0] || b >= kernelSize[1]) continue;
          terms.push({ input: [r, c], padded: false, x: input[r]![c]!, kernel: [a, b], k: kernel[a]![b]! });
        }
      }
      windows.push({ output: [i, j], terms, value: terms.reduce((sum, term) => sum + term.x * term.k!, 0) });
    }
  }
  return { op: "conv2d_transpose", outputShape: shape, appliedKernel: kernel, windows };
}

interface Tap {
  input: Pair;
  kernel: Pair;
}

/** Every window position of a sliding op: `floor((n + 2p − d·(k − 1) − 1)/s) + 1` per axis (d2l 6.3). */
function slide(
  size: Pair,
  kernel: Pair,
  stride: Pair,
  padding: Pair,
  dilation: Pair,
  reduce: (taps: Tap[]) => { terms: WindowTerm[]; value: number },
): { shape: Pair; cells: OutputWindow[] } {
  const shape = [0, 1].map((axis) =>
    Math.max(0, Math.floor((size[axis]! + 2 * padding[axis]! - dilation[axis]! * (kernel[axis]! - 1) - 1) / stride[axis]!) + 1),
  ) as Pair;
  const cells: OutputWindow[] = [];
  for (let i = 0; i < shape[0]; i += 1) {
    for (let j = 0; j < shape[1]; j += 1) {
      const taps: Tap[] = [];
      for (let a = 0; a < kernel[0]; a += 1) {
        for (let b = 0; b < kernel[1]; b += 1) {
          taps.push({
            input: [i * stride[0] + a * dilation[0] - padding[0], j * stride[1] + b * dilation[1] - padding[1]],
            kernel: [a, b],
          });
        }
      }
      cells.push({ output: [i, j], ...reduce(taps) });
    }
  }
  return { shape, cells };
}

function inside(size: Pair, row: number, column: number): boolean {
  return row >= 0 && column >= 0 && row < size[0] && column < size[1];
}
