import { type Catalogue, createTranslators } from "../messages";

/** Messages of `pooling.max-values`; terms as d2l 6.5 (汇聚层 / 池化层, 汇聚窗口, 步幅, 填充). */
const en = {
  title: "Max pooling: the output values",
  prompt:
    "A 2-D max-pooling layer with a {window} pooling window, stride {stride} and padding {padding} on every side (as PyTorch's `nn.MaxPool2d`) is applied to the input" +
    "\n\n{input}\n\n" +
    "What is the output? Answer with the output matrix, rows separated by `;` (for example `1 2; 3 4`).",
  solution:
    "The window starts at the top left of the {padded, select, yes {padded } other {}}input and moves with stride {stride}, first along the row, then down; each output entry is the largest value in its window (⟦d2l.max-avg-pooling⟧)." +
    "{padded, select, yes { Max pooling pads with {negInf}, so a padded position never wins the maximum.} other {}}" +
    "\n\n{steps}\n\n" +
    "The output is\n\n{answer}",
  mistakes: {
    averageInsteadOfMax:
      "These are the windows' averages. Max pooling takes the largest value of each window; average pooling is the one that averages.",
    strideIgnored:
      "It looks like you moved the window one position at a time. With stride {stride} it moves {stride} positions, so there are fewer windows.",
    zeroPadding:
      "It looks like you padded with zeros. Max pooling pads with {negInf} (PyTorch's `nn.MaxPool2d`), so a window over negative inputs and padding keeps its largest input, not 0.",
  },
} as const;

const zhCN = {
  title: "最大汇聚：输出的值",
  prompt:
    "一个二维最大汇聚层（最大池化层），汇聚窗口为 {window}，步幅为 {stride}，每侧填充 {padding}（与 PyTorch 的 `nn.MaxPool2d` 相同），作用于输入" +
    "\n\n{input}\n\n" +
    "输出是什么？请写出输出矩阵，各行之间用 `;` 分隔（例如 `1 2; 3 4`）。",
  solution:
    "汇聚窗口从{padded, select, yes {填充后}other {}}输入的左上角开始，以步幅 {stride} 移动，先沿行从左到右，再向下；每个输出元素是其窗口中的最大值（⟦d2l.max-avg-pooling⟧）。" +
    "{padded, select, yes {最大汇聚用 {negInf} 填充，所以填充的位置永远不会成为最大值。} other {}}" +
    "\n\n{steps}\n\n" +
    "输出为\n\n{answer}",
  mistakes: {
    averageInsteadOfMax: "这些是各窗口的平均值。最大汇聚取每个窗口中的最大值；求平均的是平均汇聚。",
    strideIgnored: "看起来你每次只移动了一个位置。步幅为 {stride} 时窗口每次移动 {stride} 个位置，所以窗口更少。",
    zeroPadding:
      "看起来你用 0 做了填充。最大汇聚用 {negInf} 填充（PyTorch 的 `nn.MaxPool2d`），所以覆盖负数输入和填充的窗口保留其中最大的输入值，而不是 0。",
  },
} as const satisfies Catalogue<typeof en>;

export const poolingMaxValuesCatalogues = { en, "zh-CN": zhCN } as const;
export const poolingMaxValuesMessages = createTranslators(poolingMaxValuesCatalogues);
