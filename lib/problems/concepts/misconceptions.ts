import { type ConceptMisconception, type ConceptOption, text } from "./types";

/**
 * The named wrong beliefs that concept distractors encode, shared by the items so that one
 * belief has one id and one explanation wherever it shows up.
 */
const misconception = (id: string, en: string, zh: string): ConceptMisconception => ({ id, feedback: text(en, zh) });

export const KERNEL_FLIPPED = misconception(
  "kernel-flipped",
  "A convolutional layer in deep learning computes a cross-correlation: the kernel is not flipped. Since the kernel is learned, flipping it would change nothing the layer can express.",
  "深度学习中的卷积层计算的是互相关运算：卷积核不翻转。由于卷积核是学习得到的，翻转与否不影响该层的表达能力。",
);

export const FORGOT_PLUS_ONE = misconception(
  "forgot-plus-one",
  "The first window position counts too: there are $n - k + 1$ positions, one more than the number of steps that fit.",
  "第一个窗口位置也要计数：共有 $n - k + 1$ 个位置，比能移动的步数多一个。",
);

export const POOLING_HAS_PARAMETERS = misconception(
  "pooling-has-parameters",
  "A pooling layer has no parameters: it computes a fixed maximum or average over each window.",
  "汇聚层（池化层）没有参数：它对每个窗口计算固定的最大值或平均值。",
);

export const POOLING_MERGES_CHANNELS = misconception(
  "pooling-merges-channels",
  "Pooling works on each input channel separately, so the number of output channels equals the number of input channels.",
  "汇聚层（池化层）在每个输入通道上单独运算，因此输出通道数等于输入通道数。",
);

export const PARAMS_GROW_WITH_IMAGE = misconception(
  "params-grow-with-image",
  "A convolutional layer's parameters are its kernels and biases; the same kernel slides over every position, so their number does not depend on the input's height and width.",
  "卷积层的参数是卷积核和偏置；同一个卷积核在所有位置上滑动，因此参数数量与输入的高和宽无关。",
);

export const KERNEL_SHARED_ACROSS_CHANNELS = misconception(
  "kernel-shared-across-channels",
  "With several input channels, the kernel has one 2-D slice per input channel ($c_i \\times k_h \\times k_w$); the results of the slices are summed.",
  "有多个输入通道时，卷积核对每个输入通道各有一个二维切片（$c_i \\times k_h \\times k_w$），各切片的结果相加。",
);

export const ONE_BY_ONE_SPATIAL = misconception(
  "one-by-one-spatial",
  "A $1 \\times 1$ convolution sees one pixel at a time: it mixes channels, never neighbouring pixels.",
  "$1 \\times 1$ 卷积一次只看一个像素：它组合的是通道，而不是相邻像素。",
);

export const RECEPTIVE_FIELD_ADDS_KERNELS = misconception(
  "receptive-field-adds-kernels",
  "Stacked stride-1 layers grow the receptive field by $k - 1$ each, not by $k$: two $3 \\times 3$ layers see $3 + 2 = 5$ pixels per axis.",
  "步幅为 1 的层堆叠时，每层使感受野增加 $k - 1$ 而不是 $k$：两个 $3 \\times 3$ 层每个方向看到 $3 + 2 = 5$ 个像素。",
);

export const TRANSPOSED_IS_INVERSE = misconception(
  "transposed-is-inverse",
  "A transposed convolution restores the shape of a convolution's input, not its values: it is not the inverse operation.",
  "转置卷积恢复的是卷积输入的形状，而不是它的数值：它不是卷积的逆运算。",
);

export const BATCHNORM_IN_ALEXNET = misconception(
  "batchnorm-in-alexnet",
  "Batch normalization was proposed in 2015, three years after AlexNet (2012); AlexNet controlled its dense layers with dropout.",
  "批量规范化（批量归一化）是 2015 年提出的，比 AlexNet（2012 年）晚三年；AlexNet 用暂退法（Dropout）控制全连接层的复杂度。",
);

export const INCEPTION_ADDS = misconception(
  "inception-adds",
  "The four paths of an Inception block are concatenated along the channel dimension, not added, so their channel counts sum.",
  "Inception块的四条路径在通道维度上连结，而不是相加，因此输出通道数是各路径通道数之和。",
);

export const DENSENET_ADDS = misconception(
  "densenet-adds",
  "DenseNet concatenates each block's input and output on the channel dimension; adding them is what ResNet does.",
  "DenseNet 在通道维度上连结每个块的输入和输出；相加是 ResNet 的做法。",
);

export const RUNNING_STATS_AS_PARAMS = misconception(
  "running-stats-as-params",
  "The running mean and variance of batch normalization are buffers updated by moving averages, not parameters learned by gradient descent: only γ and β are.",
  "批量规范化（批量归一化）的移动平均均值和方差是通过移动平均更新的缓冲区，不是通过梯度下降学习的参数：只有 γ 和 β 是参数。",
);

export const BATCH_STATS_AT_PREDICTION = misconception(
  "batch-stats-at-prediction",
  "In prediction mode batch normalization uses the moving averages of mean and variance estimated during training, so an example's output does not depend on the rest of the batch.",
  "预测模式下，批量规范化（批量归一化）使用训练时累积的移动平均均值和方差，因此一个样本的输出不依赖批量中的其他样本。",
);

export const SHORTCUT_ALWAYS_IDENTITY = misconception(
  "shortcut-always-identity",
  "The shortcut can only be the identity when the body keeps the shape; when it changes the channels or the stride, a $1 \\times 1$ convolution (with that stride) makes the shapes match for the addition.",
  "只有当主路径保持形状不变时，残差连接才能是恒等映射；主路径改变通道数或步幅时，需要一个（带相同步幅的）$1 \\times 1$ 卷积使两者形状一致才能相加。",
);

/** An option that encodes a misconception. */
export const mistaken = (misconceptionOf: ConceptMisconception, en: string, zh: string): ConceptOption => ({
  text: text(en, zh),
  misconception: misconceptionOf,
});
