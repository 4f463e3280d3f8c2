import { type Catalogue, createTranslators } from "../messages/catalogue";

/** Messages of `textcnn.features`; LaTeX arrives as arguments. */
const en = {
  title: "TextCNN: features after max-over-time pooling",
  prompt:
    "A textCNN (d2l's `TextCNN`) reads a sentence of {tokens} tokens with {dims}-dimensional embeddings, an input of shape {inputShape} (channels, length). " +
    "It has one 1-D convolution per kernel width, each followed by ReLU and max-over-time pooling (global max pooling over the length); the pooled outputs are concatenated and flattened into one feature vector.\n\n" +
    "{convolutions}" +
    "\n\nHow many features does the concatenated vector have (the input of the final fully connected layer)? Answer with a whole number.",
  convolution: "- kernel width {kernel}, {filters} output channels",
  solution:
    "Each convolution gives, per output channel, a sequence of length $L - k + 1$:\n\n{lengths}\n\nMax-over-time pooling keeps one number per channel whatever its length, so each width contributes its channel count (⟦d2l.max-over-time⟧):" +
    "\n\n{work}\n\nThe feature vector has {answer} entries.",
  length: "- width {kernel}: {work}",
  mistakes: {
    noPooling:
      "It looks like you counted every position of the convolutions' outputs. Max-over-time pooling keeps only the largest value of each channel, one number per channel.",
    onePerWidth:
      "It looks like you kept one number per kernel width. Max-over-time pooling works per channel: each of a width's output channels keeps its own maximum.",
    embeddingDims:
      "The features come from the convolutions' output channels, not the {dims} embedding dimensions, which each convolution sums over.",
  },
} as const;

const zhCN = {
  title: "TextCNN：最大时间汇聚后的特征数",
  prompt:
    "一个 textCNN（d2l 的 `TextCNN`）读取含 {tokens} 个词元、词向量维度为 {dims} 的句子，输入形状为 {inputShape}（通道、长度）。" +
    "每种卷积核宽度对应一个一维卷积层，后接 ReLU 和最大时间汇聚层（也称时序最大汇聚层，即在长度上做全局最大汇聚）；汇聚后的输出连结并展平为一个特征向量。\n\n" +
    "{convolutions}" +
    "\n\n连结后的向量（最后全连接层的输入）有多少个特征？请用一个整数回答。",
  convolution: "- 卷积核宽度 {kernel}，{filters} 个输出通道",
  solution:
    "每个卷积层对每个输出通道给出一个长度为 $L - k + 1$ 的序列：\n\n{lengths}\n\n最大时间汇聚层无论序列多长，每个通道只保留一个数，所以每种宽度贡献的特征数等于它的通道数（⟦d2l.max-over-time⟧）：" +
    "\n\n{work}\n\n特征向量有 {answer} 个元素。",
  length: "- 宽度 {kernel}：{work}",
  mistakes: {
    noPooling: "你似乎把卷积输出的每个位置都算进去了。最大时间汇聚层只保留每个通道的最大值，每个通道一个数。",
    onePerWidth: "你似乎每种卷积核宽度只保留了一个数。最大时间汇聚按通道进行：每个输出通道各保留自己的最大值。",
    embeddingDims: "特征来自卷积层的输出通道，而不是 {dims} 个词向量维度（每个卷积层都对它们求和）。",
  },
} as const satisfies Catalogue<typeof en>;

export const textCnnFeaturesCatalogues = { en, "zh-CN": zhCN } as const;
export const textCnnFeaturesMessages = createTranslators(textCnnFeaturesCatalogues);
