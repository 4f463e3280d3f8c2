import { type Catalogue, createTranslators } from "../messages";

/** Messages of `xcorr.conv1d-flipped`; terms as NNDL 5.1 (卷积, 卷积核 with NNDL's 滤波器 beside it once, 互相关, 翻转, 窄卷积, 宽卷积). */
const en = {
  title: "1-D convolution: the filter flipped",
  prompt:
    "NNDL defines the 1-D convolution of a signal $x$ with a filter $w$ of $K$ weights as {convDef} (not the cross-correlation {corrDef} that deep-learning libraries compute)." +
    "{wide, select, yes { Compute the wide convolution: pad the signal with {zeros} zeros at each end first.} other { Compute the narrow convolution: only the positions where the whole filter lies on the signal, no padding.}}" +
    "\n\n{signal}\n\n{filter}\n\n" +
    "Answer with the outputs in order, separated by spaces (for example `1 -2 3`).",
  solution:
    "In {convDef} the filter's first weight meets the newest input $x_t$ and its last weight the oldest: the convolution is a cross-correlation with the filter flipped (⟦nndl.conv-definition⟧, ⟦nndl.cross-correlation⟧). Reversed, the filter is" +
    "\n\n{flipped}\n\n" +
    "{wide, select, yes {The wide convolution pads $K - 1$ zeros at each end (⟦nndl.conv-variants⟧):\n\n{padded}\n\n} other {}}" +
    "Slide the reversed filter along the signal, multiplying and summing; each line below is the definition written out:" +
    "\n\n{steps}\n\n" +
    "The {count} outputs are\n\n{answer}",
  mistakes: {
    kernelNotFlipped:
      "This is the cross-correlation {corrDef}: the filter was slid as written. NNDL's convolution multiplies {wk} by {xBack}, so the filter is reversed before it slides.",
    outputReversed:
      "Your outputs are the right ones in reverse order: you ran the signal backwards instead of the filter. Keep the signal in place and reverse the filter.",
    paddingIgnored:
      "This is the narrow convolution. The wide convolution first pads {zeros} zeros at each end, so it has $K - 1$ more outputs than the narrow one, not fewer.",
  },
} as const;

const zhCN = {
  title: "一维卷积：翻转卷积核",
  prompt:
    "NNDL 把信号 $x$ 与长度为 $K$ 的卷积核（滤波器）$w$ 的一维卷积定义为 {convDef}（不是深度学习框架实际计算的互相关 {corrDef}）。" +
    "{wide, select, yes {请计算宽卷积：先在信号两端各补 {zeros} 个零。} other {请计算窄卷积：只取卷积核完全落在信号上的位置，不做零填充。}}" +
    "\n\n{signal}\n\n{filter}\n\n" +
    "请按顺序写出各输出，用空格分隔（例如 `1 -2 3`）。",
  solution:
    "在 {convDef} 中，卷积核的第一个权重与最新的输入 $x_t$ 相乘，最后一个权重与最早的输入相乘：卷积就是把卷积核翻转后做互相关（⟦nndl.conv-definition⟧，⟦nndl.cross-correlation⟧）。翻转后的卷积核为" +
    "\n\n{flipped}\n\n" +
    "{wide, select, yes {宽卷积在信号两端各补 $K - 1$ 个零（⟦nndl.conv-variants⟧）：\n\n{padded}\n\n} other {}}" +
    "把翻转后的卷积核沿信号滑动，逐项相乘再求和；下面每一行就是按定义展开的式子：" +
    "\n\n{steps}\n\n" +
    "{count} 个输出为\n\n{answer}",
  mistakes: {
    kernelNotFlipped:
      "这是互相关 {corrDef} 的结果：卷积核没有翻转就滑动了。NNDL 的卷积把 {wk} 与 {xBack} 相乘，所以滑动之前要先翻转卷积核。",
    outputReversed: "你的输出值是对的，但顺序反了：你把信号倒过来了，而不是把卷积核倒过来。信号保持原样，翻转的是卷积核。",
    paddingIgnored: "这是窄卷积的结果。宽卷积先在两端各补 {zeros} 个零，所以输出比窄卷积多 $K - 1$ 个，而不是更少。",
  },
} as const satisfies Catalogue<typeof en>;

export const xcorrConv1dFlippedCatalogues = { en, "zh-CN": zhCN } as const;
export const xcorrConv1dFlippedMessages = createTranslators(xcorrConv1dFlippedCatalogues);
