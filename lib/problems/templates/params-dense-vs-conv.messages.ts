import { type Catalogue, createTranslators } from "../messages";

/** Messages of `params.dense-vs-conv`; terms as d2l 6.1 (全连接层, 卷积层, 参数, 平移不变性, 局部性). */
const en = {
  title: "Parameters: a dense layer versus a convolution",
  prompt:
    "An image of shape {imageShape} (channels, height, width) is fed to one of two layers, each with a bias:" +
    "\n\n" +
    "- a dense (fully connected) layer on the flattened image, with {units} outputs;\n" +
    "- a convolutional layer with {filters} output channels and {kernel} kernels.\n\n" +
    "How many trainable parameters does the {target, select, dense {dense layer} other {convolutional layer}} have?",
  solution:
    "A dense layer, or fully connected layer, connects every input value to every output and adds one bias per output; a convolutional layer has one small kernel per output channel, shared by every position, and one bias per output channel (⟦d2l.fc-to-conv⟧):" +
    "\n\n" +
    "- dense: {denseWork}\n" +
    "- convolution: {convWork}\n\n" +
    "{target, select, dense {The dense layer has {answer} parameters, {ratio} times as many as the convolution.} other {The convolutional layer has {answer} parameters; the dense layer has {ratio} times as many.}}",
  mistakes: {
    forgotBias: "It looks like you left out the biases: one per {target, select, dense {output unit} other {output channel}}.",
    forgotInputChannels:
      "It looks like you left out the {channels} input channels: {target, select, dense {the flattened image has channels × height × width values} other {each kernel spans all input channels}}.",
    otherLayer: "That is the count of the other layer: the question asks about the {target, select, dense {dense layer} other {convolutional layer}}.",
  },
} as const;

const zhCN = {
  title: "参数个数：全连接层与卷积层",
  prompt:
    "一张形状为 {imageShape}（通道、高度、宽度）的图像输入下面两层中的一层，两层都有偏置：" +
    "\n\n" +
    "- 一个全连接层，作用于展平后的图像，有 {units} 个输出；\n" +
    "- 一个卷积层，有 {filters} 个输出通道，卷积核大小为 {kernel}。\n\n" +
    "{target, select, dense {全连接层} other {卷积层}}有多少个可训练参数？",
  solution:
    "全连接层把每个输入值连接到每个输出，并为每个输出加一个偏置；卷积层每个输出通道只有一个小卷积核，在所有位置共享，外加每个输出通道一个偏置（⟦d2l.fc-to-conv⟧）：" +
    "\n\n" +
    "- 全连接层：{denseWork}\n" +
    "- 卷积层：{convWork}\n\n" +
    "{target, select, dense {全连接层有 {answer} 个参数，是卷积层的 {ratio} 倍。} other {卷积层有 {answer} 个参数；全连接层的参数个数是它的 {ratio} 倍。}}",
  mistakes: {
    forgotBias: "看起来你漏掉了偏置：每个{target, select, dense {输出单元} other {输出通道}}一个。",
    forgotInputChannels: "看起来你漏掉了 {channels} 个输入通道：{target, select, dense {展平后的图像有 通道 × 高度 × 宽度 个值} other {每个卷积核覆盖全部输入通道}}。",
    otherLayer: "这是另一层的参数个数：题目问的是{target, select, dense {全连接层} other {卷积层}}。",
  },
} as const satisfies Catalogue<typeof en>;

export const paramsDenseVsConvCatalogues = { en, "zh-CN": zhCN } as const;
export const paramsDenseVsConvMessages = createTranslators(paramsDenseVsConvCatalogues);
