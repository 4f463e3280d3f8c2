import { type Catalogue, createTranslators } from "../messages";

/** Messages of `tconv.values`; ICU syntax, LaTeX and matrices arrive as arguments. */
const en = {
  title: "Compute a transposed convolution",
  prompt:
    "Compute the 2-D transposed convolution of the input {input} with the kernel {kernel}, stride {stride} and padding {padding} (one channel, no bias; PyTorch `ConvTranspose2d` semantics)." +
    "\n\nAnswer with the output matrix, for example as rows separated by `;`.",
  solution:
    "Each input element in row $i$, column $j$ (counting from $0$) scales a copy of the kernel, which is added into the output with its top-left corner at row $i \\cdot s$, column $j \\cdot s$ (⟦d2l.tconv-basic⟧). " +
    "Without padding the output is {fullSize}:" +
    "\n\n{contributions}\n\n" +
    "Summing the copies gives {full}" +
    "{padding, select, none {.} other {, and padding {padding} removes that many rows and columns from each side of it (⟦d2l.tconv-padding-stride⟧), leaving {answer}.}}" +
    "\n\nThe output is {answer}.",
  contribution: "{element} places {scaled} at row {row}, column {column}",
  mistakes: {
    kernelFlipped:
      "It looks like you flipped the kernel. A transposed convolution places the kernel as it is, scaled by each input element; no 180° rotation.",
    paddingKept:
      "It looks like you kept the padding rows and columns. In a transposed convolution padding removes rows and columns from the output’s borders instead of adding zeros to the input.",
    crossCorrelation:
      "It looks like you computed an ordinary cross-correlation (sliding the kernel over the input). A transposed convolution goes the other way: each input element spreads into a kernel-sized block of the output.",
  },
} as const;

const zhCN = {
  title: "计算转置卷积",
  prompt:
    "计算输入 {input} 与卷积核 {kernel} 的二维转置卷积（也称反卷积），步幅为 {stride}，填充为 {padding}（单通道，无偏置；按 PyTorch `ConvTranspose2d` 的语义）。" +
    "\n\n请写出输出矩阵，例如用 `;` 分隔各行。",
  solution:
    "第 $i$ 行、第 $j$ 列（从 $0$ 开始计数）的每个输入元素乘以卷积核得到一份副本，加到输出中左上角位于第 $i \\cdot s$ 行、第 $j \\cdot s$ 列的位置（⟦d2l.tconv-basic⟧）。" +
    "不考虑填充时输出大小为 {fullSize}：" +
    "\n\n{contributions}\n\n" +
    "把这些副本相加得到 {full}" +
    "{padding, select, none {。} other {，填充 {padding} 从它的每一侧删去相应数量的行和列（⟦d2l.tconv-padding-stride⟧），得到 {answer}。}}" +
    "\n\n输出为 {answer}。",
  contribution: "{element} 把 {scaled} 放在第 {row} 行、第 {column} 列",
  mistakes: {
    kernelFlipped: "看起来你把卷积核翻转了。转置卷积直接把卷积核乘以每个输入元素后放置，不需要旋转 180°。",
    paddingKept: "看起来你保留了填充的行和列。在转置卷积中，填充是从输出的边缘删去行和列，而不是在输入周围填充零。",
    crossCorrelation: "看起来你计算的是普通的互相关运算（让卷积核在输入上滑动）。转置卷积方向相反：每个输入元素扩散到输出中一个卷积核大小的区域。",
  },
} as const satisfies Catalogue<typeof en>;

export const transposedConvValuesCatalogues = { en, "zh-CN": zhCN } as const;
export const transposedConvValuesMessages = createTranslators(transposedConvValuesCatalogues);
