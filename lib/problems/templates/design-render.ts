import { analyze, type ArchitectureSpec } from "../../engine";
import type { DesignConstraint } from "../design/constraints";
import { type FieldLayer, receptiveFieldFigure } from "../figures/receptive-field-figure";
import { constraintRequirement } from "../design/constraints.messages";
import type { Lang, ProblemFigure } from "../types";
import { designMessages as messages } from "./design.messages";

/** The example layer in the prompt: 5 filters of 1×1 and no padding, a layer no reference uses. */
const PROMPT_EXAMPLE = '`{"layers": [{"type": "conv2d", "filters": 5, "kernel": 1}]}`';

/** A design prompt: the task, every constraint as a bullet, then how to answer. */
export function designPrompt(task: string, constraints: readonly DesignConstraint[], lang: Lang): string {
  const t = messages(lang);
  const bullets = constraints.map((constraint) => `- ${constraintRequirement(constraint, lang)}`).join("\n");
  return `${task}\n\n${t("common.constraintsIntro")}\n\n${bullets}\n\n${t("common.howToAnswer", { example: PROMPT_EXAMPLE })}`;
}

/**
 * A design solution: the reasoning, the reference spec as JSON (one layer a line, as the JSON
 * mode of the answer form shows a spec) and the engine's analysis of it, layer by layer.
 */
export function designSolution(reasoning: string, reference: ArchitectureSpec, lang: Lang): string {
  const t = messages(lang);
  const json = `{"input": ${JSON.stringify(reference.input)}, "layers": [\n${reference.layers.map((layer) => `  ${JSON.stringify(layer)}`).join(",\n")}\n]}`;
  const rows = analyze(reference).layers.map(
    (row) =>
      `- ${t("common.layerLine", {
        path: `\`${row.path}\``,
        type: `\`${row.type}\``,
        shape: `$[${row.outputShape.join(", ")}]$`,
        params: row.params,
        field: `$${row.receptiveField.join(" \\times ")}$`,
      })}`,
  );
  return `${reasoning}\n\n${t("common.referenceIntro")}\n\n\`\`\`json\n${json}\n\`\`\`\n\n${t("common.layerTable")}\n\n${rows.join("\n")}`;
}

/**
 * The reference's receptive field drawn layer by layer (its convolutions and max pooling; the
 * other layers see one unit each), for the solution of a template whose constraints are about it.
 */
export function referenceFieldFigure(reference: ArchitectureSpec, lang: Lang): ProblemFigure {
  const layers = reference.layers.flatMap((layer): FieldLayer[] => {
    if (layer.type !== "conv2d" && layer.type !== "maxpool2d") return [];
    const scalar = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);
    const kernel = scalar(layer.kernel, 1);
    return [{ kind: layer.type === "conv2d" ? "conv" : "maxpool", kernel, stride: scalar(layer.stride, layer.type === "conv2d" ? 1 : kernel), dilation: scalar(layer.dilation, 1) }];
  });
  return receptiveFieldFigure(layers, lang);
}
