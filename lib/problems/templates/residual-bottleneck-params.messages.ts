import { type Catalogue, createTranslators } from "../messages";

/** Messages of `residual.bottleneck-params`; LaTeX and numbers arrive as arguments. */
const en = {
  title: "Parameters of a ResNet bottleneck block",
  prompt:
    "A bottleneck residual block (He et al. 2016, the deeper ResNets; ⟦d2l.resnet⟧, exercises) receives an input of shape {inputShape} (channels, height, width; no batch dimension). Its main path is, in order:\n\n{layers}\n\n" +
    "{shortcut, select, identity {The shortcut is the identity.} other {The shortcut is a {projection}.}} The two paths are added and passed through ReLU.\n\n" +
    "{norm, select, bn {Count the scale $\\gamma$ and shift $\\beta$ of every batch normalization; its running mean and variance are not parameters. } other {}}How many trainable parameters does the block have? Answer with one whole number.",
  conv: "{kernel} convolution to {filters} channels{stride, select, 1 {} other {, stride {stride}}}{padding, select, 0 {} other {, padding {padding}}}, {bias, select, yes {with bias} other {without bias}}",
  batchnorm: "batch normalization",
  relu: "ReLU",
  solution:
    "A $k \\times k$ convolution from $c_i$ to $c_o$ channels has $k^2 c_i c_o$ weights{norm, select, bn {; here no biases, and each batch normalization learns $\\gamma$ and $\\beta$ per channel, $2c$} other { and $c_o$ biases}} (⟦d2l.channels⟧). Stride and padding change no count.\n\n" +
    "{steps}\n\nIn all: {total}. The block’s output has shape {output}: the 1×1 layers keep height and width, the 3×3 one with padding 1 {stride, select, 1 {keeps them} other {divides them by its stride (rounding down)}}, and the last 1×1 convolution expands the channels to {expanded}.",
  step: "{name}: {work}",
  names: {
    reduce: "1×1 reduction",
    middle: "3×3 convolution",
    expand: "1×1 expansion",
    shortcut: "1×1 projection shortcut",
  },
  mistakes: {
    shortcutForgotten: "It looks like you left out the shortcut. Where the shape changes, the shortcut is a 1×1 convolution, and its parameters count too.",
    forgotBiasOrNorm:
      "It looks like you counted only the convolution weights. {norm, select, bn {Each batch normalization learns $\\gamma$ and $\\beta$: two per channel of the convolution before it.} other {Each convolution also has one bias per output channel.}}",
    runningStatsCounted: "It looks like you counted the running mean and variance of the batch normalizations. They are buffers, not trainable parameters: only $\\gamma$ and $\\beta$ count.",
    expansionIgnored: "It looks like the last 1×1 convolution kept the bottleneck’s width. It expands the channels back to {expanded}, which is what the shortcut must match.",
  },
} as const;

const zhCN = {
  title: "ResNet 瓶颈残差块的参数量",
  prompt:
    "一个瓶颈（bottleneck）残差块（He 等 2016 年用于更深的 ResNet；⟦d2l.resnet⟧，练习）接收形状为 {inputShape} 的输入（通道、高度、宽度；不含批量维度）。它的主路径依次为：\n\n{layers}\n\n" +
    "{shortcut, select, identity {残差连接是恒等映射。} other {残差连接是{projection}。}}两条路径相加后经过 ReLU。\n\n" +
    "{norm, select, bn {每个批量规范化层的拉伸参数 $\\gamma$ 和偏移参数 $\\beta$ 都要计入；它的移动平均均值和方差不是参数。} other {}}这个块共有多少个可训练参数？请写一个整数。",
  conv: "{kernel} 卷积层，输出 {filters} 个通道{stride, select, 1 {} other {，步幅 {stride}}}{padding, select, 0 {} other {，填充 {padding}}}，{bias, select, yes {带偏置} other {不带偏置}}",
  batchnorm: "批量规范化层",
  relu: "ReLU",
  solution:
    "从 $c_i$ 个通道到 $c_o$ 个通道的 $k \\times k$ 卷积层有 $k^2 c_i c_o$ 个权重{norm, select, bn {；这里没有偏置，每个批量规范化层按通道学习 $\\gamma$ 和 $\\beta$，共 $2c$ 个} other {和 $c_o$ 个偏置}}（⟦d2l.channels⟧）。步幅和填充不改变参数量。\n\n" +
    "{steps}\n\n合计：{total}。这个块的输出形状为 {output}：1×1 卷积层不改变高和宽，填充为 1 的 3×3 卷积层{stride, select, 1 {也不改变} other {把它们除以步幅（向下取整）}}，最后的 1×1 卷积层把通道数扩展到 {expanded}。",
  step: "{name}：{work}",
  names: {
    reduce: "1×1 降维卷积",
    middle: "3×3 卷积",
    expand: "1×1 升维卷积",
    shortcut: "1×1 卷积残差连接",
  },
  mistakes: {
    shortcutForgotten: "看起来你漏算了残差连接。形状改变时，残差连接是一个 1×1 卷积层，它的参数也要计入。",
    forgotBiasOrNorm:
      "看起来你只算了卷积层的权重。{norm, select, bn {每个批量规范化层还学习 $\\gamma$ 和 $\\beta$：前一个卷积层的每个通道两个。} other {每个卷积层还有每个输出通道一个偏置。}}",
    runningStatsCounted: "看起来你把批量规范化层的移动平均均值和方差也算了进去。它们是缓冲区，不是可训练参数：只有 $\\gamma$ 和 $\\beta$ 计入。",
    expansionIgnored: "看起来你让最后的 1×1 卷积层保持了瓶颈的宽度。它把通道数扩展回 {expanded}，残差连接的输出也必须与之相同。",
  },
} as const satisfies Catalogue<typeof en>;

export const residualBottleneckParamsCatalogues = { en, "zh-CN": zhCN } as const;
export const residualBottleneckParamsMessages = createTranslators(residualBottleneckParamsCatalogues);
