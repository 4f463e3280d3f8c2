import { type Catalogue, createTranslators } from "../messages";

/** Messages of `tconv.output-size`; ICU syntax, LaTeX and numbers arrive as arguments. */
const en = {
  title: "Output shape of a transposed convolution",
  prompt:
    "A 2-D transposed convolutional layer (PyTorch `nn.ConvTranspose2d`) receives an input of shape {inputShape} (channels, height, width; no batch dimension). " +
    "It has {filters} output {filtersCount, plural, =1 {channel} other {channels}}, kernel size {kernel}, stride {stride} and padding {padding}" +
    "{outputPadding, select, none {.} other {, with output padding {outputPadding}.}}" +
    "{form, select, rect { Pairs are given as (height, width).} other {}}" +
    "\n\nWhat is the shape of the output? Answer with three whole numbers in the order channels, height, width.",
  solution:
    "A transposed convolution places a copy of the kernel, scaled by each input value, every $s$ pixels and sums the overlaps; padding $p$ then removes $p$ rows and columns on each side, and output padding adds rows and columns at the end " +
    "(⟦d2l.transposed-conv⟧; PyTorch `ConvTranspose2d`, Shape):" +
    "\n\n{formula}\n\n" +
    "- height: {heightWork}\n" +
    "- width: {widthWork}\n" +
    "- channels: one per output channel of the layer, {filters}.\n\n" +
    "The output shape is {answer}.",
  mistakes: {
    convFormula:
      "It looks like you used the convolution formula. A transposed convolution goes the other way: it multiplies by the stride instead of dividing, $(n - 1) \\cdot s - 2p + k$ plus the output padding.",
    forgotOutputPadding:
      "It looks like you left out the output padding. It adds that many rows and columns at the bottom and right of the output.",
    paddingAdded:
      "It looks like you added the padding. In a transposed convolution padding removes $p$ rows and columns from each side of the output, so subtract $2p$.",
    inputChannelsKept:
      "The number of output channels is the layer’s {filters}, not the input’s {channelsIn}.",
  },
} as const;

const zhCN = {
  title: "转置卷积的输出形状",
  prompt:
    "一个二维转置卷积层（也称反卷积；PyTorch 的 `nn.ConvTranspose2d`）的输入形状为 {inputShape}（通道、高度、宽度；不含批量维度）。" +
    "它有 {filtersCount, plural, other {{filters} 个输出通道}}，卷积核大小为 {kernel}，步幅为 {stride}，填充为 {padding}" +
    "{outputPadding, select, none {。} other {，输出填充（output padding）为 {outputPadding}。}}" +
    "{form, select, rect {成对的数按（高度，宽度）给出。} other {}}" +
    "\n\n输出形状是什么？请按通道、高度、宽度的顺序写出三个整数。",
  solution:
    "转置卷积把卷积核乘以每个输入元素后，每隔 $s$ 个像素放置一份并把重叠部分相加；然后填充 $p$ 在每侧删去 $p$ 行和列，输出填充在末尾补上行和列" +
    "（⟦d2l.transposed-conv⟧；PyTorch `ConvTranspose2d` 文档 Shape 一节）：" +
    "\n\n{formula}\n\n" +
    "- 高度：{heightWork}\n" +
    "- 宽度：{widthWork}\n" +
    "- 通道：等于该层的输出通道数 {filters}。\n\n" +
    "输出形状为 {answer}。",
  mistakes: {
    convFormula:
      "看起来你用了卷积的公式。转置卷积方向相反：乘以步幅而不是除以步幅，即 $(n - 1) \\cdot s - 2p + k$ 再加输出填充。",
    forgotOutputPadding: "看起来你漏掉了输出填充。它会在输出的下方和右侧补上相应数量的行和列。",
    paddingAdded: "看起来你把填充加上了。在转置卷积中，填充是从输出的每一侧删去 $p$ 行和列，所以要减去 $2p$。",
    inputChannelsKept: "输出通道数是该层的 {filters}，而不是输入通道数 {channelsIn}。",
  },
} as const satisfies Catalogue<typeof en>;

export const transposedConvOutputSizeCatalogues = { en, "zh-CN": zhCN } as const;
export const transposedConvOutputSizeMessages = createTranslators(transposedConvOutputSizeCatalogues);
