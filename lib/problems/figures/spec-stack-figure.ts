import { analyze, type ArchitectureSpec, type LayerSpec } from "../../engine";
import type { Check, Lang, ProblemFigure } from "../types";
import { figureMessages } from "./figure.messages";
import { layerLabel } from "./layer-labels";
import { type StackRow, stackFigure } from "./stack-figure";

/** Layers that keep the shape and say nothing about it: left out of the column. */
const SILENT = new Set<LayerSpec["type"]>(["relu", "sigmoid", "tanh", "softmax", "dropout", "sequential"]);

interface Placed {
  path: string;
  layer: LayerSpec;
}

/** The spec's layers in the engine's pre-order with the engine's paths; a concat's branches stay inside it. */
function placeLayers(layers: readonly LayerSpec[], prefix = ""): Placed[] {
  return layers.flatMap((layer, index) => {
    const path = `${prefix}${index}`;
    const own: Placed = { path, layer };
    if (layer.type === "sequential") return [own, ...placeLayers(layer.layers, `${path}.layers.`)];
    return [own];
  });
}

/**
 * An architecture spec as a column of layers with the shape each gives, the shapes from the
 * engine's `analyze` (the same numbers as the key). A dense block's joins (a `concat` with an
 * identity branch, d2l 7.7) show as one row each: the conv block and the join.
 */
export function specStackFigure(spec: ArchitectureSpec, lang: Lang, highlight: "last" | "none" = "last"): ProblemFigure {
  const t = figureMessages(lang);
  const shapes = new Map(analyze(spec).layers.map((row) => [row.path, row.outputShape]));
  const rows: StackRow[] = [{ label: t("layer.input"), shape: spec.input }];
  for (const { path, layer } of placeLayers(spec.layers)) {
    if (SILENT.has(layer.type)) continue;
    rows.push({ label: labelOf(layer, lang), shape: shapes.get(path) ?? [] });
  }
  const last = rows[rows.length - 1];
  if (highlight === "last" && last && rows.length > 1) last.highlight = true;
  return stackFigure(rows, lang);
}

function labelOf(layer: LayerSpec, lang: Lang): string {
  const t = figureMessages(lang);
  if (layer.type === "concat") {
    const grown = layer.branches.find((branch) => branch.length > 0);
    const conv = grown?.find((inner) => inner.type === "conv2d");
    if (layer.branches.some((branch) => branch.length === 0) && conv && conv.type === "conv2d") return t("layer.denseConv", { growth: String(conv.filters) });
    return t("layer.concat", { count: String(layer.branches.length) });
  }
  return layerLabel(layer, lang);
}

/** The layer stack of a template whose key comes from `analyze`; none for a `run` check. */
export function checkStackFigure(check: Check, lang: Lang): ProblemFigure | null {
  return check?.mode === "analyze" ? specStackFigure(check.spec, lang) : null;
}
