import { layerLabel } from "../figures/layer-labels";
import { stackFigure } from "../figures/stack-figure";
import { figureMessages } from "../figures/figure.messages";
import type { Lang, ProblemFigure } from "../types";
import { type D2lNet, shownLayers } from "./zoo-prompt";

/**
 * The layer stack of a d2l network up to the prompt's layer `target` (1-based, as listed), each
 * with the shape it gives, the asked-about layer highlighted: the figure of the architecture
 * templates. Shapes are the hand walk of `zoo-walk.ts`, which the templates check against the key.
 */
export function zooStackFigure(net: D2lNet, size: number, target: number, lang: Lang): ProblemFigure {
  const { spec, layers } = shownLayers(net, size);
  const rows = [
    { label: figureMessages(lang)("layer.input"), shape: spec.input },
    ...layers
      .filter((row) => row.number <= target)
      .map((row) => ({ label: `${row.number}. ${layerLabel(row.layer, lang)}`, shape: row.outputShape, highlight: row.number === target })),
  ];
  return stackFigure(rows, lang);
}
