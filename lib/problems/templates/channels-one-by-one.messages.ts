import { type Catalogue, createTranslators } from "../messages";

/** Messages of `channels.one-by-one`; terms as d2l 6.4.3 (1×1 卷积层, 输入通道, 输出通道, 全连接层). */
const en = {
  title: "A 1×1 convolutional layer",
  prompt:
    "A {oneByOne} convolutional layer maps an input of shape {inputShape} (channels, height, width) to {filters} output channels, stride 1, no padding; " +
    "{bias, select, yes {it has a bias.} other {it has no bias.}}" +
    "\n\n{target, select, params {How many trainable parameters does it have?} other {How many multiply-accumulate operations (MACs) does one forward pass of one image take? Count multiplications only, the bias adds none.}}",
  solution:
    "A {oneByOne} convolution looks at one pixel at a time: at every position it multiplies the {channelsIn} input values by a {weightShape} weight matrix, like a fully connected layer applied to each pixel, with the same weights at all {pixels} positions (⟦d2l.one-by-one⟧)." +
    "\n\n{target, select, params {Parameters: the weight matrix{bias, select, yes { plus one bias per output channel} other {}}, counted once because it is shared: {work}} other {MACs: {channelsIn} multiplications for each of the {filters} output channels at each of the {pixels} positions: {work}}}" +
    "\n\nThe answer is {answer}.",
  mistakes: {
    paramsPerPixel: "It looks like you counted the weights once per pixel. The same weights are shared by every position, so they count once.",
    forgotBias: "It looks like you left out the bias: one per output channel, {filters} in all.",
    forgotPixels: "That is the count for a single pixel. The multiplications happen at every one of the {pixels} output positions.",
    forgotInputChannels: "It looks like you left out the input channels: every output value sums over all {channelsIn} input channels.",
  },
} as const;

const zhCN = {
  title: "1×1 卷积层",
  prompt:
    "一个 {oneByOne} 卷积层把形状为 {inputShape}（通道、高度、宽度）的输入映射为 {filters} 个输出通道，步幅为 1，没有填充；" +
    "{bias, select, yes {它有偏置。} other {它没有偏置。}}" +
    "\n\n{target, select, params {它有多少个可训练参数？} other {对一张图像做一次前向计算需要多少次乘加运算（MACs）？只计乘法，偏置不算。}}",
  solution:
    "{oneByOne} 卷积每次只看一个像素：在每个位置把 {channelsIn} 个输入值乘以一个 {weightShape} 的权重矩阵，相当于在每个像素上作用一个全连接层，所有 {pixels} 个位置共用同一组权重（⟦d2l.one-by-one⟧）。" +
    "\n\n{target, select, params {参数：权重矩阵{bias, select, yes {，加上每个输出通道一个偏置} other {}}；因为共享，只算一次：{work}} other {乘加运算：在 {pixels} 个位置上，{filters} 个输出通道各需要 {channelsIn} 次乘法：{work}}}" +
    "\n\n答案是 {answer}。",
  mistakes: {
    paramsPerPixel: "看起来你按每个像素计算了一次权重。所有位置共用同一组权重，所以只算一次。",
    forgotBias: "看起来你漏掉了偏置：每个输出通道一个，共 {filters} 个。",
    forgotPixels: "这是单个像素的次数。乘法在全部 {pixels} 个输出位置上都要做。",
    forgotInputChannels: "看起来你漏掉了输入通道：每个输出值都要对全部 {channelsIn} 个输入通道求和。",
  },
} as const satisfies Catalogue<typeof en>;

export const channelsOneByOneCatalogues = { en, "zh-CN": zhCN } as const;
export const channelsOneByOneMessages = createTranslators(channelsOneByOneCatalogues);
