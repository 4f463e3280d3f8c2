import type { Lang, Localized } from "../types";

/**
 * Words the figures need that the shared glossary (`../glossary.ts`) lacks, in both languages,
 * as d2l writes them (6.2.5 翻转, 7.4 Inception 块 and 连结, 7.6 恒等映射 / 1×1 卷积层, 15.3 TextCNN
 * 最大时间汇聚层). The glossary's terms are used wherever it has one.
 */
const LABELS = {
  flippedKernel: { en: "flipped kernel (180°)", "zh-CN": "翻转后的卷积核（180°）" },
  paddedInput: { en: "padded input", "zh-CN": "填充后的输入" },
  concat: { en: "concatenate on channels", "zh-CN": "在通道维度上连结" },
  add: { en: "add", "zh-CN": "相加" },
  identity: { en: "identity", "zh-CN": "恒等映射" },
  inceptionBlock: { en: "Inception block", "zh-CN": "Inception 块" },
  maxOverTime: { en: "max-over-time pooling", "zh-CN": "最大时间汇聚层" },
  embedding: { en: "embedding", "zh-CN": "词元嵌入" },
  layer: { en: "layer", "zh-CN": "层" },
  shape: { en: "shape", "zh-CN": "形状" },
  growthRate: { en: "growth rate", "zh-CN": "增长率" },
  convBlock: { en: "conv block", "zh-CN": "卷积块" },
  sum: { en: "sum", "zh-CN": "求和" },
  max: { en: "max", "zh-CN": "最大值" },
  mean: { en: "mean", "zh-CN": "平均值" },
  dilation: { en: "dilation", "zh-CN": "膨胀率" },
  channels: { en: "channels", "zh-CN": "通道数" },
  layerInput: { en: "layer input", "zh-CN": "层输入" },
} as const satisfies Record<string, Localized>;

export type FigureLabel = keyof typeof LABELS;

/** Every label, for the tests that scan what a person reads. */
export const figureLabels: Readonly<Record<FigureLabel, Localized>> = LABELS;

export function figureLabel(key: FigureLabel, lang: Lang): string {
  return LABELS[key][lang];
}
