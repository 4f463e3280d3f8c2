import { type Catalogue, createTranslators } from "../messages/catalogue";

/** Messages of `nin.block-shape`; LaTeX arrives as arguments. */
const en = {
  title: "NiN: output shape of a NiN block",
  prompt:
    "A NiN block (d2l's `nin_block`) is a convolution with kernel size {kernel}, stride {stride} and padding {padding} (on each side) and {filters} output channels, " +
    "followed by two {one} convolutions with {filters} output channels; each convolution is followed by ReLU. " +
    "It receives an input of shape {inputShape} (channels, height, width)." +
    "\n\nWhat is the shape of the block's output? Answer with three whole numbers, for example `C x H x W`.",
  solution:
    "Only the first convolution changes height and width (⟦d2l.nin-blocks⟧; output size: ⟦d2l.padding-stride⟧):" +
    "\n\n{formula}\n\n" +
    "- height and width: {work}\n" +
    "- channels: the first convolution outputs {filters} channels, and the {one} convolutions map {filters} channels to {filters} at every pixel, leaving height and width unchanged.\n\n" +
    "The output shape is {answer}.",
  mistakes: {
    inputChannelsKept:
      "The number of output channels is the block's {filters}, not the input's {channelsIn}: each convolution outputs as many channels as it has kernels.",
    forgotPlusOne: "It looks like you left out the $+1$: the first window position counts too.",
    strideIgnored: "It looks like you ignored the stride of the first convolution: divide by it (rounding down) before adding 1.",
    oneByOneShrinks:
      "It looks like you let the {one} convolutions shrink the maps. A {one} kernel fits at every position, so they keep height and width.",
  },
} as const;

const zhCN = {
  title: "NiN：NiN 块的输出形状",
  prompt:
    "一个 NiN 块（d2l 的 `nin_block`）由一个卷积核大小为 {kernel}、步幅为 {stride}、每侧填充为 {padding}、输出 {filters} 个通道的卷积层，" +
    "以及两个输出 {filters} 个通道的 {one} 卷积层组成；每个卷积层后接 ReLU。" +
    "它接收形状为 {inputShape}（通道、高、宽）的输入。" +
    "\n\n该块输出的形状是什么？请用三个整数回答，例如 `C x H x W`。",
  solution:
    "只有第一个卷积层改变高和宽（⟦d2l.nin-blocks⟧；输出大小见 ⟦d2l.padding-stride⟧）：" +
    "\n\n{formula}\n\n" +
    "- 高和宽：{work}\n" +
    "- 通道：第一个卷积层输出 {filters} 个通道，{one} 卷积层在每个像素上把 {filters} 个通道映射为 {filters} 个通道，高和宽不变。\n\n" +
    "输出形状为 {answer}。",
  mistakes: {
    inputChannelsKept: "输出通道数是该块的 {filters}，而不是输入的 {channelsIn}：每个卷积层输出的通道数等于其卷积核的个数。",
    forgotPlusOne: "你似乎漏掉了 $+1$：第一个窗口位置也要计数。",
    strideIgnored: "你似乎忽略了第一个卷积层的步幅：先除以步幅（向下取整），再加 1。",
    oneByOneShrinks: "你似乎让 {one} 卷积缩小了特征映射。{one} 卷积核在每个位置都放得下，所以保持高和宽不变。",
  },
} as const satisfies Catalogue<typeof en>;

export const ninBlockShapeCatalogues = { en, "zh-CN": zhCN } as const;
export const ninBlockShapeMessages = createTranslators(ninBlockShapeCatalogues);
