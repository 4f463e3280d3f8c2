import { type Catalogue, createTranslators } from "../messages";

/**
 * Messages of `conv.same-padding`; terms as d2l 6.3 (填充, 步幅, 卷积核), NNDL 5.1.3 (等宽卷积)
 * and NNDL 5.5.2 (空洞卷积, 膨胀率). LaTeX and numbers arrive as arguments.
 */
const en = {
  title: "Padding that keeps the size",
  prompt:
    "A 2-D {dilated, select, yes {dilated convolution} other {convolutional layer}} with {filters} output channels receives an input of shape {inputShape} (channels, height, width; no batch dimension). " +
    "Its kernel is {kernel}{dilated, select, yes { with dilation rate {dilation}} other {}}, and its stride is $1$. " +
    "Padding adds the same number of zeros on both sides of an axis{square, select, yes {, and the same on both axes} other {}}." +
    "\n\n{naming, select, equalWidth {The layer is to be an equal-width convolution (⟦nndl.conv-variants⟧): its output is exactly as large as its input. } other {}}" +
    "{axis, select, both {What padding {symbol} keeps the output’s height and width at {size}?} " +
    "height {What padding {symbol} at the top and at the bottom keeps the output’s height at {size}?} " +
    "other {What padding {symbol} on the left and on the right keeps the output’s width at {size}?}} Answer with one whole number.",
  solution:
    "With stride $1$ the output-size formula (⟦d2l.padding-stride⟧; PyTorch `Conv2d`, Shape) divides by $1$, so nothing is rounded:" +
    "\n\n{formula}\n\n" +
    "The output keeps the input’s size $n$ exactly when the padding on both sides, $2p$, gives back the $d(k - 1)$ pixels that the window’s extent takes away" +
    "{dilated, select, yes { (with dilation rate $d$ the kernel covers $d(k - 1) + 1$ pixels)} other { (here $d = 1$)}}:" +
    "\n\n{condition}\n\n" +
    "{axis, select, both {Here} height {For the height,} other {For the width,}} {kernelValue} and {dilationValue}, so {work}. The kernel covers an odd number of pixels, so the padding splits evenly between the two sides. " +
    "Check: {check}.\n\n" +
    "The padding is {answer}.",
  mistakes: {
    paddingTotal:
      "It looks like you gave the total padding of the axis, $d(k - 1)$. It is shared by the two sides: each side gets half, $p = d(k - 1)/2$.",
    paddingEqualsKernel: "It looks like you took the padding to be the kernel size $k$. Each side needs only half of what the window takes away: $p = d(k - 1)/2$.",
    halfKernelRoundedUp:
      "It looks like you took half the kernel size rounded up, $(k + 1)/2$. The window takes away $d(k - 1)$ pixels, so each side needs $p = d(k - 1)/2$.",
    dilationIgnored:
      "It looks like you ignored the dilation rate. With dilation rate $d$ a kernel of size $k$ covers $d(k - 1) + 1$ pixels, so $p = d(k - 1)/2$, not $(k - 1)/2$.",
    otherAxis:
      "It looks like you worked out the padding of the other axis. {axis, select, height {The height’s padding comes from the kernel’s height.} other {The width’s padding comes from the kernel’s width.}}",
  },
} as const;

const zhCN = {
  title: "保持大小不变的填充",
  prompt:
    "一个有 {filters} 个输出通道的二维{dilated, select, yes {空洞卷积层} other {卷积层}}，输入形状为 {inputShape}（通道、高度、宽度；不含批量维度）。" +
    "卷积核为 {kernel}{dilated, select, yes {，膨胀率为 {dilation}} other {}}，步幅为 $1$。" +
    "填充在每个维度的两侧各加同样多的零{square, select, yes {，两个维度也相同} other {}}。" +
    "\n\n{naming, select, equalWidth {这一层要做等宽卷积（⟦nndl.conv-variants⟧）：输出与输入一样大。} other {}}" +
    "{axis, select, both {填充 {symbol} 取多少，输出的高度和宽度才保持为 {size}？} " +
    "height {上下两侧的填充 {symbol} 取多少，输出的高度才保持为 {size}？} " +
    "other {左右两侧的填充 {symbol} 取多少，输出的宽度才保持为 {size}？}}请写一个整数。",
  solution:
    "步幅为 $1$ 时，输出大小公式（⟦d2l.padding-stride⟧；PyTorch `Conv2d` 文档 Shape 一节）除以 $1$，不涉及取整：" +
    "\n\n{formula}\n\n" +
    "当两侧的填充 $2p$ 正好补回窗口跨度减去的 $d(k - 1)$ 个像素时，输出保持输入的大小 $n$" +
    "{dilated, select, yes {（膨胀率为 $d$ 时，卷积核覆盖 $d(k - 1) + 1$ 个像素）} other {（这里 $d = 1$）}}：" +
    "\n\n{condition}\n\n" +
    "{axis, select, both {这里} height {对高度，} other {对宽度，}}{kernelValue}，{dilationValue}，所以 {work}。卷积核覆盖奇数个像素，所以填充在两侧平分。" +
    "验算：{check}。\n\n" +
    "填充为 {answer}。",
  mistakes: {
    paddingTotal: "看起来你给出的是这一维的填充总数 $d(k - 1)$。它由两侧分担：每侧各一半，$p = d(k - 1)/2$。",
    paddingEqualsKernel: "看起来你把填充当成了卷积核大小 $k$。每一侧只需补回窗口减去部分的一半：$p = d(k - 1)/2$。",
    halfKernelRoundedUp: "看起来你取了卷积核大小的一半并向上取整，$(k + 1)/2$。窗口减去的是 $d(k - 1)$ 个像素，所以每侧需要 $p = d(k - 1)/2$。",
    dilationIgnored: "看起来你忽略了膨胀率。膨胀率为 $d$ 时，大小为 $k$ 的卷积核覆盖 $d(k - 1) + 1$ 个像素，所以 $p = d(k - 1)/2$，而不是 $(k - 1)/2$。",
    otherAxis: "看起来你算的是另一个维度的填充。{axis, select, height {高度的填充由卷积核的高度决定。} other {宽度的填充由卷积核的宽度决定。}}",
  },
} as const satisfies Catalogue<typeof en>;

export const convSamePaddingCatalogues = { en, "zh-CN": zhCN } as const;
export const convSamePaddingMessages = createTranslators(convSamePaddingCatalogues);
