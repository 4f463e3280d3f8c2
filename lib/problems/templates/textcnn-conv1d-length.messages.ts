import { type Catalogue, createTranslators } from "../messages/catalogue";

/** Messages of `textcnn.conv1d-length`; LaTeX arrives as arguments. */
const en = {
  title: "TextCNN: output of a 1-D convolution over a sentence",
  prompt:
    "A sentence of {tokens} tokens is represented by {dims}-dimensional word embeddings, so the input to a 1-D convolution is a sequence of length {tokens} with {dims} channels: shape {inputShape} (channels, length). " +
    "The convolution has {filters} output channels and kernel width {kernel} (it looks at {kernel}-grams){padding, plural, =0 {, no padding} other {, padding {padding} at each end}}{stride, plural, =1 {} other { and stride {stride}}}." +
    "\n\nWhat is the shape of its output? Answer with two whole numbers, channels then length, for example `C x L`.",
  solution:
    "A 1-D convolution slides its kernel along the sequence; the embedding dimensions are its input channels, summed over like the channels of an image (⟦d2l.conv1d⟧):" +
    "\n\n{formula}\n\n" +
    "- length: {work}\n" +
    "- channels: one per kernel, {filters}.\n\n" +
    "The output shape is {answer}.",
  mistakes: {
    forgotPlusOne: "It looks like you left out the $+1$: a sentence of $L$ tokens has $L - k + 1$ windows of $k$ consecutive tokens.",
    embeddingKept:
      "The output channels are the convolution's {filters} kernels, not the {dims} embedding dimensions: each kernel sums over all of them.",
    lengthKept:
      "It looks like you kept the sentence's length. Without enough padding a width-$k$ kernel fits at fewer positions than there are tokens.",
    paddingOnce: "It looks like you added the padding only once. The padding is added at both ends of the sequence: $L + 2p$.",
  },
} as const;

const zhCN = {
  title: "TextCNN：句子上一维卷积的输出",
  prompt:
    "一个含 {tokens} 个词元的句子用 {dims} 维词向量表示，所以一维卷积的输入是长度为 {tokens}、有 {dims} 个通道的序列：形状为 {inputShape}（通道、长度）。" +
    "该卷积层有 {filters} 个输出通道，卷积核宽度为 {kernel}（每次看 {kernel} 元语法）{padding, plural, =0 {，无填充} other {，两端各填充 {padding}}}{stride, plural, =1 {} other {，步幅为 {stride}}}。" +
    "\n\n输出的形状是什么？请用两个整数回答（先通道后长度），例如 `C x L`。",
  solution:
    "一维卷积沿序列滑动卷积核；词向量的各个维度是它的输入通道，像图像的通道一样被求和（⟦d2l.conv1d⟧）：" +
    "\n\n{formula}\n\n" +
    "- 长度：{work}\n" +
    "- 通道：每个卷积核一个，共 {filters} 个。\n\n" +
    "输出形状为 {answer}。",
  mistakes: {
    forgotPlusOne: "你似乎漏掉了 $+1$：含 $L$ 个词元的句子有 $L - k + 1$ 个由 $k$ 个相邻词元组成的窗口。",
    embeddingKept: "输出通道数是卷积层的 {filters} 个卷积核，而不是 {dims} 个词向量维度：每个卷积核对所有维度求和。",
    lengthKept: "你似乎保持了句子的长度。填充不够时，宽为 $k$ 的卷积核能放下的位置比词元数少。",
    paddingOnce: "你似乎只加了一次填充。填充加在序列的两端：$L + 2p$。",
  },
} as const satisfies Catalogue<typeof en>;

export const textCnnConv1dLengthCatalogues = { en, "zh-CN": zhCN } as const;
export const textCnnConv1dLengthMessages = createTranslators(textCnnConv1dLengthCatalogues);
