import { type Catalogue, createTranslators } from "../messages";

/** Messages of `xcorr.edge-detection`; terms as d2l 6.2.3 (图像中目标的边缘检测, 互相关运算, 卷积核). */
const en = {
  title: "Edge detection with the kernel [1, −1]",
  prompt:
    "The image $X$ below is cross-correlated with the {kernelSize} kernel {kernel} (stride 1, no padding), as in d2l's edge-detection example:" +
    "\n\n{input}\n\n" +
    "What is the output? Answer with the output matrix, rows separated by `;` (for example `1 0; 0 -1`).",
  solution:
    "The kernel {kernel} subtracts each pixel's right-hand neighbour from it: {rule}. The output is 0 where the two neighbours are equal and non-zero only at a vertical edge: positive where the image gets darker to the right, negative where it gets brighter (⟦d2l.edge-detection⟧)." +
    "{horizontal, select, yes { Here every row of $X$ is constant, the edges are horizontal, so this kernel sees none of them: it detects vertical edges only.} other {}}" +
    "\n\n{steps}\n\n" +
    "The output is\n\n{answer}",
  mistakes: {
    signsSwapped:
      "The signs are swapped: you computed the right neighbour minus the pixel (the kernel flipped). The cross-correlation with {kernel} takes the pixel minus its right neighbour.",
    absoluteValues: "It looks like you marked every edge with a positive value. The sign tells the direction: a bright-to-dark step gives a positive value, dark-to-bright a negative one.",
    verticalDifferences:
      "It looks like you subtracted the pixel below instead of the one to the right. The kernel {kernel} is one row by two columns: it compares horizontal neighbours, so it only sees vertical edges.",
  },
} as const;

const zhCN = {
  title: "用卷积核 [1, −1] 做边缘检测",
  prompt:
    "像 d2l 的边缘检测例子那样，用 {kernelSize} 的卷积核 {kernel} 与下面的图像 $X$ 做互相关运算（步幅为 1，没有填充）：" +
    "\n\n{input}\n\n" +
    "输出是什么？请写出输出矩阵，各行之间用 `;` 分隔（例如 `1 0; 0 -1`）。",
  solution:
    "卷积核 {kernel} 用每个像素减去它右边相邻的像素：{rule}。两个相邻像素相等时输出为 0，只有在垂直边缘处才不为 0：从左到右由亮变暗处为正，由暗变亮处为负（⟦d2l.edge-detection⟧）。" +
    "{horizontal, select, yes {这里 $X$ 的每一行都是常数，边缘是水平的，所以这个卷积核一个也检测不到：它只能检测垂直边缘。} other {}}" +
    "\n\n{steps}\n\n" +
    "输出为\n\n{answer}",
  mistakes: {
    signsSwapped: "符号反了：你算的是右边的像素减去当前像素（相当于翻转了卷积核）。与 {kernel} 做互相关运算是当前像素减去右边相邻的像素。",
    absoluteValues: "看起来你把所有边缘都记成了正值。符号表示方向：由亮变暗为正，由暗变亮为负。",
    verticalDifferences: "看起来你减去的是下面的像素而不是右边的像素。卷积核 {kernel} 是一行两列的：它比较水平相邻的像素，所以只能检测垂直边缘。",
  },
} as const satisfies Catalogue<typeof en>;

export const xcorrEdgeDetectionCatalogues = { en, "zh-CN": zhCN } as const;
export const xcorrEdgeDetectionMessages = createTranslators(xcorrEdgeDetectionCatalogues);
