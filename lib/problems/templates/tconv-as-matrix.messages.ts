import { type Catalogue, createTranslators } from "../messages";

/** Messages of `tconv.as-matrix`; terms as d2l 13.10 (转置卷积, 卷积核, 权重矩阵, 步幅, 矩阵乘法). */
const en = {
  title: "Transposed convolution as a matrix product",
  prompt:
    "A convolution of a {inSize} input $X$ with the {kernelSize} kernel $K$ at stride {stride}, without padding, is a matrix product $y = W x$: $x$ is $X$ flattened row by row and $W$ is a sparse {wSize} weight matrix whose row $r$ holds the kernel's weights in the columns of output $r$'s window (d2l's `kernel2matrix`)." +
    "\n\n{kernel}\n\n" +
    "{shown, select, yes {Here $W$ is\n\n{w}\n\n} other {Build $W$ yourself. }}" +
    "Multiplying by the transpose instead gives the transposed convolution. For" +
    "\n\n{y}\n\n" +
    "compute {z} = {wt} and answer with it reshaped to the shape of $X$ (row by row), rows separated by `;` (for example `1 2; 3 4`).",
  solution:
    "{shown, select, yes {$W$, as given, holds the kernel once a row, at each output's window (⟦d2l.tconv-matrix⟧):\n\n{w}\n\n} other {Row $r$ of $W$ places the kernel at output $r$'s window: each row shifts the kernel by {strideCount, plural, =1 {one column} other {{stride} columns}} of $X$, and each new row of outputs by {strideCount, plural, =1 {one row} other {{stride} rows}} of $X$ (⟦d2l.tconv-matrix⟧):\n\n{w}\n\n}}" +
    "Entry $c$ of {wt} is column $c$ of $W$ (the weights that meet input $c$) dotted with $y$; the zero terms are left out:" +
    "\n\n{steps}\n\n" +
    "Reshaped row by row:\n\n{answer}\n\n" +
    "This is the transposed convolution of" +
    "\n\n{yMatrix}\n\n" +
    "with $K$ at stride {stride}: each entry of $Y$ scales a copy of the kernel placed at its window, and the copies are summed (⟦d2l.tconv-basic⟧). A convolution multiplies by $W$; its gradient with respect to the input, and the transposed convolution, multiply by the transpose (⟦d2l.tconv-matrix⟧).",
  mistakes: {
    crossCorrelation:
      "This slides $K$ as written over the zero-padded $Y$. Column $c$ of $W$ meets the kernel's weights in reverse order, so the transposed convolution slides the kernel rotated by 180°, or, simpler, spreads a copy of $K$ scaled by each entry of $Y$.",
    wInsteadOfTranspose:
      "This is the convolution of $Y$ with $K$, a product with {w}: it shrinks its input. Multiplying by {wt} goes the other way, from the convolution's output size back to its input size.",
    strideIgnored:
      "It looks like you placed the copies of the kernel one position apart. The convolution's stride is {stride}, so the rows of $W$ shift the kernel {stride} columns, and the copies in {stride}-apart positions: the result has the input's size.",
  },
} as const;

const zhCN = {
  title: "转置卷积即乘以转置矩阵",
  prompt:
    "用 {kernelSize} 的卷积核 $K$ 以步幅 {stride}（不填充）对 {inSize} 的输入 $X$ 做卷积，可以写成矩阵乘法 $y = W x$：$x$ 是把 $X$ 逐行连接得到的向量，$W$ 是 {wSize} 的稀疏权重矩阵，第 $r$ 行在输出 $r$ 的窗口对应的列上放着卷积核的权重（d2l 的 `kernel2matrix`）。" +
    "\n\n{kernel}\n\n" +
    "{shown, select, yes {这里的 $W$ 为\n\n{w}\n\n} other {请自己写出 $W$。}}" +
    "改为乘以转置矩阵，得到的就是转置卷积。对" +
    "\n\n{y}\n\n" +
    "计算 {z} = {wt}，并把结果按行重塑成 $X$ 的形状，各行之间用 `;` 分隔（例如 `1 2; 3 4`）。",
  solution:
    "{shown, select, yes {给定的 $W$ 每行放一次卷积核，位于各输出的窗口上（⟦d2l.tconv-matrix⟧）：\n\n{w}\n\n} other {$W$ 的第 $r$ 行把卷积核放在输出 $r$ 的窗口上：每往下一行，卷积核在 $X$ 中右移 {strideCount, plural, other {{stride} 列}}；换到下一行输出时，下移 {strideCount, plural, other {{stride} 行}}（⟦d2l.tconv-matrix⟧）：\n\n{w}\n\n}}" +
    "{wt} 的第 $c$ 个元素是 $W$ 的第 $c$ 列（与输入 $c$ 相乘的那些权重）与 $y$ 的点积，零项略去：" +
    "\n\n{steps}\n\n" +
    "按行重塑：\n\n{answer}\n\n" +
    "这就是以步幅 {stride} 用 $K$ 对" +
    "\n\n{yMatrix}\n\n" +
    "做转置卷积：$Y$ 的每个元素乘以卷积核，放在它的窗口位置上，再把这些副本相加（⟦d2l.tconv-basic⟧）。卷积乘以 $W$；它对输入的梯度以及转置卷积都乘以转置矩阵（⟦d2l.tconv-matrix⟧）。",
  mistakes: {
    crossCorrelation:
      "这是把 $K$ 原样在用 0 填充后的 $Y$ 上滑动的结果。$W$ 的第 $c$ 列遇到的卷积核权重顺序是反的，所以转置卷积滑动的是旋转 180° 的卷积核；更简单的做法是把 $Y$ 的每个元素乘以 $K$ 的副本再相加。",
    wInsteadOfTranspose: "这是 $Y$ 与 $K$ 的卷积，即乘以 {w}：它会缩小输入。乘以 {wt} 是反方向，从卷积输出的大小回到卷积输入的大小。",
    strideIgnored: "看起来你把卷积核的副本每隔一个位置放一个。卷积的步幅是 {stride}，$W$ 的各行把卷积核移动 {stride} 列，副本也相隔 {stride} 个位置：结果与输入同样大小。",
  },
} as const satisfies Catalogue<typeof en>;

export const tconvAsMatrixCatalogues = { en, "zh-CN": zhCN } as const;
export const tconvAsMatrixMessages = createTranslators(tconvAsMatrixCatalogues);
