import { type Catalogue, createTranslators } from "../messages";

/** Messages of `pooling.avg-values`; terms as d2l 6.5 (平均汇聚层, 汇聚窗口, 步幅, 填充). */
const en = {
  title: "Average pooling: the output values",
  prompt:
    "A 2-D average-pooling layer with a {window} pooling window, stride {stride} and padding {padding} on every side (as PyTorch's `nn.AvgPool2d`) is applied to the input" +
    "\n\n{input}\n\n" +
    "{pad, select, include {Padded positions count as zeros in each average (PyTorch's default, `count_include_pad=True`).\n\n} exclude {Each window is averaged over its input entries only; padded positions are not counted (`count_include_pad=False`).\n\n} other {}}" +
    "What is the output? Answer with the output matrix, rows separated by `;` (for example `1 2.5; 3 4`); decimals to two places are enough.",
  solution:
    "The window starts at the top left of the {pad, select, none {} other {padded }}input and moves with stride {stride}, first along the row, then down; each output entry is the mean of its window (⟦d2l.max-avg-pooling⟧)." +
    "{pad, select, include { Padded positions are zeros and count in the divisor, which is always the window's {area} entries.} exclude { Padded positions are left out, so a border window divides by the number of input entries it covers.} other {}}" +
    "\n\n{steps}\n\n" +
    "The output is\n\n{answer}",
  mistakes: {
    maxInsteadOfAverage: "These are the windows' maxima. Average pooling takes the mean of each window; max pooling is the one that takes the largest value.",
    strideIgnored:
      "It looks like you moved the window one position at a time. With stride {stride} it moves {stride} positions, so there are fewer windows.",
    paddingCountSwapped:
      "{pad, select, include {It looks like you left the padded positions out of the divisor. Here they count as zeros (`count_include_pad=True`), so every window divides by {area}.} other {It looks like you counted the padded positions as zeros. Here they are left out (`count_include_pad=False`), so a border window divides only by the number of input entries it covers.}}",
  },
} as const;

const zhCN = {
  title: "平均汇聚：输出的值",
  prompt:
    "一个二维平均汇聚层（平均池化层），汇聚窗口为 {window}，步幅为 {stride}，每侧填充 {padding}（与 PyTorch 的 `nn.AvgPool2d` 相同），作用于输入" +
    "\n\n{input}\n\n" +
    "{pad, select, include {填充的位置按 0 计入平均值（PyTorch 的默认设置，`count_include_pad=True`）。\n\n} exclude {每个窗口只对其中的输入元素求平均，填充的位置不计入（`count_include_pad=False`）。\n\n} other {}}" +
    "输出是什么？请写出输出矩阵，各行之间用 `;` 分隔（例如 `1 2.5; 3 4`）；小数保留两位即可。",
  solution:
    "汇聚窗口从{pad, select, none {} other {填充后}}输入的左上角开始，以步幅 {stride} 移动，先沿行从左到右，再向下；每个输出元素是其窗口中元素的平均值（⟦d2l.max-avg-pooling⟧）。" +
    "{pad, select, include {填充的位置为 0，并计入除数，所以除数总是窗口的 {area} 个元素。} exclude {填充的位置不计入，所以边缘窗口只除以它覆盖的输入元素个数。} other {}}" +
    "\n\n{steps}\n\n" +
    "输出为\n\n{answer}",
  mistakes: {
    maxInsteadOfAverage: "这些是各窗口的最大值。平均汇聚取每个窗口的平均值；取最大值的是最大汇聚。",
    strideIgnored: "看起来你每次只移动了一个位置。步幅为 {stride} 时窗口每次移动 {stride} 个位置，所以窗口更少。",
    paddingCountSwapped:
      "{pad, select, include {看起来你没有把填充的位置计入除数。这里填充按 0 计入（`count_include_pad=True`），所以每个窗口都除以 {area}。} other {看起来你把填充的位置按 0 计入了。这里填充不计入（`count_include_pad=False`），所以边缘窗口只除以它覆盖的输入元素个数。}}",
  },
} as const satisfies Catalogue<typeof en>;

export const poolingAvgValuesCatalogues = { en, "zh-CN": zhCN } as const;
export const poolingAvgValuesMessages = createTranslators(poolingAvgValuesCatalogues);
