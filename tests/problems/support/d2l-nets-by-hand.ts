/**
 * d2l's LeNet, AlexNet and VGG-11 worked by hand on any square input, independently of the engine
 * and of lib/problems/templates/zoo-walk.ts: each layer's hyperparameters are written out here from
 * the book (d2l 6.6, 7.1, 7.2 zh / 7.6, 8.1, 8.2 en) and each shape from
 * `⌊(n + 2p − k)/s⌋ + 1`; parameters `k·k·c_i·c_o + c_o` (dense `in·out + out`); MACs
 * `c_o·h·w·c_i·k·k` (DESIGN.md). `index` is the layer's place in the engine's pre-order list
 * (activations, dropout and VGG's block containers take places too), checked at the book's sizes
 * against the shapes the book prints (tests/problems/arch-layer-shape.test.ts).
 */
type HandLayer =
  | { kind: "conv"; index: number; filters: number; kernel: number; stride: number; padding: number }
  | { kind: "pool"; index: number; kernel: number; stride: number }
  | { kind: "flatten"; index: number }
  | { kind: "dense"; index: number; units: number };

const conv = (index: number, filters: number, kernel: number, stride = 1, padding = 0): HandLayer => ({ kind: "conv", index, filters, kernel, stride, padding });
const pool = (index: number, kernel: number, stride: number): HandLayer => ({ kind: "pool", index, kernel, stride });
const dense = (index: number, units: number): HandLayer => ({ kind: "dense", index, units });

export const HAND_NETS: Record<string, { channels: number; layers: HandLayer[] }> = {
  "LeNet (d2l)": {
    channels: 1,
    layers: [conv(0, 6, 5, 1, 2), pool(2, 2, 2), conv(3, 16, 5), pool(5, 2, 2), { kind: "flatten", index: 6 }, dense(7, 120), dense(9, 84), dense(11, 10)],
  },
  "AlexNet (d2l)": {
    channels: 1,
    layers: [
      conv(0, 96, 11, 4, 1), pool(2, 3, 2), conv(3, 256, 5, 1, 2), pool(5, 3, 2), conv(6, 384, 3, 1, 1), conv(8, 384, 3, 1, 1), conv(10, 256, 3, 1, 1),
      pool(12, 3, 2), { kind: "flatten", index: 13 }, dense(14, 4096), dense(17, 4096), dense(20, 10),
    ],
  },
  "VGG-11 (d2l)": {
    channels: 1,
    layers: [
      conv(1, 64, 3, 1, 1), pool(3, 2, 2), conv(5, 128, 3, 1, 1), pool(7, 2, 2), conv(9, 256, 3, 1, 1), conv(11, 256, 3, 1, 1), pool(13, 2, 2),
      conv(15, 512, 3, 1, 1), conv(17, 512, 3, 1, 1), pool(19, 2, 2), conv(21, 512, 3, 1, 1), conv(23, 512, 3, 1, 1), pool(25, 2, 2),
      { kind: "flatten", index: 26 }, dense(27, 4096), dense(30, 4096), dense(33, 10),
    ],
  },
};

export interface HandRow {
  outputShape: number[];
  params: number;
  macs: number;
}

/** Every listed layer of `net` on a `size × size` input, by engine index. */
export function handRows(net: string, size: number): Map<number, HandRow> {
  const spec = HAND_NETS[net];
  if (!spec) throw new Error(`no hand walk for ${net}`);
  const rows = new Map<number, HandRow>();
  let shape = [spec.channels, size, size];
  for (const layer of spec.layers) {
    const [c = 0, n = 0] = shape;
    if (layer.kind === "conv") {
      const out = Math.floor((n + 2 * layer.padding - layer.kernel) / layer.stride) + 1;
      shape = [layer.filters, out, out];
      rows.set(layer.index, { outputShape: shape, params: layer.kernel * layer.kernel * c * layer.filters + layer.filters, macs: layer.filters * out * out * c * layer.kernel * layer.kernel });
    } else if (layer.kind === "pool") {
      const out = Math.floor((n - layer.kernel) / layer.stride) + 1;
      shape = [c, out, out];
      rows.set(layer.index, { outputShape: shape, params: 0, macs: 0 });
    } else if (layer.kind === "flatten") {
      shape = [shape.reduce((a, b) => a * b, 1)];
      rows.set(layer.index, { outputShape: shape, params: 0, macs: 0 });
    } else {
      const inputs = shape[0] as number;
      shape = [layer.units];
      rows.set(layer.index, { outputShape: shape, params: inputs * layer.units + layer.units, macs: inputs * layer.units });
    }
  }
  return rows;
}

/** The hand row a problem's check selects (`layers.N.<field>` of a zoo network on its input). */
export function handRowOf(check: { spec: { name?: string; input: number[] }; select: string }): HandRow {
  const index = Number(/^layers\.(\d+)\./.exec(check.select)?.[1]);
  const row = handRows(check.spec.name ?? "", check.spec.input[1] as number).get(index);
  if (!row) throw new Error(`no hand row for ${check.spec.name} layer ${index}`);
  return row;
}
