import type { Lang, Localized } from "./types";

/**
 * The terms of the CNN chapters in both languages, as the books write them: 《动手学深度学习》
 * (第二版) for the Chinese, *Dive into Deep Learning* for the English, with NNDL's names where
 * d2l has none. Prompts, solutions, figures and the interface take their terms from here, so a
 * learner meets one word for one idea. `avoid` lists Chinese variants in common use that the
 * books do not use (a test keeps them out of Stride's texts).
 */
export interface GlossaryTerm {
  en: string;
  "zh-CN": string;
  /** Other Chinese names a learner may know; written in parentheses after the book's on first use. */
  alsoKnownAs?: readonly string[];
  /** Chinese variants Stride never writes. */
  avoid?: readonly string[];
}

export const glossary = {
  input: { en: "input", "zh-CN": "输入" },
  output: { en: "output", "zh-CN": "输出" },
  kernel: { en: "kernel", "zh-CN": "卷积核", alsoKnownAs: ["滤波器"] },
  window: { en: "window", "zh-CN": "窗口" },
  poolingWindow: { en: "pooling window", "zh-CN": "汇聚窗口" },
  padding: { en: "padding", "zh-CN": "填充" },
  stride: { en: "stride", "zh-CN": "步幅", avoid: ["步长"] },
  crossCorrelation: { en: "cross-correlation", "zh-CN": "互相关运算" },
  convolution: { en: "convolution", "zh-CN": "卷积" },
  featureMap: { en: "feature map", "zh-CN": "特征映射", alsoKnownAs: ["特征图"] },
  channel: { en: "channel", "zh-CN": "通道" },
  pooling: { en: "pooling", "zh-CN": "汇聚", alsoKnownAs: ["池化"] },
  maxPooling: { en: "max pooling", "zh-CN": "最大汇聚", alsoKnownAs: ["最大池化"] },
  averagePooling: { en: "average pooling", "zh-CN": "平均汇聚", alsoKnownAs: ["平均池化"] },
  receptiveField: { en: "receptive field", "zh-CN": "感受野" },
  transposedConvolution: { en: "transposed convolution", "zh-CN": "转置卷积", alsoKnownAs: ["微步卷积"], avoid: ["反卷积"] },
  dilatedConvolution: { en: "dilated convolution", "zh-CN": "空洞卷积", alsoKnownAs: ["膨胀卷积"] },
  batchNormalization: { en: "batch normalization", "zh-CN": "批量规范化", alsoKnownAs: ["批量归一化"] },
  residualBlock: { en: "residual block", "zh-CN": "残差块" },
  denseBlock: { en: "dense block", "zh-CN": "稠密块" },
  transitionLayer: { en: "transition layer", "zh-CN": "过渡层" },
  parameters: { en: "parameters", "zh-CN": "参数" },
  weight: { en: "weight", "zh-CN": "权重" },
  bias: { en: "bias", "zh-CN": "偏置" },
  fullyConnectedLayer: { en: "fully connected layer", "zh-CN": "全连接层" },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryKey = keyof typeof glossary;

/** The book's word for `key` in `lang`. */
export function term(key: GlossaryKey, lang: Lang): string {
  return glossary[key][lang];
}

/** Both languages of a term, for catalogues that build their texts from it. */
export function terms(key: GlossaryKey): Localized {
  return { en: glossary[key].en, "zh-CN": glossary[key]["zh-CN"] };
}
