import { type Catalogue, createTranslators } from "../messages";

/** Messages of `bn.per-channel`; LaTeX and numbers arrive as arguments. */
const en = {
  title: "Batch normalization per channel (BatchNorm2d)",
  prompt:
    "A batch normalization layer after a convolution (PyTorch `BatchNorm2d`), in training mode, receives a minibatch of shape {shape} (examples, channels, height, width). Its values, channel by channel:\n\n{maps}\n\n" +
    "{affine, select, yes {Its scale is {gamma} and its shift {beta}, one per channel,} other {Its scale is $1$ and its shift $0$ (a new layer),}} and {epsilon}. The mean and variance are the minibatch’s, the variance dividing by the number of values $m$ it is taken over (not $m - 1$). " +
    "Compute the output of example {example}, channel {channel}, rounded to three decimals. Answer with a matrix of its height and width.",
  map: "example {example}, channel {channel}: {values}",
  solution:
    "After a convolution, batch normalization keeps one mean and one variance per channel, taken over every example and every position of that channel: here $m = N \\cdot H \\cdot W = {m}$ values (⟦d2l.bn-layers⟧; PyTorch `BatchNorm2d`). Channel {channel}:\n\n{stats}\n\nEach value of example {example}, channel {channel}, becomes {rule}:\n\n{answer}",
  figureTitle: "BatchNorm2d, channel {channel}",
  figureMap: "example {example}",
  figureMean: "mean μ",
  figureVariance: "variance σ²",
  figureOutput: "output, example {example}",
  figureAlt: "The values of channel {channel} in each of the {count} examples, their mean and variance over all of them, and the normalized output of example {example}.",
  mistakes: {
    perExample:
      "It looks like you took the mean and variance over example {example} alone. BatchNorm2d takes them over the whole minibatch: every example and every position of the channel ($m = N \\cdot H \\cdot W$).",
    channelsPooled: "It looks like you took the mean and variance over all channels together. Batch normalization keeps separate statistics for each channel.",
    unbiasedVariance: "It looks like you divided the variance by $m - 1$. Batch normalization normalizes with the biased variance, dividing by $m$ (the unbiased one only updates the running variance in PyTorch).",
    forgotScaleShift: "It looks like you stopped after normalizing. Multiply by the channel’s scale $\\gamma$ and add its shift $\\beta$.",
  },
} as const;

const zhCN = {
  title: "按通道的批量规范化（BatchNorm2d）",
  prompt:
    "卷积层之后的一个批量规范化层（PyTorch 的 `BatchNorm2d`）处于训练模式，接收一个形状为 {shape}（样本、通道、高度、宽度）的小批量。各通道的值如下：\n\n{maps}\n\n" +
    "{affine, select, yes {它的拉伸参数为 {gamma}，偏移参数为 {beta}，每个通道一个；} other {它的拉伸参数为 $1$，偏移参数为 $0$（新建的层）；}}{epsilon}。均值和方差取自这个小批量，方差除以参与计算的值的个数 $m$（而不是 $m - 1$）。" +
    "计算第 {example} 个样本第 {channel} 个通道的输出，保留三位小数。请写出与其高和宽相同形状的矩阵。",
  map: "第 {example} 个样本，第 {channel} 个通道：{values}",
  solution:
    "卷积层之后，批量规范化对每个通道保留一个均值和一个方差，取自该通道在所有样本、所有位置上的值：这里共 $m = N \\cdot H \\cdot W = {m}$ 个值（⟦d2l.bn-layers⟧；PyTorch `BatchNorm2d`）。第 {channel} 个通道：\n\n{stats}\n\n第 {example} 个样本第 {channel} 个通道的每个值变为 {rule}：\n\n{answer}",
  figureTitle: "BatchNorm2d，第 {channel} 个通道",
  figureMap: "样本 {example}",
  figureMean: "均值 μ",
  figureVariance: "方差 σ²",
  figureOutput: "输出，样本 {example}",
  figureAlt: "第 {channel} 个通道在 {count} 个样本中的值，它们全体的均值和方差，以及第 {example} 个样本规范化后的输出。",
  mistakes: {
    perExample: "看起来你只在第 {example} 个样本上求了均值和方差。BatchNorm2d 在整个小批量上求：该通道所有样本、所有位置的值（$m = N \\cdot H \\cdot W$）。",
    channelsPooled: "看起来你把所有通道放在一起求了均值和方差。批量规范化对每个通道分别统计。",
    unbiasedVariance: "看起来你计算方差时除以了 $m - 1$。批量规范化用有偏方差（除以 $m$）来规范化，无偏方差在 PyTorch 中只用于更新移动平均方差。",
    forgotScaleShift: "看起来你规范化之后就停下了。还要乘以该通道的拉伸参数 $\\gamma$ 并加上偏移参数 $\\beta$。",
  },
} as const satisfies Catalogue<typeof en>;

export const bnPerChannelCatalogues = { en, "zh-CN": zhCN } as const;
export const bnPerChannelMessages = createTranslators(bnPerChannelCatalogues);
