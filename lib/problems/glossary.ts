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
  // NNDL writes 步长: its own word, shown beside d2l's.
  stride: { en: "stride", "zh-CN": "步幅", alsoKnownAs: ["步长"] },
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
  multiplyAccumulate: { en: "multiply-accumulate operations (MACs)", "zh-CN": "乘加运算" },
  floatingPointOperations: { en: "floating-point operations (FLOPs)", "zh-CN": "浮点运算" },
  imageAugmentation: { en: "image augmentation", "zh-CN": "图像增广" },
  // d2l zh 7.5 / en 8.5: batch normalization
  batchNormalization: { en: "batch normalization", "zh-CN": "批量规范化", alsoKnownAs: ["批量归一化"], avoid: ["批标准化", "批归一化"] },
  scaleParameter: { en: "scale parameter", "zh-CN": "拉伸参数" },
  shiftParameter: { en: "shift parameter", "zh-CN": "偏移参数" },
  movingAverage: { en: "moving average", "zh-CN": "移动平均", avoid: ["滑动平均"] },
  // One name for the running statistics (d2l's moving_mean and moving_var).
  runningStatistics: {
    en: "running mean and variance",
    "zh-CN": "移动平均均值和方差",
    avoid: ["运行统计量", "移动统计量", "移动平均统计量", "运行均值", "均值和方差的移动平均", "移动估计"],
  },
  layerNormalization: { en: "layer normalization", "zh-CN": "层规范化", alsoKnownAs: ["层归一化"] },
  // d2l zh 7.6–7.7 / en 8.6–8.7: ResNet and DenseNet
  residualBlock: { en: "residual block", "zh-CN": "残差块" },
  // d2l: 残差连接 (跨层数据通路); NNDL 5.4.4: 直连边. "捷径" is in neither book.
  residualConnection: { en: "residual connection", "zh-CN": "残差连接", alsoKnownAs: ["直连边"], avoid: ["捷径"] },
  denseNet: { en: "densely connected network", "zh-CN": "稠密连接网络", avoid: ["稠密网络", "密集连接网络"] },
  bottleneck: { en: "bottleneck", "zh-CN": "瓶颈" },
  residualMapping: { en: "residual mapping", "zh-CN": "残差映射" },
  denseBlock: { en: "dense block", "zh-CN": "稠密块", avoid: ["密集块"] },
  growthRate: { en: "growth rate", "zh-CN": "增长率" },
  transitionLayer: { en: "transition layer", "zh-CN": "过渡层" },
  // d2l zh 13.10 / en 14.10, NNDL 5.5: transposed and dilated convolutions
  // NNDL 5.5.1: 转置卷积, also 反卷积; 微步卷积 is the transposed convolution with stride below 1, not its general name.
  transposedConvolution: { en: "transposed convolution", "zh-CN": "转置卷积", alsoKnownAs: ["反卷积"] },
  fractionallyStridedConvolution: { en: "fractionally-strided convolution", "zh-CN": "微步卷积" },
  upsampling: { en: "upsampling", "zh-CN": "上采样" },
  dilatedConvolution: { en: "dilated convolution", "zh-CN": "空洞卷积", alsoKnownAs: ["膨胀卷积"], avoid: ["扩张卷积"] },
  dilationRate: { en: "dilation rate", "zh-CN": "膨胀率", alsoKnownAs: ["空洞率", "扩张率"] },
  groupedConvolution: { en: "grouped convolution", "zh-CN": "分组卷积" },
  // MobileNets (Howard et al. 2017): the Chinese as the cost templates write it
  depthwiseSeparableConvolution: { en: "depthwise-separable convolution", "zh-CN": "深度可分离卷积" },
  depthwiseConvolution: { en: "depthwise convolution", "zh-CN": "逐通道卷积" },
  pointwiseConvolution: { en: "pointwise convolution", "zh-CN": "逐点卷积" },
  // d2l zh 15.3 / en 16.3: textCNN
  wordEmbedding: { en: "word embedding", "zh-CN": "词嵌入" },
  oneDimensionalConvolution: { en: "one-dimensional convolution", "zh-CN": "一维卷积" },
  maxOverTimePooling: { en: "max-over-time pooling", "zh-CN": "最大时间汇聚", alsoKnownAs: ["时序最大汇聚"], avoid: ["时序最大池化", "时间最大汇聚"] },
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
      "multiplyAccumulate",
      "floatingPointOperations",
      "imageAugmentation",
    ],
  },
  {
    id: "batch-normalization",
    title: { en: "Batch normalization", "zh-CN": "批量规范化" },
    terms: ["batchNormalization", "scaleParameter", "shiftParameter", "movingAverage", "runningStatistics", "layerNormalization"],
  },
  {
    id: "resnet-densenet",
    title: { en: "ResNet and DenseNet", "zh-CN": "ResNet 和 DenseNet" },
    terms: ["residualBlock", "residualConnection", "residualMapping", "bottleneck", "denseNet", "denseBlock", "growthRate", "transitionLayer"],
  },
  {
    id: "transposed-dilated",
    title: { en: "Transposed and dilated convolutions", "zh-CN": "转置卷积和空洞卷积" },
    terms: ["transposedConvolution", "fractionallyStridedConvolution", "upsampling", "dilatedConvolution", "dilationRate", "groupedConvolution", "depthwiseSeparableConvolution", "depthwiseConvolution", "pointwiseConvolution"],
  },
  {
    id: "textcnn",
    title: { en: "Convolutions for text (textCNN)", "zh-CN": "用于文本的卷积（textCNN）" },
    terms: ["wordEmbedding", "oneDimensionalConvolution", "maxOverTimePooling"],
  },
] as const satisfies readonly { id: string; title: Localized; terms: readonly GlossaryKey[] }[];
