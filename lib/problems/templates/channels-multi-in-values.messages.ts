import { type Catalogue, createTranslators } from "../messages";

/** Messages of `channels.multi-in-values`; terms as d2l 6.4.1 (多输入通道, 互相关运算, 卷积核, 偏置). */
const en = {
  title: "Cross-correlation with multiple input channels",
  prompt:
    "A convolutional layer with one output channel receives an input $X$ with {channels} channels; its kernel $K$ has one {kernelSize} slice per input channel{bias, select, yes {, and its bias is {biasValue}} other {}}. Stride 1, no padding." +
    "\n\n{input}\n\n{kernel}\n\n" +
    "What is the output? Answer with the output matrix, rows separated by `;` (for example `1 2; 3 4`).",
  solution:
    "With several input channels, cross-correlate each input channel with its own kernel slice, then add the results over the channels{bias, select, yes { and the bias} other {}} (⟦d2l.multi-in⟧):" +
    "\n\n{channelWork}\n\n" +
    "{sumWork}\n\n" +
    "The output is\n\n{answer}",
  mistakes: {
    firstChannelOnly: "This is the cross-correlation of the first channel alone. Each of the {channels} input channels is cross-correlated with its own kernel slice, and the results are added.",
    averagedChannels: "It looks like you averaged the channels' results. A multi-channel cross-correlation adds them; it does not divide by the number of channels.",
    kernelFlipped: "It looks like you flipped the kernel slices. A convolutional layer computes a cross-correlation: the kernel is used as given (⟦d2l.xcorr-vs-conv⟧).",
    forgotBias: "It looks like you left out the bias {biasValue}: it is added once to every output entry, after summing over the channels.",
  },
} as const;

const zhCN = {
  title: "多输入通道的互相关运算",
  prompt:
    "一个只有一个输出通道的卷积层，输入 $X$ 有 {channels} 个通道；卷积核 $K$ 对每个输入通道各有一个 {kernelSize} 的切片{bias, select, yes {，偏置为 {biasValue}} other {}}。步幅为 1，没有填充。" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "输出是什么？请写出输出矩阵，各行之间用 `;` 分隔（例如 `1 2; 3 4`）。",
  solution:
    "输入有多个通道时，对每个输入通道用它自己的卷积核切片做互相关运算，再把各通道的结果相加{bias, select, yes {，最后加上偏置} other {}}（⟦d2l.multi-in⟧）：" +
    "\n\n{channelWork}\n\n" +
    "{sumWork}\n\n" +
    "输出为\n\n{answer}",
  mistakes: {
    firstChannelOnly: "这只是第一个通道的互相关结果。{channels} 个输入通道都要各自与对应的卷积核切片做互相关运算，再把结果相加。",
    averagedChannels: "看起来你对各通道的结果取了平均。多通道互相关运算是把结果相加，不除以通道数。",
    kernelFlipped: "看起来你翻转了卷积核切片。卷积层做的是互相关运算：卷积核按原样使用（⟦d2l.xcorr-vs-conv⟧）。",
    forgotBias: "看起来你漏掉了偏置 {biasValue}：对各通道求和之后，它要加到每个输出元素上。",
  },
} as const satisfies Catalogue<typeof en>;

export const channelsMultiInValuesCatalogues = { en, "zh-CN": zhCN } as const;
export const channelsMultiInValuesMessages = createTranslators(channelsMultiInValuesCatalogues);
