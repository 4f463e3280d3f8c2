import { convOutputSize, type LayerSpec, poolOutputSize } from "../../engine";

/**
 * The layers of a small zoo network (d2l's LeNet, AlexNet, VGG-11) in the engine's pre-order
 * (a `sequential` before its children, DESIGN.md "Engine spec"), each with the shape it receives
 * and the shape it gives, worked by hand with d2l's formulas. Templates use it to write worked
 * solutions and to pick a layer by its index in the engine's `layers`; the keys still come from
 * the engine. Only the layer types of those networks are known here.
 */
export interface WalkedLayer {
  /** Index in the engine's `layers` answer. */
  index: number;
  layer: LayerSpec;
  inputShape: number[];
  outputShape: number[];
}

type Scalar = number | readonly [number, number] | string | undefined;

const scalar = (value: Scalar, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value === "number") return value;
  throw new Error(`zoo-walk: only square integer sizes are worked by hand, got ${JSON.stringify(value)}`);
};

/** Output shape of one non-composite layer (d2l 6.3, 6.5; PyTorch docs for each layer). */
export function layerOutputShape(layer: LayerSpec, input: readonly number[]): number[] {
  const [channels = 0, height = 0, width = 0] = input;
  switch (layer.type) {
    case "conv2d": {
      const [k, s, p] = [scalar(layer.kernel, 1), scalar(layer.stride, 1), scalar(layer.padding, 0)];
      return [layer.filters, convOutputSize(height, k, p, s), convOutputSize(width, k, p, s)];
    }
    case "maxpool2d":
    case "avgpool2d": {
      const k = scalar(layer.kernel, 1);
      const [s, p] = [scalar(layer.stride, k), scalar(layer.padding, 0)];
      return [channels, poolOutputSize(height, k, p, s), poolOutputSize(width, k, p, s)];
    }
    case "flatten":
      return [input.reduce((product, size) => product * size, 1)];
    case "dense":
      return [layer.units];
    case "relu":
    case "sigmoid":
    case "tanh":
    case "dropout":
    case "batchnorm":
      return [...input];
    default:
      throw new Error(`zoo-walk: layer type ${layer.type} is not worked by hand`);
  }
}

/** Every layer of `layers` in pre-order, from `input`. */
export function walkLayers(layers: readonly LayerSpec[], input: readonly number[]): WalkedLayer[] {
  const rows: WalkedLayer[] = [];
  const walk = (list: readonly LayerSpec[], shape: readonly number[]): number[] => {
    let current = [...shape];
    for (const layer of list) {
      const row: WalkedLayer = { index: rows.length, layer, inputShape: current, outputShape: current };
      rows.push(row);
      row.outputShape = layer.type === "sequential" ? walk(layer.layers, current) : layerOutputShape(layer, current);
      current = row.outputShape;
    }
    return current;
  };
  walk(layers, input);
  return rows;
}
