import { type Catalogue, createTranslators } from "../messages/catalogue";

/** Messages of `inception.params`; LaTeX arrives as arguments. */
const en = {
  title: "GoogLeNet: parameters of an Inception block",
  prompt:
    "An Inception block of GoogLeNet receives an input with {channelsIn} channels. Its four paths are: a {one} convolution with $c_1$ output channels; a {one} convolution with $c_2[0]$ channels then a {three} convolution (padding 1) with $c_2[1]$; " +
    "a {one} convolution with $c_3[0]$ channels then a {five} convolution (padding 2) with $c_3[1]$; and {three} max pooling (stride 1, padding 1) then a {one} convolution with $c_4$ channels; their outputs are concatenated on channels. " +
    "The block has {arguments}. " +
    "{batchNorm, select, yes {Each convolution has no bias and is followed by batch normalization and ReLU, like the `BasicConv2d` units of torchvision's GoogLeNet (whose third path, unlike this block and d2l's, uses a {three} kernel in place of the {five}).} other {As in d2l's `Inception`, each convolution has a bias and is followed by ReLU.}}" +
    "\n\nHow many trainable parameters does the block have? Answer with a whole number.",
  solution:
    "A convolution from $c_i$ to $c_o$ channels with a $k \\times k$ kernel has $c_o c_i k^2$ weights{batchNorm, select, yes {; without bias, the batch normalization after it adds its scale γ and shift β, $2 c_o$ parameters (its running mean and variance are not trainable)} other { and $c_o$ biases}}; " +
    "pooling, ReLU and the concatenation have none (⟦d2l.googlenet⟧; parameters of a convolution: ⟦d2l.channels⟧):\n\n" +
    "{lines}\n\nIn total: {total}.",
  pathLine: "- path {path}, {kernel} convolution: {work}",
  mistakes: {
    forgotBias: "It looks like you left out the biases: each convolution adds one per output channel, $c_o$ in all.",
    runningStats:
      "It looks like you counted the running mean and variance of batch normalization. They are buffers updated by moving averages, not trainable parameters: only γ and β count.",
    bottleneckIgnored:
      "It looks like you applied the {three} and {five} convolutions to all {channelsIn} input channels. They receive the outputs of the {one} reductions, $c_2[0]$ and $c_3[0]$ channels.",
  },
} as const;

const zhCN = {
  title: "GoogLeNet：Inception块的参数数量",
  prompt:
    "GoogLeNet 的一个Inception块接收 {channelsIn} 个通道的输入。它的四条路径是：输出 $c_1$ 个通道的 {one} 卷积层；输出 $c_2[0]$ 个通道的 {one} 卷积层后接输出 $c_2[1]$ 个通道的 {three} 卷积层（填充 1）；" +
    "输出 $c_3[0]$ 个通道的 {one} 卷积层后接输出 $c_3[1]$ 个通道的 {five} 卷积层（填充 2）；{three} 最大汇聚层（步幅 1，填充 1）后接输出 $c_4$ 个通道的 {one} 卷积层；各路径输出在通道上连结。" +
    "该块的参数为 {arguments}。" +
    "{batchNorm, select, yes {每个卷积层没有偏置，后接批量规范化（批量归一化）层和 ReLU，与 torchvision 的 GoogLeNet 中的 `BasicConv2d` 单元相同（但 torchvision 的第三条路径用的是 {three} 卷积核，而不是本块和 d2l 中的 {five}）。} other {与 d2l 的 `Inception` 一样，每个卷积层有偏置，后接 ReLU。}}" +
    "\n\n该块有多少个可训练参数？请用一个整数回答。",
  solution:
    "从 $c_i$ 个通道到 $c_o$ 个通道、卷积核为 $k \\times k$ 的卷积层有 $c_o c_i k^2$ 个权重{batchNorm, select, yes {；没有偏置，其后的批量规范化层增加拉伸参数 γ 和偏移参数 β，共 $2 c_o$ 个参数（移动平均均值和方差不可训练）} other {和 $c_o$ 个偏置}}；" +
    "汇聚层、ReLU 和连结都没有参数（⟦d2l.googlenet⟧；卷积层的参数见 ⟦d2l.channels⟧）：\n\n" +
    "{lines}\n\n合计：{total}。",
  pathLine: "- 路径 {path}，{kernel} 卷积层：{work}",
  mistakes: {
    forgotBias: "你似乎漏掉了偏置：每个卷积层的每个输出通道各有一个偏置，共 $c_o$ 个。",
    runningStats: "你似乎把批量规范化的移动平均均值和方差也算进去了。它们是通过移动平均更新的缓冲区，不是可训练参数：只有 γ 和 β 计入。",
    bottleneckIgnored:
      "你似乎让 {three} 和 {five} 卷积作用于全部 {channelsIn} 个输入通道。它们接收的是 {one} 降维卷积的输出，即 $c_2[0]$ 和 $c_3[0]$ 个通道。",
  },
} as const satisfies Catalogue<typeof en>;

export const inceptionParamsCatalogues = { en, "zh-CN": zhCN } as const;
export const inceptionParamsMessages = createTranslators(inceptionParamsCatalogues);
