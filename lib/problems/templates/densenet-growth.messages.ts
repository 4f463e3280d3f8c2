import { type Catalogue, createTranslators } from "../messages";

/** Messages of `densenet.growth`; LaTeX and numbers arrive as arguments. */
const en = {
  title: "DenseNet: channels across blocks and transitions",
  prompt:
    "A feature map of shape {inputShape} (channels, height, width; no batch dimension) passes through these stages of a densely connected network, in order (⟦d2l.densenet⟧):\n\n{stages}\n\n" +
    "Each dense block has {layers} convolution blocks (batch normalization, ReLU, $3 \\times 3$ convolution with padding $1$) of growth rate {growth}, each one’s output concatenated on channels with its input. " +
    "Each transition layer is batch normalization, ReLU, a $1 \\times 1$ convolution to half the channels (rounded down, as d2l’s `num_channels // 2`) and $2 \\times 2$ average pooling with stride $2$.\n\n" +
    "What is the shape after the last stage? Answer with three whole numbers in the order channels, height, width.",
  block: "dense block",
  transition: "transition layer",
  solution:
    "A dense block of $n$ convolution blocks with growth rate $k$ adds $n \\cdot k$ channels to those it receives and keeps height and width (⟦d2l.dense-blocks⟧); a transition layer halves the channels, rounding down, and halves height and width with its pooling, also rounding down (⟦d2l.transition-layers⟧).\n\n" +
    "{steps}\n\nThe shape after the last stage is {answer}.",
  step: "{stage} {index}: {work}",
  mistakes: {
    fromZero: "It looks like you counted the channels from zero, as if a dense block kept only the new maps. Its output is its input concatenated with every convolution block’s {growth} new channels: start from the channels it receives.",
    keepsChannels: "It looks like the transition layers kept the channels. Their $1 \\times 1$ convolution halves them (rounding down), which is what keeps DenseNet’s width in check.",
    keepsSize: "It looks like the transition layers kept height and width. Their $2 \\times 2$ average pooling with stride $2$ halves them.",
    roundedUp: "It looks like you rounded an odd number up when halving. Both the channels (`num_channels // 2`) and the pooled size are rounded down.",
  },
} as const;

const zhCN = {
  title: "稠密连接网络：经过多个稠密块和过渡层后的通道数",
  prompt:
    "一个形状为 {inputShape}（通道、高度、宽度；不含批量维度）的特征映射依次经过稠密连接网络（DenseNet）的以下各部分（⟦d2l.densenet⟧）：\n\n{stages}\n\n" +
    "每个稠密块有 {layers} 个卷积块（批量规范化、ReLU、填充为 $1$ 的 $3 \\times 3$ 卷积），增长率为 {growth}，每个卷积块的输出都在通道维度上与其输入连结。" +
    "每个过渡层是批量规范化、ReLU、把通道数减半（向下取整，即 d2l 的 `num_channels // 2`）的 $1 \\times 1$ 卷积，以及步幅为 $2$ 的 $2 \\times 2$ 平均汇聚层。\n\n" +
    "经过最后一部分后的形状是什么？请按通道、高度、宽度的顺序写三个整数。",
  block: "稠密块",
  transition: "过渡层",
  solution:
    "含 $n$ 个卷积块、增长率为 $k$ 的稠密块在输入通道数上增加 $n \\cdot k$ 个通道，高和宽不变（⟦d2l.dense-blocks⟧）；过渡层把通道数减半（向下取整），并用汇聚层把高和宽减半，同样向下取整（⟦d2l.transition-layers⟧）。\n\n" +
    "{steps}\n\n经过最后一部分后的形状为 {answer}。",
  step: "第 {index} 个{stage}：{work}",
  mistakes: {
    fromZero: "看起来你从零开始数通道，好像稠密块只保留新的特征映射。它的输出是输入与每个卷积块新增的 {growth} 个通道的连结：要从它接收的通道数算起。",
    keepsChannels: "看起来你让过渡层保持了通道数。过渡层的 $1 \\times 1$ 卷积把通道数减半（向下取整），正是它控制了 DenseNet 的宽度。",
    keepsSize: "看起来你让过渡层保持了高和宽。它的步幅为 $2$ 的 $2 \\times 2$ 平均汇聚层把高和宽减半。",
    roundedUp: "看起来你在把奇数减半时向上取整了。通道数（`num_channels // 2`）和汇聚后的尺寸都向下取整。",
  },
} as const satisfies Catalogue<typeof en>;

export const denseNetGrowthCatalogues = { en, "zh-CN": zhCN } as const;
export const denseNetGrowthMessages = createTranslators(denseNetGrowthCatalogues);
