import { type Catalogue, createTranslators } from "../messages";

/** Messages of `xcorr.true-convolution`; terms as d2l 6.2.5 (卷积, 互相关运算, 卷积核, 翻转). */
const en = {
  title: "Compute a true 2-D convolution",
  prompt:
    "Compute the 2-D convolution in the strict mathematical sense (the kernel flipped, unlike the cross-correlation a convolutional layer computes) of the input $X$ with the kernel $K$, with padding {padding} (zeros) on every side and stride {stride}:" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "Answer with the output matrix, rows separated by `;` (for example `1 2; 3 4`).",
  solution:
    "A strict convolution is a cross-correlation with the kernel rotated by 180°, flipped both horizontally and vertically (⟦d2l.xcorr-vs-conv⟧):" +
    "\n\n{flipped}\n\n" +
    "Now slide the flipped kernel over the {padded, select, yes {zero-padded } other {}}input with stride {stride}, multiplying element by element and summing:" +
    "\n\n{steps}\n\n" +
    "The output is\n\n{answer}",
  mistakes: {
    kernelNotFlipped:
      "This is the cross-correlation: the kernel was not flipped. A convolution in the strict sense rotates the kernel by 180° before sliding it.",
    kernelTransposed:
      "It looks like you transposed the kernel (rows became columns). Flipping means a 180° rotation: reverse the order of the rows and of the entries within each row.",
    flippedOneAxis:
      "It looks like you flipped the kernel along one axis only. The 180° rotation reverses both the rows and the columns.",
  },
} as const;

const zhCN = {
  title: "计算严格意义上的二维卷积",
  prompt:
    "计算输入 $X$ 与卷积核 $K$ 的数学上严格意义的二维卷积（要翻转卷积核，不同于卷积层所做的互相关运算），每侧填充 {padding}（用 0 填充），步幅为 {stride}：" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "请写出输出矩阵，各行之间用 `;` 分隔（例如 `1 2; 3 4`）。",
  solution:
    "严格意义上的卷积就是把卷积核旋转 180°（水平和垂直都翻转）之后做互相关运算（⟦d2l.xcorr-vs-conv⟧）：" +
    "\n\n{flipped}\n\n" +
    "再把翻转后的卷积核在{padded, select, yes {用 0 填充后的} other {}}输入上以步幅 {stride} 滑动，按元素相乘再求和：" +
    "\n\n{steps}\n\n" +
    "输出为\n\n{answer}",
  mistakes: {
    kernelNotFlipped: "这是互相关运算的结果：卷积核没有翻转。严格意义上的卷积要先把卷积核旋转 180° 再滑动。",
    kernelTransposed: "看起来你把卷积核转置了（行变成了列）。翻转指旋转 180°：行的顺序和每行内元素的顺序都要颠倒。",
    flippedOneAxis: "看起来你只沿一个方向翻转了卷积核。旋转 180° 要同时颠倒行和列的顺序。",
  },
} as const satisfies Catalogue<typeof en>;

export const xcorrTrueConvolutionCatalogues = { en, "zh-CN": zhCN } as const;
export const xcorrTrueConvolutionMessages = createTranslators(xcorrTrueConvolutionCatalogues);
