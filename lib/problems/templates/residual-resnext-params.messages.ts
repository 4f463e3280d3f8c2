import { type Catalogue, createTranslators } from "../messages";

/** Messages of `residual.resnext-params`; LaTeX and numbers arrive as arguments. */
const en = {
  title: "Parameters of a ResNeXt block",
  prompt:
    "A ResNeXt block (⟦d2l.resnet⟧, the ResNeXt block of the English edition; Xie et al. 2017) receives an input of shape {inputShape} (channels, height, width; no batch dimension). Its main path is, in order:\n\n{layers}\n\n" +
    "{shortcut, select, identity {The shortcut is the identity.} other {The shortcut is a {projection}, followed by batch normalization.}} The two paths are added and passed through ReLU. " +
    "A grouped convolution with $g$ groups splits its input and output channels into $g$ equal groups and connects each output group only to its own input group (PyTorch `groups=g`).\n\n" +
    "{asked, select, middle {How many trainable parameters does the grouped $3 \\times 3$ convolution (layer 4) have?} other {How many trainable parameters does the whole block have? Count $\\gamma$ and $\\beta$ of every batch normalization, not its running mean and variance.}} Answer with one whole number.",
  conv: "{kernel} convolution to {filters} channels{groups, select, 1 {} other {, {groups} groups}}{stride, select, 1 {} other {, stride {stride}}}{padding, select, 0 {} other {, padding {padding}}}, with bias",
  batchnorm: "batch normalization",
  relu: "ReLU",
  solution:
    "With $g$ groups each output channel of a $k \\times k$ convolution sees only $c_i / g$ input channels, so it has $k^2 \\cdot (c_i / g) \\cdot c_o$ weights, $g$ times fewer than without groups, and $c_o$ biases; a batch normalization learns $\\gamma$ and $\\beta$ per channel, $2c$ (⟦d2l.resnet⟧; ⟦d2l.bn-layers⟧).\n\n" +
    "{steps}\n\n{asked, select, middle {The grouped convolution has {total} parameters.} other {In all: {total}.}} The block’s output has shape {output}.",
  step: "{name}: {work}",
  names: {
    reduce: "1×1 convolution",
    middle: "grouped 3×3 convolution",
    expand: "1×1 convolution",
    shortcut: "1×1 shortcut convolution",
    norm: "batch normalization after it",
  },
  mistakes: {
    groupsIgnored: "It looks like you counted the grouped convolution as an ordinary one. With {groups} groups each output channel sees only a {groups}-th of the input channels: divide its weights by {groups}.",
    groupsAsWidth:
      "It looks like you took {groups} as the number of channels in each group. PyTorch’s `groups` is the number of groups: each group holds {perGroup} channels here. (d2l’s `ResNeXtBlock` passes `bot_channels // groups` to `nn.Conv2d`, which is easy to misread.)",
    batchNormIgnored: "It looks like you left out the batch normalizations. Each learns $\\gamma$ and $\\beta$ for every channel of the convolution before it.",
    shortcutForgotten: "It looks like you left out the shortcut. Here it is a 1×1 convolution with batch normalization, and its parameters count too.",
  },
} as const;

const zhCN = {
  title: "ResNeXt 块的参数量",
  prompt:
    "一个 ResNeXt 块（⟦d2l.resnet⟧，英文版的 ResNeXt 小节，中文第二版未收录；Xie 等 2017）接收形状为 {inputShape} 的输入（通道、高度、宽度；不含批量维度）。它的主路径依次为：\n\n{layers}\n\n" +
    "{shortcut, select, identity {残差连接是恒等映射。} other {残差连接是{projection}，其后接批量规范化层。}}两条路径相加后经过 ReLU。" +
    "有 $g$ 个组的分组卷积把输入通道和输出通道各平均分成 $g$ 组，每组输出通道只与同组的输入通道相连（PyTorch 的 `groups=g`）。\n\n" +
    "{asked, select, middle {分组 $3 \\times 3$ 卷积层（第 4 层）有多少个可训练参数？} other {整个块共有多少个可训练参数？每个批量规范化层的 $\\gamma$ 和 $\\beta$ 都要计入，移动平均均值和方差不计。}}请写一个整数。",
  conv: "{kernel} 卷积层，输出 {filters} 个通道{groups, select, 1 {} other {，分 {groups} 组}}{stride, select, 1 {} other {，步幅 {stride}}}{padding, select, 0 {} other {，填充 {padding}}}，带偏置",
  batchnorm: "批量规范化层",
  relu: "ReLU",
  solution:
    "分成 $g$ 组时，$k \\times k$ 卷积的每个输出通道只看到 $c_i / g$ 个输入通道，所以有 $k^2 \\cdot (c_i / g) \\cdot c_o$ 个权重，是不分组时的 $1/g$，另有 $c_o$ 个偏置；批量规范化层按通道学习 $\\gamma$ 和 $\\beta$，共 $2c$ 个（⟦d2l.resnet⟧；⟦d2l.bn-layers⟧）。\n\n" +
    "{steps}\n\n{asked, select, middle {这个分组卷积层有 {total} 个参数。} other {合计：{total}。}}这个块的输出形状为 {output}。",
  step: "{name}：{work}",
  names: {
    reduce: "1×1 卷积层",
    middle: "分组 3×3 卷积层",
    expand: "1×1 卷积层",
    shortcut: "残差连接上的 1×1 卷积层",
    norm: "其后的批量规范化层",
  },
  mistakes: {
    groupsIgnored: "看起来你把分组卷积当作普通卷积来算了。分成 {groups} 组时，每个输出通道只看到输入通道的 {groups} 分之一：权重要除以 {groups}。",
    groupsAsWidth:
      "看起来你把 {groups} 当成了每组的通道数。PyTorch 的 `groups` 是组数：这里每组有 {perGroup} 个通道。（d2l 的 `ResNeXtBlock` 把 `bot_channels // groups` 传给 `nn.Conv2d`，容易看错。）",
    batchNormIgnored: "看起来你漏算了批量规范化层。每个批量规范化层对前一个卷积层的每个通道学习 $\\gamma$ 和 $\\beta$。",
    shortcutForgotten: "看起来你漏算了残差连接。这里它是带批量规范化的 1×1 卷积层，它的参数也要计入。",
  },
} as const satisfies Catalogue<typeof en>;

export const residualResnextParamsCatalogues = { en, "zh-CN": zhCN } as const;
export const residualResnextParamsMessages = createTranslators(residualResnextParamsCatalogues);
