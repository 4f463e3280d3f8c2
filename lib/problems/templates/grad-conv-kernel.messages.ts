import { type Catalogue, createTranslators } from "../messages";

/**
 * Messages of `grad.conv-kernel`; terms as NNDL 5.3 (参数学习, 误差项, 互相关) and d2l 6.2.4
 * (学习卷积核, 梯度).
 */
const en = {
  title: "Backpropagation: the gradient of a kernel",
  prompt:
    "A convolutional layer computes {forward} (cross-correlation, as PyTorch's `nn.Conv2d`; its bias plays no part here) with stride {stride} and padding {padding} on every side. Its input and kernel are" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "Backpropagation has brought the gradient of the loss with respect to the layer's output, {deltaName}:" +
    "\n\n{delta}\n\n" +
    "What is {asked}, the gradient of the loss with respect to the kernel? Answer with the matrix, rows separated by `;` (for example `1 2; 3 4`).",
  solution:
    "In the forward pass every output entry is {forwardEntry}{padded, select, yes { (the padding entries of X are 0)} other {}}: the weight at (a, b) meets every output entry once, multiplied by the input entry under it. By the chain rule, summing over all output entries (⟦nndl.learning⟧; ⟦d2l.learning-kernel⟧):" +
    "\n\n{formula}\n\n" +
    "This is the cross-correlation of the {padded, select, yes {padded } other {}}input with δ{spread, select, yes {, whose entries meet input entries {stride} apart, as the windows of neighbouring outputs start {stride} apart} other {}}. The kernel's own values play no part." +
    "\n\n{steps}\n\n" +
    "So\n\n{answer}",
  mistakes: {
    deltaRotated:
      "You rotated δ by 180°, as in a true convolution. The rotation belongs to the gradient of the input, ∂L/∂X; the gradient of the kernel is the plain cross-correlation of the input with δ (⟦nndl.learning⟧).",
    strideIgnored:
      "It looks like you slid δ over the input one position at a time. With stride {stride} the windows of neighbouring outputs start {stride} positions apart, so δ's entries meet input entries {stride} apart.",
    paddingIgnored:
      "It looks like you left out the padding. The forward pass added {padding} row and column of zeros on every side, so δ's top-left entry met the padded border: correlate δ with the padded input.",
  },
} as const;

const zhCN = {
  title: "反向传播：卷积核的梯度",
  prompt:
    "一个卷积层计算 {forward}（互相关运算，与 PyTorch 的 `nn.Conv2d` 相同；偏置在这里不起作用），步幅为 {stride}，每侧填充 {padding}。它的输入和卷积核为" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "反向传播已经求得损失对该层输出的梯度（误差项）{deltaName}：" +
    "\n\n{delta}\n\n" +
    "损失对卷积核的梯度 {asked} 是什么？请写出矩阵，各行之间用 `;` 分隔（例如 `1 2; 3 4`）。",
  solution:
    "前向计算中每个输出元素为 {forwardEntry}{padded, select, yes {（X 的填充元素为 0）} other {}}：位置 (a, b) 上的权重与每个输出元素相遇一次，乘以它下方的输入元素。由链式法则，对所有输出元素求和（⟦nndl.learning⟧；⟦d2l.learning-kernel⟧）：" +
    "\n\n{formula}\n\n" +
    "这就是{padded, select, yes {填充后的} other {}}输入与 δ 的互相关运算{spread, select, yes {，δ 的元素对应相隔 {stride} 的输入元素，因为相邻输出的窗口相隔 {stride}} other {}}。卷积核本身的值不起作用。" +
    "\n\n{steps}\n\n" +
    "所以\n\n{answer}",
  mistakes: {
    deltaRotated:
      "你把 δ 旋转了 180°，像真正的卷积那样。旋转属于输入的梯度 ∂L/∂X；卷积核的梯度就是输入与 δ 的互相关运算，不旋转（⟦nndl.learning⟧）。",
    strideIgnored:
      "看起来你让 δ 在输入上每次只移动一个位置。步幅为 {stride} 时，相邻输出的窗口相隔 {stride} 个位置，所以 δ 的元素对应相隔 {stride} 的输入元素。",
    paddingIgnored:
      "看起来你忽略了填充。前向计算在每侧填充了 {padding} 行和列的零，所以 δ 的左上角元素对应填充的边界：应让 δ 与填充后的输入做互相关运算。",
  },
} as const satisfies Catalogue<typeof en>;

export const gradConvKernelCatalogues = { en, "zh-CN": zhCN } as const;
export const gradConvKernelMessages = createTranslators(gradConvKernelCatalogues);
