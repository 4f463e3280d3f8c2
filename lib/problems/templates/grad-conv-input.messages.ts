import { type Catalogue, createTranslators } from "../messages";

/**
 * Messages of `grad.conv-input`; terms as NNDL 5.1.3–5.3 (宽卷积, 旋转 180°, 误差项, 参数学习)
 * and d2l 6.2.5 (互相关, 卷积).
 */
const en = {
  title: "Backpropagation: the gradient of a convolution's input",
  prompt:
    "A convolutional layer computes {forward} (cross-correlation, as PyTorch's `nn.Conv2d`) with stride {stride} and padding {padding} on every side. Its input and kernel are" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "Backpropagation has brought the gradient of the loss with respect to the layer's output, {deltaName}:" +
    "\n\n{delta}\n\n" +
    "What is {asked}, the gradient of the loss with respect to the input, which backpropagation passes on to the layer below? Answer with the matrix, rows separated by `;` (for example `1 2; 3 4`).",
  solution:
    "In the forward pass every output entry is {forwardEntry}: an input entry reaches each output whose window covers it, multiplied by the kernel entry it meets there. By the chain rule, summing over those outputs (⟦nndl.learning⟧; ⟦nndl.conv-properties⟧):" +
    "\n\n{formula}\n\n" +
    "where only the terms whose kernel index lies inside the kernel count. This is NNDL's wide convolution: {spread, select, yes {spread δ's entries out with {between, plural, one {# zero} other {# zeros}} between neighbours (the stride), } other {}}pad δ with {zeros, plural, one {# row and column} other {# rows and columns}} of zeros on every side (k − 1), and cross-correlate it with the kernel rotated by 180°{padded, select, yes {; then drop the outer {padding, plural, one {row and column} other {# rows and columns}} on every side, which belong to the padding, not to X (the same as padding δ with {inner, plural, =0 {no zeros} one {# row and column of zeros} other {# rows and columns of zeros}} in the first place, as the figure draws it)} other {}}:" +
    "\n\n{rotated}\n\n{steps}\n\n" +
    "So\n\n{answer}",
  mistakes: {
    kernelNotRotated:
      "You slid the kernel over δ as it is. Passing the gradient back runs the forward pass in reverse, which turns the kernel by 180°: ∂L/∂X is the wide convolution of δ with the kernel, that is δ padded and cross-correlated with the rotated kernel (⟦nndl.learning⟧).",
    strideZerosMissing:
      "It looks like you placed δ's entries next to each other. With stride {stride} neighbouring windows start {stride} apart, so each δ entry goes back to a window {stride} positions from the last: insert {between, plural, one {# zero} other {# zeros}} between δ's entries before the wide convolution.",
    paddingNotDropped:
      "It looks like you kept the top-left corner of the wide convolution. Its outer {padding, plural, one {row and column} other {# rows and columns}} on every side are the gradient of the padding, not of X: drop them and keep the middle.",
  },
} as const;

const zhCN = {
  title: "反向传播：卷积层输入的梯度",
  prompt:
    "一个卷积层计算 {forward}（互相关运算，与 PyTorch 的 `nn.Conv2d` 相同），步幅为 {stride}，每侧填充 {padding}。它的输入和卷积核为" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "反向传播已经求得损失对该层输出的梯度（误差项）{deltaName}：" +
    "\n\n{delta}\n\n" +
    "损失对输入的梯度 {asked}（反向传播传给下一层的误差项）是什么？请写出矩阵，各行之间用 `;` 分隔（例如 `1 2; 3 4`）。",
  solution:
    "前向计算中每个输出元素为 {forwardEntry}：一个输入元素参与每个覆盖它的窗口的输出，乘以它在那里遇到的卷积核元素。由链式法则，对这些输出求和（⟦nndl.learning⟧；⟦nndl.conv-properties⟧）：" +
    "\n\n{formula}\n\n" +
    "其中只计卷积核下标落在卷积核内的项。这就是 NNDL 中的宽卷积：{spread, select, yes {先在 δ 的相邻元素之间插入 {between} 个零（步幅），} other {}}在 δ 的每侧填充 {zeros} 行和列的零（k − 1），再与旋转 180° 的卷积核做互相关运算{padded, select, yes {；然后去掉每侧最外面的 {padding} 行和列，它们属于填充而不属于 X（等于一开始{inner, plural, =0 {不给 δ 填充} other {只在 δ 的每侧填充 # 行和列的零}}，如图所示）} other {}}：" +
    "\n\n{rotated}\n\n{steps}\n\n" +
    "所以\n\n{answer}",
  mistakes: {
    kernelNotRotated:
      "你把卷积核原样在 δ 上滑动了。梯度的反向传递把前向计算倒过来，卷积核要旋转 180°：∂L/∂X 是 δ 与卷积核的宽卷积，即用零填充后的 δ 与旋转后的卷积核做互相关运算（⟦nndl.learning⟧）。",
    strideZerosMissing:
      "看起来你把 δ 的元素紧挨着放了。步幅为 {stride} 时相邻窗口相隔 {stride}，所以每个 δ 元素传回的窗口与上一个相隔 {stride} 个位置：做宽卷积之前要在 δ 的元素之间插入 {between} 个零。",
    paddingNotDropped:
      "看起来你取了宽卷积结果的左上角。每侧最外面的 {padding} 行和列是填充的梯度，不是 X 的：去掉它们，保留中间部分。",
  },
} as const satisfies Catalogue<typeof en>;

export const gradConvInputCatalogues = { en, "zh-CN": zhCN } as const;
export const gradConvInputMessages = createTranslators(gradConvInputCatalogues);
