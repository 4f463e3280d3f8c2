import { type Catalogue, createTranslators } from "../messages";

/** Messages of `xcorr.values`; terms as d2l 6.2–6.3 (互相关运算, 卷积核, 填充, 步幅). */
const en = {
  title: "Compute a 2-D cross-correlation",
  prompt:
    "Compute the 2-D cross-correlation of the input $X$ with the kernel $K$ (what a convolutional layer computes, PyTorch's `nn.Conv2d` without bias), with padding {padding} (zeros) on every side and stride {stride}:" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "Answer with the output matrix, rows separated by `;` (for example `1 2; 3 4`).",
  solution:
    "The kernel window starts at the top left of the {padded, select, yes {zero-padded } other {}}input and moves with stride {stride}; at each position, multiply the window and the kernel element by element and sum (⟦d2l.xcorr⟧). The kernel is used as given, not flipped." +
    "\n\n{steps}\n\n" +
    "The output is\n\n{answer}",
  mistakes: {
    kernelFlipped:
      "It looks like you flipped the kernel, as in a convolution in the mathematical sense. A convolutional layer computes a cross-correlation: the kernel is used as given (⟦d2l.xcorr-vs-conv⟧).",
    strideIgnored: "It looks like you moved the window one position at a time. With stride {stride} it moves {stride} positions, so there are fewer outputs.",
    paddingIgnored: "It looks like you left out the padding. Add {padding} rows and columns of zeros on every side before sliding the kernel.",
  },
} as const;

const zhCN = {
  title: "计算二维互相关运算",
  prompt:
    "计算输入 $X$ 与卷积核 $K$ 的二维互相关运算（即卷积层所做的计算，相当于不带偏置的 PyTorch `nn.Conv2d`），每侧填充 {padding}（用 0 填充），步幅为 {stride}：" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "请写出输出矩阵，各行之间用 `;` 分隔（例如 `1 2; 3 4`）。",
  solution:
    "卷积窗口从{padded, select, yes {用 0 填充后的} other {}}输入的左上角开始，以步幅 {stride} 滑动；在每个位置，把窗口中的元素与卷积核按元素相乘再求和（⟦d2l.xcorr⟧）。卷积核按原样使用，不翻转。" +
    "\n\n{steps}\n\n" +
    "输出为\n\n{answer}",
  mistakes: {
    kernelFlipped: "看起来你翻转了卷积核，像数学意义上的卷积那样。卷积层做的是互相关运算：卷积核按原样使用（⟦d2l.xcorr-vs-conv⟧）。",
    strideIgnored: "看起来你每次只移动了一个位置。步幅为 {stride} 时窗口每次移动 {stride} 个位置，所以输出更少。",
    paddingIgnored: "看起来你漏掉了填充。滑动卷积核之前，要先在每侧填充 {padding} 行和列的 0。",
  },
} as const satisfies Catalogue<typeof en>;

export const xcorrValuesCatalogues = { en, "zh-CN": zhCN } as const;
export const xcorrValuesMessages = createTranslators(xcorrValuesCatalogues);
