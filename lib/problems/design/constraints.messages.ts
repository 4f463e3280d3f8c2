import { type Catalogue, createTranslators } from "../messages";
import type { Lang } from "../types";
import type { ConstraintOutcome, DesignConstraint } from "./constraints";

/**
 * Names and requirements of design constraints, shown in a design problem's prompt and, one line
 * a constraint, in the feedback after grading. Numbers arrive as KaTeX or code arguments.
 */
const en = {
  name: {
    inputShape: "Input shape",
    outputShape: "Output shape",
    maxParams: "Parameters",
    layerTypes: "Layer types",
    kernelSizes: "Kernel size",
    dilation: "Dilation",
    minReceptiveField: "Receptive field",
    convCount: "Convolutional layers",
  },
  requirement: {
    inputShape: "the network takes an input of shape {shape} (channels, height, width)",
    outputShape: "its output has shape {shape}",
    maxParams: "at most {max} trainable parameters in all (weights and biases)",
    layerTypes: "only these layer types: {types}",
    kernelSizes: "every convolution has a square kernel of side {sizes}",
    dilation: "every convolution has dilation {dilation}",
    minReceptiveField: "one unit of the output sees at least {min} input pixels along each axis (its receptive field)",
    convCount: "exactly {count, plural, =1 {one convolutional layer} other {# convolutional layers}}",
  },
  found: {
    inputShape: "your spec takes {value}",
    outputShape: "your network outputs {value}",
    maxParams: "your network has {value}",
    layerOk: "every layer is allowed",
    layerType: "layer {path} is a {value}",
    kernelOk: "every convolution’s kernel is allowed",
    kernel: "layer {path} has a {value} kernel",
    dilationOk: "every convolution has it",
    dilation: "layer {path} has dilation {value}",
    minReceptiveField: "yours is {value}",
    convCount: "yours has {value}",
  },
  line: "{met, select, true {✓ met} other {✗ not met}}: **{name}**: {requirement}; {found}.",
} as const;

const zhCN = {
  name: {
    inputShape: "输入形状",
    outputShape: "输出形状",
    maxParams: "参数量",
    layerTypes: "层的类型",
    kernelSizes: "卷积核大小",
    dilation: "膨胀率（空洞率）",
    minReceptiveField: "感受野",
    convCount: "卷积层数",
  },
  requirement: {
    inputShape: "网络的输入形状为 {shape}（通道、高度、宽度）",
    outputShape: "输出形状为 {shape}",
    maxParams: "可训练参数（权重和偏置）总数不超过 {max}",
    layerTypes: "只使用这些类型的层：{types}",
    kernelSizes: "每个卷积层的卷积核都是边长为 {sizes} 的正方形",
    dilation: "每个卷积层的膨胀率都是 {dilation}",
    minReceptiveField: "输出的一个单元在每个维度上至少看到 {min} 个输入像素（感受野）",
    convCount: "恰好 {count, plural, other {#}} 个卷积层",
  },
  found: {
    inputShape: "你的网络输入为 {value}",
    outputShape: "你的网络输出为 {value}",
    maxParams: "你的网络有 {value} 个",
    layerOk: "所有层都符合要求",
    layerType: "第 {path} 层是 {value}",
    kernelOk: "所有卷积核都符合要求",
    kernel: "第 {path} 层的卷积核为 {value}",
    dilationOk: "所有卷积层都符合",
    dilation: "第 {path} 层的膨胀率为 {value}",
    minReceptiveField: "你的感受野为 {value}",
    convCount: "你的网络有 {value} 个",
  },
  line: "{met, select, true {✓ 满足} other {✗ 未满足}}：**{name}**：{requirement}；{found}。",
} as const satisfies Catalogue<typeof en>;

export const designConstraintCatalogues = { en, "zh-CN": zhCN } as const;
const messages = createTranslators(designConstraintCatalogues);

const NAME_KEYS = {
  "input-shape": "inputShape",
  "output-shape": "outputShape",
  "max-params": "maxParams",
  "layer-types": "layerTypes",
  "kernel-sizes": "kernelSizes",
  dilation: "dilation",
  "min-receptive-field": "minReceptiveField",
  "conv-count": "convCount",
} as const satisfies Record<DesignConstraint["kind"], keyof typeof en.name>;

const shapeTex = (shape: readonly number[]) => `$[${shape.join(", ")}]$`;
const countTex = (value: number) => `$${value.toLocaleString("en-US").replace(/,/g, "{,}")}$`;
const listOf = (items: readonly string[], lang: Lang) => items.join(lang === "zh-CN" ? "、" : ", ");

/** The constraint's short name: "Parameters", 「参数量」. */
export function constraintName(constraint: DesignConstraint, lang: Lang): string {
  return messages(lang)(`name.${NAME_KEYS[constraint.kind]}`);
}

/** What the constraint asks, as a clause: "at most $20{,}000$ trainable parameters in all …". */
export function constraintRequirement(constraint: DesignConstraint, lang: Lang): string {
  const t = messages(lang);
  switch (constraint.kind) {
    case "input-shape":
      return t("requirement.inputShape", { shape: shapeTex(constraint.shape) });
    case "output-shape":
      return t("requirement.outputShape", { shape: shapeTex(constraint.shape) });
    case "max-params":
      return t("requirement.maxParams", { max: countTex(constraint.max) });
    case "layer-types":
      return t("requirement.layerTypes", { types: listOf(constraint.allowed.map((type) => `\`${type}\``), lang) });
    case "kernel-sizes":
      return t("requirement.kernelSizes", { sizes: listOf(constraint.allowed.map((side) => `$${side}$`), lang) });
    case "dilation":
      return t("requirement.dilation", { dilation: `$${constraint.value}$` });
    case "min-receptive-field":
      return t("requirement.minReceptiveField", { min: `$${constraint.min}$` });
    case "conv-count":
      return t("requirement.convCount", { count: constraint.count });
  }
}

/** What the learner's spec has where the constraint looks. */
function foundText({ constraint, met, found }: ConstraintOutcome, lang: Lang): string {
  const t = messages(lang);
  const at = { path: `\`${found.path ?? ""}\``, value: found.value };
  switch (constraint.kind) {
    case "input-shape":
      return t("found.inputShape", at);
    case "output-shape":
      return t("found.outputShape", at);
    case "max-params":
      return t("found.maxParams", at);
    case "layer-types":
      return met ? t("found.layerOk") : t("found.layerType", at);
    case "kernel-sizes":
      return met ? t("found.kernelOk") : t("found.kernel", at);
    case "dilation":
      return met ? t("found.dilationOk") : t("found.dilation", at);
    case "min-receptive-field":
      return t("found.minReceptiveField", at);
    case "conv-count":
      return t("found.convCount", at);
  }
}

/** One line of feedback: met or not, the constraint's name and requirement, what the spec has. */
export function outcomeLine(outcome: ConstraintOutcome, lang: Lang): string {
  return messages(lang)("line", {
    met: String(outcome.met),
    name: constraintName(outcome.constraint, lang),
    requirement: constraintRequirement(outcome.constraint, lang),
    found: foundText(outcome, lang),
  });
}
