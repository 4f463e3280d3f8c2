import { type Catalogue, createTranslators } from "../messages";

/**
 * Messages of `grad.descent-step`; terms as d2l 6.2.4 (学习卷积核, 学习率, 梯度下降) and NNDL 5.3
 * (参数学习, 误差项).
 */
const en = {
  title: "One gradient-descent step on a kernel",
  prompt:
    "A convolutional layer computes {forward} (cross-correlation, as PyTorch's `nn.Conv2d`) with stride {stride} and padding {padding} on every side. Its input and kernel are" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "{loss, select, sum {The loss is the sum of the layer's outputs, {sumLoss}.} other {Backpropagation has brought the gradient of the loss with respect to the layer's output, {deltaName}:\n\n{delta}}}" +
    "\n\n" +
    "One step of gradient descent with learning rate {rate} updates the kernel. What is the kernel after the step? Answer with the matrix, rows separated by `;` (for example `0.5 -1.2; 3 0.75`).",
  solution:
    "A gradient-descent step moves every weight against its gradient, {update} (⟦d2l.learning-kernel⟧: `conv2d.weight.data[:] -= lr * conv2d.weight.grad`; ⟦nndl.learning⟧)." +
    "{loss, select, sum { The loss adds up the outputs, so {ones} at every output entry.} other {}}" +
    " First the gradient: the input cross-correlated with δ," +
    "\n\n{formula}\n\n{gradientSteps}\n\n{gradient}\n\n" +
    "Then the step with {rate}, entry by entry:" +
    "\n\n{stepSteps}\n\n" +
    "So the kernel after the step is\n\n{answer}",
  stepsFold: "All {count} weights, step by step",
  mistakes: {
    addedGradient:
      "You added the gradient. The gradient points where the loss grows fastest, so descent subtracts it: W minus the learning rate times ∂L/∂W.",
    rateLeftOut: "You subtracted the whole gradient. The step is the gradient scaled by the learning rate {rate}: multiply before subtracting.",
    gradientNotApplied: "That is the gradient ∂L/∂W itself. The question asks for the kernel after the step: W minus the learning rate times this gradient.",
    deltaRotated:
      "Your gradient rotated δ by 180°. The gradient of the kernel is the plain cross-correlation of the input with δ; the rotation belongs to the gradient of the input (⟦nndl.learning⟧).",
  },
} as const;

const zhCN = {
  title: "卷积核的一步梯度下降",
  prompt:
    "一个卷积层计算 {forward}（互相关运算，与 PyTorch 的 `nn.Conv2d` 相同），步幅为 {stride}，每侧填充 {padding}。它的输入和卷积核为" +
    "\n\n{input}\n\n{kernel}\n\n" +
    "{loss, select, sum {损失是该层所有输出之和，{sumLoss}。} other {反向传播已经求得损失对该层输出的梯度（误差项）{deltaName}：\n\n{delta}}}" +
    "\n\n" +
    "用学习率 {rate} 做一步梯度下降来更新卷积核。更新后的卷积核是什么？请写出矩阵，各行之间用 `;` 分隔（例如 `0.5 -1.2; 3 0.75`）。",
  solution:
    "梯度下降的一步让每个权重沿其梯度的反方向移动，{update}（⟦d2l.learning-kernel⟧：`conv2d.weight.data[:] -= lr * conv2d.weight.grad`；⟦nndl.learning⟧）。" +
    "{loss, select, sum {损失把所有输出相加，所以每个输出元素上 {ones}。} other {}}" +
    "先求梯度：输入与 δ 的互相关运算，" +
    "\n\n{formula}\n\n{gradientSteps}\n\n{gradient}\n\n" +
    "再用 {rate} 逐个元素更新：" +
    "\n\n{stepSteps}\n\n" +
    "所以更新后的卷积核为\n\n{answer}",
  stepsFold: "全部 {count} 个权重的逐步计算",
  mistakes: {
    addedGradient: "你加上了梯度。梯度指向损失增长最快的方向，所以梯度下降要减去它：W 减去学习率乘以 ∂L/∂W。",
    rateLeftOut: "你减去了整个梯度。每一步是梯度乘以学习率 {rate}：先相乘再相减。",
    gradientNotApplied: "这是梯度 ∂L/∂W 本身。题目问的是更新一步后的卷积核：W 减去学习率乘以这个梯度。",
    deltaRotated: "你求梯度时把 δ 旋转了 180°。卷积核的梯度就是输入与 δ 的互相关运算；旋转属于输入的梯度（⟦nndl.learning⟧）。",
  },
} as const satisfies Catalogue<typeof en>;

export const gradDescentStepCatalogues = { en, "zh-CN": zhCN } as const;
export const gradDescentStepMessages = createTranslators(gradDescentStepCatalogues);
