import { activationLayer } from "./activation";
import { batchNormLayer } from "./batchnorm";
import { concatLayer, residualLayer, sequentialLayer } from "./composite";
import { conv1dLayer, conv2dLayer } from "./conv";
import { conv2dTransposeLayer } from "./conv-transpose";
import { denseLayer } from "./dense";
import { dropoutLayer } from "./dropout";
import { flattenLayer } from "./flatten";
import { adaptiveAvgPool2dLayer, globalPoolLayer } from "./global-pool";
import type { LayerKind } from "./layer-kind";
import { avgPool1dLayer, avgPool2dLayer, maxPool1dLayer, maxPool2dLayer } from "./pool";

/** Every layer type the engine analyses, by its spec `type`. A new layer kind is added here. */
const kinds: readonly LayerKind[] = [
  conv2dLayer,
  conv1dLayer,
  conv2dTransposeLayer,
  maxPool2dLayer,
  avgPool2dLayer,
  maxPool1dLayer,
  avgPool1dLayer,
  globalPoolLayer,
  adaptiveAvgPool2dLayer,
  batchNormLayer,
  activationLayer,
  dropoutLayer,
  flattenLayer,
  denseLayer,
  sequentialLayer,
  residualLayer,
  concatLayer,
];

export const layerKinds: ReadonlyMap<string, LayerKind> = new Map(
  kinds.flatMap((kind) => kind.types.map((type) => [type, kind] as const)),
);

export { LayerFields } from "./fields";
export { type Flow, LIMITS, type Step, type Walker } from "./layer-kind";
