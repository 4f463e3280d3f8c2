import type { LayerSpec } from "../../engine";
import type { Lang } from "../types";
import { figureMessages } from "./figure.messages";

const size = (value: unknown, fallback: number): string => {
  if (typeof value === "number") return `${value}×${value}`;
  if (Array.isArray(value)) return value.join("×");
  return `${fallback}×${fallback}`;
};
const scalar = (value: unknown, fallback: number): string => (typeof value === "number" ? String(value) : Array.isArray(value) ? value.join("×") : String(fallback));

/**
 * A layer in plain words for a figure's box (no LaTeX: SVG text is not typeset), in the book's
 * terms: `5×5 conv, 6 channels, stride 1, padding 2`; a grouped convolution names its groups.
 */
export function layerLabel(layer: LayerSpec, lang: Lang): string {
  const t = figureMessages(lang);
  switch (layer.type) {
    case "conv2d":
      return t("layer.conv2d", {
        kernel: size(layer.kernel, 1),
        filters: String(layer.filters),
        groups: String(layer.groups ?? 1),
        stride: scalar(layer.stride, 1),
        padding: scalar(layer.padding, 0),
      });
    case "maxpool2d":
    case "avgpool2d": {
      const kernel = typeof layer.kernel === "number" ? layer.kernel : 1;
      const args = { kernel: size(layer.kernel, 1), stride: scalar(layer.stride, kernel), padding: scalar(layer.padding, 0) };
      return layer.type === "maxpool2d" ? t("layer.maxpool2d", args) : t("layer.avgpool2d", args);
    }
    case "conv2d_transpose":
      return t("layer.conv2dTranspose", {
        kernel: size(layer.kernel, 1),
        filters: String(layer.filters),
        stride: scalar(layer.stride, 1),
        padding: scalar(layer.padding, 0),
        outputPadding: scalar(layer.output_padding, 0),
      });
    case "conv1d":
      return t("layer.conv1d", { kernel: scalar(layer.kernel, 1), filters: String(layer.filters), stride: scalar(layer.stride, 1), padding: scalar(layer.padding, 0) });
    case "global_maxpool":
      return t("layer.globalMaxpool");
    case "dense":
      return t("layer.dense", { units: String(layer.units) });
    case "flatten":
      return t("layer.flatten");
    case "batchnorm":
      return t("layer.batchnorm");
    case "global_avgpool":
      return t("layer.globalAvgpool");
    default:
      return layer.type;
  }
}
