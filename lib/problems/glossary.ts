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
  // d2l zh 6.1–6.2 / en 7.1–7.2, NNDL 5.1: from dense layers to convolutions
  input: { en: "input", "zh-CN": "输入" },
  output: { en: "output", "zh-CN": "输出" },
  translationInvariance: { en: "translation invariance", "zh-CN": "平移不变性" },
  locality: { en: "locality", "zh-CN": "局部性" },
  crossCorrelation: { en: "cross-correlation", "zh-CN": "互相关运算" },
  convolution: { en: "convolution", "zh-CN": "卷积" },
  convolutionalLayer: { en: "convolutional layer", "zh-CN": "卷积层" },
  kernel: { en: "kernel", "zh-CN": "卷积核", alsoKnownAs: ["滤波器"], avoid: ["过滤器"] },
  window: { en: "window", "zh-CN": "窗口" },
  featureMap: { en: "feature map", "zh-CN": "特征映射", alsoKnownAs: ["特征图"] },
  receptiveField: { en: "receptive field", "zh-CN": "感受野", avoid: ["接受域", "感受域"] },
  edgeDetection: { en: "edge detection", "zh-CN": "边缘检测" },
  weightSharing: { en: "weight sharing", "zh-CN": "权重共享", avoid: ["权值共享"] },
  // d2l zh 6.3 / en 7.3, NNDL 5.1.3: padding and stride
  padding: { en: "padding", "zh-CN": "填充", avoid: ["补零", "填补"] },
  stride: { en: "stride", "zh-CN": "步幅", avoid: ["步长"] },
  narrowConvolution: { en: "narrow convolution", "zh-CN": "窄卷积" },
  wideConvolution: { en: "wide convolution", "zh-CN": "宽卷积" },
  equalWidthConvolution: { en: "equal-width convolution", "zh-CN": "等宽卷积" },
  // d2l zh 6.4 / en 7.4: channels
  channel: { en: "channel", "zh-CN": "通道" },
  multipleChannels: { en: "multiple input and multiple output channels", "zh-CN": "多输入多输出通道" },
  oneByOneConvolution: { en: "1×1 convolutional layer", "zh-CN": "1×1 卷积层" },
  // d2l zh 6.5 / en 7.5: pooling
  pooling: { en: "pooling", "zh-CN": "汇聚", alsoKnownAs: ["池化"] },
  poolingLayer: { en: "pooling layer", "zh-CN": "汇聚层", alsoKnownAs: ["池化层"] },
  poolingWindow: { en: "pooling window", "zh-CN": "汇聚窗口", alsoKnownAs: ["池化窗口"] },
  maxPooling: { en: "max pooling", "zh-CN": "最大汇聚", alsoKnownAs: ["最大池化"] },
  averagePooling: { en: "average pooling", "zh-CN": "平均汇聚", alsoKnownAs: ["平均池化"] },
  globalAveragePooling: { en: "global average pooling", "zh-CN": "全局平均汇聚", alsoKnownAs: ["全局平均池化"] },
  downsampling: { en: "downsampling", "zh-CN": "下采样" },
  // d2l zh 6.6–7.4 / en 7.6–8.4: the classic networks
  parameters: { en: "parameters", "zh-CN": "参数" },
  weight: { en: "weight", "zh-CN": "权重" },
  bias: { en: "bias", "zh-CN": "偏置", avoid: ["偏差项"] },
  fullyConnectedLayer: { en: "fully connected layer", "zh-CN": "全连接层", alsoKnownAs: ["稠密层"] },
  activationFunction: { en: "activation function", "zh-CN": "激活函数" },
  dropout: { en: "dropout", "zh-CN": "暂退法", avoid: ["丢弃法"] },
  vggBlock: { en: "VGG block", "zh-CN": "VGG块" },
  ninBlock: { en: "NiN block", "zh-CN": "NiN块" },
  inceptionBlock: { en: "Inception block", "zh-CN": "Inception块" },
  concatenation: { en: "concatenation", "zh-CN": "连结", avoid: ["拼接"] },
  // d2l zh 7.5 / en 8.5: batch normalization
  batchNormalization: { en: "batch normalization", "zh-CN": "批量规范化", alsoKnownAs: ["批量归一化"], avoid: ["批标准化", "批归一化"] },
  scaleParameter: { en: "scale parameter", "zh-CN": "拉伸参数" },
  shiftParameter: { en: "shift parameter", "zh-CN": "偏移参数" },
  movingAverage: { en: "moving average", "zh-CN": "移动平均", avoid: ["滑动平均"] },
  runningStatistics: { en: "running mean and variance", "zh-CN": "移动平均均值和方差" },
  // d2l zh 7.6–7.7 / en 8.6–8.7: ResNet and DenseNet
  residualBlock: { en: "residual block", "zh-CN": "残差块" },
  residualMapping: { en: "residual mapping", "zh-CN": "残差映射" },
  denseBlock: { en: "dense block", "zh-CN": "稠密块", avoid: ["密集块"] },
  growthRate: { en: "growth rate", "zh-CN": "增长率" },
  transitionLayer: { en: "transition layer", "zh-CN": "过渡层" },
  // d2l zh 13.10 / en 14.10, NNDL 5.5: transposed and dilated convolutions
  transposedConvolution: { en: "transposed convolution", "zh-CN": "转置卷积", alsoKnownAs: ["微步卷积"], avoid: ["反卷积"] },
  dilatedConvolution: { en: "dilated convolution", "zh-CN": "空洞卷积", alsoKnownAs: ["膨胀卷积"], avoid: ["扩张卷积"] },
  dilationRate: { en: "dilation rate", "zh-CN": "膨胀率", alsoKnownAs: ["扩张率"] },
  // d2l zh 15.3 / en 16.3: textCNN
  wordEmbedding: { en: "word embedding", "zh-CN": "词嵌入" },
  oneDimensionalConvolution: { en: "one-dimensional convolution", "zh-CN": "一维卷积" },
  maxOverTimePooling: { en: "max-over-time pooling", "zh-CN": "最大时间汇聚", alsoKnownAs: ["时序最大汇聚"], avoid: ["时序最大池化"] },
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

