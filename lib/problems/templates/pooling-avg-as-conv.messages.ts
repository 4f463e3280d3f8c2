import { type Catalogue, createTranslators } from "../messages";

/** Messages of `pooling.avg-as-conv`; terms as d2l 6.4–6.5 (卷积层, 卷积核, 互相关运算, 平均汇聚层 / 平均池化层, 汇聚窗口, 步幅, 填充). */
const en = {
  title: "Average pooling as a convolution",
  prompt:
    "A convolutional layer with one input and one output channel, no bias, has the fixed {size} kernel" +
    "\n\n{kernel}\n\n" +
    "and stride {stride}{padded, select, yes {, with padding {padding} (zeros) on every side} other {}}. Like every convolutional layer in d2l, it computes a cross-correlation. What does it output on the input" +
    "\n\n{input}\n\n" +
    "Answer with the output matrix, rows separated by `;` (for example `1 2; 3 4`); two decimals are enough.",
  solution:
    "Every weight is {fraction}, so each output is the sum of its window times {fraction}: the mean of the window. This layer is {size} average pooling (⟦d2l.max-avg-pooling⟧)" +
    "{overlap, select, yes {, its windows overlapping because the stride is smaller than the window} other {, and since its stride equals the window each input entry is used once, as in a pooling layer with its default stride (⟦d2l.pooling-padding-stride⟧)}}" +
    ". A pooling layer holds no parameters; here the convolution's kernel is fixed instead of learned." +
    "{padded, select, yes { The padded zeros sit inside the window and the weights still divide by {area}, so zeros count in the mean: PyTorch's average pooling with `count_include_pad=True`, its default.} other {}}" +
    "\n\n{steps}\n\n" +
    "The output is\n\n{answer}",
  mistakes: {
    strideIgnored:
      "It looks like you slid the kernel one position at a time. The stride is {stride}, so the windows start {stride} entries apart and there are fewer of them, as in a pooling layer.",
    sumInsteadOfMean:
      "These are the windows' sums: each weight is one over {area}, not 1. A kernel of equal weights that add up to 1 takes the mean.",
    maxInsteadOfAverage: "These are the windows' maxima. A constant kernel weighs every entry of the window equally: that is average pooling, not max pooling.",
    paddingCountSwapped:
      "It looks like you divided by the number of input entries in each border window. The convolution multiplies the padded zeros by the same weights, so every window's sum is divided by {area}.",
  },
} as const;

const zhCN = {
  title: "平均汇聚即卷积",
  prompt:
    "一个卷积层只有一个输入通道和一个输出通道，没有偏置，卷积核固定为 {size} 的" +
    "\n\n{kernel}\n\n" +
    "步幅为 {stride}{padded, select, yes {，每侧填充 {padding}（用 0 填充）} other {}}。与 d2l 中所有卷积层一样，它做的是互相关运算。它对输入" +
    "\n\n{input}\n\n" +
    "的输出是什么？请写出输出矩阵，各行之间用 `;` 分隔（例如 `1 2; 3 4`），保留两位小数即可。",
  solution:
    "每个权重都是 {fraction}，所以每个输出是窗口内元素之和乘以 {fraction}，即窗口的平均值。这个层就是 {size} 的平均汇聚层（平均池化层）（⟦d2l.max-avg-pooling⟧）" +
    "{overlap, select, yes {，步幅小于窗口，所以窗口相互重叠} other {；步幅等于窗口大小，每个输入元素只用一次，与汇聚层默认的步幅相同（⟦d2l.pooling-padding-stride⟧）}}" +
    "。汇聚层没有参数；这里卷积核是固定的，而不是学出来的。" +
    "{padded, select, yes {填充的 0 落在窗口里，权重仍然是除以 {area}，所以 0 也计入平均：这就是 PyTorch 平均汇聚的默认设置 `count_include_pad=True`。} other {}}" +
    "\n\n{steps}\n\n" +
    "输出为\n\n{answer}",
  mistakes: {
    strideIgnored: "看起来你每次只移动了一个位置。步幅为 {stride}，窗口之间相隔 {stride} 个元素，窗口更少，与汇聚层相同。",
    sumInsteadOfMean: "这些是各窗口的和：每个权重是 {area} 分之一，不是 1。权重相等且总和为 1 的卷积核求的是平均值。",
    maxInsteadOfAverage: "这些是各窗口的最大值。常数卷积核对窗口中每个元素一视同仁：这是平均汇聚，不是最大汇聚。",
    paddingCountSwapped: "看起来你在边界窗口里只除以了输入元素的个数。卷积对填充的 0 也乘以同样的权重，所以每个窗口的和都除以 {area}。",
  },
} as const satisfies Catalogue<typeof en>;

export const poolingAvgAsConvCatalogues = { en, "zh-CN": zhCN } as const;
export const poolingAvgAsConvMessages = createTranslators(poolingAvgAsConvCatalogues);
