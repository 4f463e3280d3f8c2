import { ProblemError } from "./errors";
import { nearestNames } from "./nearest-names";
import { registerTemplate, type RegisteredTemplate } from "./template";
import { convOutputSizeTemplate } from "./templates/conv-output-size";
import { groupATemplates } from "./templates/group-a";
import { groupBTemplates } from "./templates/group-b";
import { groupBlocksTemplates } from "./templates/group-blocks";
import { groupCTemplates } from "./templates/group-c";
import { groupDesignTemplates } from "./templates/group-design";
import { groupClassicsTemplates } from "./templates/group-classics";
import { groupCostTemplates } from "./templates/group-cost";
import { groupGradientsTemplates } from "./templates/group-gradients";
import type { TemplateInfo } from "./types";

/**
 * Every template, by id, in the order a new learner meets them. A new template is one file in
 * `templates/` and one line in its group's list: group A, the convolution basics (d2l ch. 6 /
 * NNDL 5.1–5.3); B, fields, transposed and dilated convolutions, architectures, batch norm and
 * residual blocks; C, dense connections, Inception, NiN, TextCNN and the concept questions;
 * design, networks the learner writes to meet constraints (answer kind `spec`);
 * gradients, backpropagation through convolution and pooling (NNDL 5.3); cost, parameters,
 * compute and activation memory (FLOPs, Inception reductions, depthwise-separable and grouped
 * convolutions); then
 * the classics group (the textbook constructions behind the layers); the blocks group (bottleneck
 * and ResNeXt blocks, DenseNet growth, stage traces, normalization).
 */
const templates: ReadonlyMap<string, RegisteredTemplate> = new Map(
  [convOutputSizeTemplate, ...groupATemplates, ...groupBTemplates, ...groupCTemplates, ...groupDesignTemplates, ...groupGradientsTemplates, ...groupCostTemplates, ...groupClassicsTemplates, ...groupBlocksTemplates]
    .map(registerTemplate)
    .map((template) => [template.template, template]),
);

/** Every template's description, in registration order. */
export function listTemplates(): TemplateInfo[] {
  return [...templates.values()].map(({ template, topic, title, answerKind, difficulties }) => ({
    template,
    topic,
    title,
    answerKind,
    difficulties,
  }));
}

/** The template with this id, or `undefined` (a card may outlive its template). */
export function getTemplate(id: string): RegisteredTemplate | undefined {
  return templates.get(id);
}

/**
 * The template with this id, or a `ProblemError` "unknown-template" naming the nearest ids when
 * some are close (a typo), else listing every known one.
 */
export function requireTemplate(id: string): RegisteredTemplate {
  const template = templates.get(id);
  if (!template) throw new ProblemError("unknown-template", unknownTemplateMessage(id));
  return template;
}

/** `unknown template "conv.outptu-size"; did you mean conv.output-size?`, or the whole list. */
export function unknownTemplateMessage(id: string): string {
  const known = [...templates.keys()];
  const nearest = nearestNames(id, known);
  if (nearest.length === 0) return `unknown template ${JSON.stringify(id)}; known templates: ${known.join(", ")}`;
  const suggestion = nearest.length === 1 ? nearest[0] : `${nearest.slice(0, -1).join(", ")} or ${nearest.at(-1)}`;
  return `unknown template ${JSON.stringify(id)}; did you mean ${suggestion}? (${known.length} templates in all)`;
}