/**
 * The glossary by the books' chapters, for the glossary page; every key appears in exactly one
 * topic (a test checks it).
 */
export const glossaryTopics = [
  {
    id: "convolution",
    title: { en: "From dense layers to convolutions", "zh-CN": "从全连接层到卷积" },
    terms: [
      "input",
      "output",
      "translationInvariance",
      "locality",
      "crossCorrelation",
      "convolution",
      "convolutionalLayer",
      "kernel",
      "window",
      "featureMap",
      "receptiveField",
      "edgeDetection",
      "weightSharing",
    ],
  },
  {
    id: "padding-stride",
    title: { en: "Padding and stride", "zh-CN": "填充和步幅" },
    terms: ["padding", "stride", "narrowConvolution", "wideConvolution", "equalWidthConvolution"],
  },
  {
    id: "channels",
    title: { en: "Channels", "zh-CN": "通道" },
    terms: ["channel", "multipleChannels", "oneByOneConvolution"],
  },
  {
    id: "pooling",
    title: { en: "Pooling", "zh-CN": "汇聚层" },
    terms: ["pooling", "poolingLayer", "poolingWindow", "maxPooling", "averagePooling", "globalAveragePooling", "downsampling"],
  },
  {
    id: "architectures",
    title: { en: "Classic CNN architectures", "zh-CN": "经典卷积神经网络" },
    terms: [
      "parameters",
      "weight",
      "bias",
      "fullyConnectedLayer",
      "activationFunction",
      "dropout",
      "vggBlock",
      "ninBlock",
      "inceptionBlock",
      "concatenation",
    ],
  },
  {
    id: "batch-normalization",
    title: { en: "Batch normalization", "zh-CN": "批量规范化" },
    terms: ["batchNormalization", "scaleParameter", "shiftParameter", "movingAverage", "runningStatistics"],
  },
  {
    id: "resnet-densenet",
    title: { en: "ResNet and DenseNet", "zh-CN": "ResNet 和 DenseNet" },
    terms: ["residualBlock", "residualMapping", "denseBlock", "growthRate", "transitionLayer"],
  },
  {
    id: "transposed-dilated",
    title: { en: "Transposed and dilated convolutions", "zh-CN": "转置卷积和空洞卷积" },
    terms: ["transposedConvolution", "dilatedConvolution", "dilationRate"],
  },
  {
    id: "textcnn",
    title: { en: "Convolutions for text (textCNN)", "zh-CN": "用于文本的卷积（textCNN）" },
    terms: ["wordEmbedding", "oneDimensionalConvolution", "maxOverTimePooling"],
  },
] as const satisfies readonly { id: string; title: Localized; terms: readonly GlossaryKey[] }[];
