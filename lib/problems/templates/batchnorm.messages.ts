import { type Catalogue, createTranslators } from "../messages";

/** Messages of `bn.params-vs-buffers` and `bn.train-values`; LaTeX and numbers arrive as arguments. */
const en = {
  layer: {
    conv2d: "convolution, {filters} output channels, kernel {kernel}, padding {padding}, with bias",
    batchnorm: "batch normalization",
    relu: "ReLU",
    maxpool2d: "max pooling, window {kernel}, stride {kernel}",
    flatten: "flatten",
    dense: "fully connected layer, {units} outputs, with bias",
  },
  paramsVsBuffers: {
    title: "Batch normalization: parameters vs running statistics",
    prompt:
      "A network receives inputs of shape {inputShape} (channels, height, width; no batch dimension) and has these layers, in order:\n\n{layers}\n\n" +
      "How many trainable parameters does the network have in total? Answer with one whole number.",
    solution:
      "A batch normalization layer learns a scale $\\gamma$ and a shift $\\beta$ per channel (per feature after a fully connected layer), so $2C$ parameters; its running mean and variance are statistics updated during training, not learned: PyTorch keeps them as buffers (⟦d2l.bn-from-scratch⟧).\n\n" +
      "{steps}\n\nIn all: {total}. The running statistics add {buffers} buffers, which are not parameters.",
    step: "layer {index} ({name}): {work}",
    mistakes: {
      runningStatsCounted:
        "It looks like you counted the running mean and variance as parameters. They are estimated from the batches during training, not learned by gradient descent: only $\\gamma$ and $\\beta$ are parameters.",
      batchNormIgnored: "It looks like you gave the batch normalization layers no parameters. Each learns a scale $\\gamma$ and a shift $\\beta$ per channel: $2C$ parameters.",
      perPixelScale:
        "It looks like you gave batch normalization after a convolution a $\\gamma$ and $\\beta$ for every pixel. After a convolution they are shared across all positions of a channel: $2C$ parameters.",
    },
  },
  trainValues: {
    title: "Batch normalization in training mode",
    prompt:
      "A batch normalization layer in training mode receives a minibatch of {count} examples with {features, plural, =1 {one feature} other {{features} features}} (one row per example):\n\n{input}\n\n" +
      "Its scale is {gamma} and its shift {beta} (per feature), and {epsilon}. The variance is the biased one of the minibatch, dividing by the batch size $n$ (not $n - 1$). Compute its output, rounded to three decimals. Answer with a matrix of the same shape.",
    solution:
      "In training mode each feature is normalized with the minibatch’s own mean and variance, the variance dividing by the batch size $n$ (⟦d2l.bn-training-deep⟧; PyTorch `BatchNorm1d`):\n\n{formula}\n\n{steps}\n\nThe output is {answer}.",
    feature: "feature {index}: {work}",
    mistakes: {
      unbiasedVariance:
        "It looks like you divided the variance by $n - 1$. Batch normalization normalizes with the biased variance of the minibatch, dividing by $n$ (the unbiased one only updates the running variance).",
      forgotSqrt: "It looks like you divided by the variance instead of the standard deviation: divide by the square root of the variance plus $\\epsilon$.",
      forgotScaleShift: "It looks like you stopped after normalizing. Multiply by the scale $\\gamma$ and add the shift $\\beta$.",
    },
  },
} as const;

const zhCN = {
  layer: {
    conv2d: "卷积层，{filters} 个输出通道，卷积核 {kernel}，填充 {padding}，带偏置",
    batchnorm: "批量规范化层（批量归一化层）",
    relu: "ReLU",
    maxpool2d: "最大汇聚层（最大池化层），窗口 {kernel}，步幅 {kernel}",
    flatten: "展平",
    dense: "全连接层，{units} 个输出，带偏置",
  },
  paramsVsBuffers: {
    title: "批量规范化：参数与移动平均均值和方差",
    prompt:
      "一个网络的输入形状为 {inputShape}（通道、高度、宽度；不含批量维度），依次有以下各层：\n\n{layers}\n\n" +
      "这个网络总共有多少个可训练参数？请写一个整数。",
    solution:
      "批量规范化层对每个通道（全连接层之后则是每个特征）学习一个拉伸参数 $\\gamma$ 和一个偏移参数 $\\beta$，共 $2C$ 个参数；它的移动平均均值和方差是训练中更新的统计量，不是学习得到的：PyTorch 把它们作为缓冲区（buffer）保存（⟦d2l.bn-from-scratch⟧）。\n\n" +
      "{steps}\n\n合计：{total}。移动平均均值和方差另有 {buffers} 个缓冲值，它们不是参数。",
    step: "第 {index} 层（{name}）：{work}",
    mistakes: {
      runningStatsCounted: "看起来你把移动平均均值和方差算作了参数。它们是训练时从各小批量估计出来的，不是通过梯度下降学习的：只有 $\\gamma$ 和 $\\beta$ 是参数。",
      batchNormIgnored: "看起来你认为批量规范化层没有参数。它对每个通道学习一个拉伸参数 $\\gamma$ 和一个偏移参数 $\\beta$：共 $2C$ 个参数。",
      perPixelScale: "看起来你在卷积层之后的批量规范化中为每个像素都设了 $\\gamma$ 和 $\\beta$。卷积层之后它们在一个通道的所有位置上共享：共 $2C$ 个参数。",
    },
  },
  trainValues: {
    title: "训练模式下的批量规范化",
    prompt:
      "一个处于训练模式的批量规范化层接收一个含 {count} 个样本、{features, plural, =1 {1 个特征} other {{features} 个特征}}的小批量（每行一个样本）：\n\n{input}\n\n" +
      "它的拉伸参数为 {gamma}，偏移参数为 {beta}（按特征），{epsilon}。方差取小批量的有偏方差，除以批量大小 $n$（而不是 $n - 1$）。计算它的输出，保留三位小数。请写出形状相同的矩阵。",
    solution:
      "训练模式下，每个特征用当前小批量自身的均值和方差规范化，方差除以批量大小 $n$（⟦d2l.bn-training-deep⟧；PyTorch `BatchNorm1d`）：\n\n{formula}\n\n{steps}\n\n输出为 {answer}。",
    feature: "特征 {index}：{work}",
    mistakes: {
      unbiasedVariance: "看起来你计算方差时除以了 $n - 1$。批量规范化用小批量的有偏方差（除以 $n$）来规范化，无偏方差只用于更新移动平均方差。",
      forgotSqrt: "看起来你除以的是方差而不是标准差：应除以方差加 $\\epsilon$ 的平方根。",
      forgotScaleShift: "看起来你规范化之后就停下了。还要乘以拉伸参数 $\\gamma$ 并加上偏移参数 $\\beta$。",
    },
  },
} as const satisfies Catalogue<typeof en>;

export const batchnormCatalogues = { en, "zh-CN": zhCN } as const;
export const batchnormMessages = createTranslators(batchnormCatalogues);
