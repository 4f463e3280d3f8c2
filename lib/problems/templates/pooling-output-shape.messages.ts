import { type Catalogue, createTranslators } from "../messages";

/** Messages of `pooling.output-shape`; terms as d2l 6.5 (汇聚层 / 池化层, 汇聚窗口, 步幅, 填充, 通道). */
const en = {
  title: "Output shape of a pooling layer",
  prompt:
    "A 2-D {pool, select, max {max-pooling} other {average-pooling}} layer receives an input of shape {inputShape} (channels, height, width; the batch dimension is left out). " +
    "Pooling window: {window}; padding: {padding} on both sides; stride: {stride}." +
    "{form, select, rect { Pairs are given as (height, width).} other {}}" +
    " As in PyTorch (`ceil_mode=False`, the default), a window that would run past the padded input is dropped: each size is rounded down." +
    "\n\nWhat is the shape of the output? Answer with three whole numbers in the order channels, height, width, for example `C x H x W`.",
  solution:
    "A pooling window slides like a convolution kernel, so each spatial axis of size $n$ with window $k$, padding $p$ and stride $s$ gives (⟦d2l.pooling-padding-stride⟧)" +
    "\n\n{formula}\n\n" +
    "- height: {heightWork}\n" +
    "- width: {widthWork}\n" +
    "- channels: pooling works on each input channel separately and has no parameters; it does not sum over channels, so the output keeps the {channels} channels (⟦d2l.pooling-channels⟧).\n\n" +
    "The output shape is {answer}.",
  mistakes: {
    channelsChanged:
      "Pooling does not change the number of channels: it pools each of the {channels} input channels on its own, unlike a convolution, which sums over channels.",
    forgotPlusOne: "It looks like you left out the $+1$: the first window position counts too.",
    paddingOnce: "It looks like you added the padding only once. Padding $p$ is added on both sides, so the padded size is $n + 2p$.",
    strideIgnored: "It looks like you used stride 1. The window moves {stride} positions at a time, so divide by the stride (rounding down) before adding 1.",
  },
} as const;

const zhCN = {
  title: "汇聚层的输出形状",
  prompt:
    "一个二维{pool, select, max {最大汇聚层（最大池化层）} other {平均汇聚层（平均池化层）}}的输入形状为 {inputShape}（通道、高度、宽度；不含批量维度）。" +
    "汇聚窗口：{window}；每侧填充：{padding}（两侧都要填充）；步幅：{stride}。" +
    "{form, select, rect {成对的数按（高度，宽度）给出。} other {}}" +
    "与 PyTorch 的默认设置（`ceil_mode=False`）一致，超出填充后输入的窗口被舍弃：每个维度的大小向下取整。" +
    "\n\n输出形状是什么？请按通道、高度、宽度的顺序写出三个整数，例如 `C x H x W`。",
  solution:
    "汇聚窗口像卷积核一样滑动，所以窗口大小为 $k$、填充为 $p$、步幅为 $s$ 时，大小为 $n$ 的每个空间维度的输出大小为（⟦d2l.pooling-padding-stride⟧）" +
    "\n\n{formula}\n\n" +
    "- 高度：{heightWork}\n" +
    "- 宽度：{widthWork}\n" +
    "- 通道：汇聚层在每个输入通道上单独运算，没有参数，也不对通道求和，所以输出保持 {channels} 个通道（⟦d2l.pooling-channels⟧）。\n\n" +
    "输出形状为 {answer}。",
  mistakes: {
    channelsChanged: "汇聚层不改变通道数：它在 {channels} 个输入通道上各自单独汇聚，不像卷积层那样对通道求和。",
    forgotPlusOne: "看起来你漏掉了 $+1$：第一个窗口位置本身也要计数。",
    paddingOnce: "看起来你只加了一次填充。填充 $p$ 加在两侧，所以填充后的大小是 $n + 2p$。",
    strideIgnored: "看起来你用了步幅 1。窗口每次移动 {stride} 个位置，所以要先除以步幅（向下取整）再加 1。",
  },
} as const satisfies Catalogue<typeof en>;

export const poolingOutputShapeCatalogues = { en, "zh-CN": zhCN } as const;
export const poolingOutputShapeMessages = createTranslators(poolingOutputShapeCatalogues);
