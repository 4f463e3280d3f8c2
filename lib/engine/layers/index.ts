import { activationLayer } from "./activation";
import { conv2dLayer } from "./conv2d";
import { denseLayer } from "./dense";
import { flattenLayer } from "./flatten";
import type { RegisteredLayerKind } from "./layer-kind";
import { avgPool2dLayer, maxPool2dLayer } from "./pool2d";

/** Every layer type the engine analyses, by its spec `type`. A new layer kind is added here. */
const kinds: readonly RegisteredLayerKind[] = [
  conv2dLayer,
  maxPool2dLayer,
  avgPool2dLayer,
  activationLayer,
  flattenLayer,
  denseLayer,
];

export const layerKinds: ReadonlyMap<string, RegisteredLayerKind> = new Map(
  kinds.flatMap((kind) => kind.types.map((type) => [type, kind] as const)),
);

export type { Field, LayerInput, LayerResult } from "./layer-kind";
