import { type Catalogue, createTranslators } from "../messages";

/** Messages of `bn.predict-values`; LaTeX and numbers arrive as arguments. */
const en = {
  title: "Batch normalization: prediction mode and running statistics",
  evalPrompt:
    "A trained batch normalization layer is used for prediction (PyTorch `model.eval()`). For each feature its running mean is {runningMean} and its running variance {runningVar}; its scale is {gamma}, its shift {beta}, and {epsilon}. It receives this minibatch of {count} examples (one row per example, {features, plural, =1 {one feature} other {{features} features}}):\n\n{input}\n\n" +
    "What is the output for example {row}, feature {feature}? Answer with a number to three decimals.",
  updatePrompt:
    "A batch normalization layer in training mode receives this minibatch of {count} examples (one row per example, {features, plural, =1 {one feature} other {{features} features}}):\n\n{input}\n\n" +
    "Before this batch, the running mean of each feature is {runningMean} and the running variance {runningVar}. {convention, select, d2l {The layer updates them as d2l’s from-scratch `batch_norm` does, with momentum {momentum}: {rule}.} other {The layer is PyTorch’s `BatchNorm1d` with `momentum={momentumCode}`: {rule}, and the same for the variance, where PyTorch uses the unbiased variance of the batch (dividing by $n - 1$).}}\n\n" +
    "What is the running {stat, select, mean {mean} other {variance}} of feature {feature} after this batch? Answer with a number to three decimals.",
  evalSolution:
    "At prediction time batch normalization does not use the minibatch’s statistics: it normalizes with the running mean and variance estimated during training, so an example’s output does not depend on the other examples in the batch (⟦d2l.bn-layers⟧; PyTorch `BatchNorm1d` in eval mode):\n\n{formula}\n\nFor feature {feature}: {work}.",
  updateSolution:
    "{convention, select, d2l {d2l’s `momentum` is the weight kept on the old estimate: with momentum {momentum} the batch gets {weight} (⟦d2l.bn-from-scratch⟧). PyTorch writes the same update with `momentum={weight}`, its momentum being the weight of the batch.} other {PyTorch’s `momentum` is the weight of the new batch, {momentum} here, the old estimate keeping {weight} (d2l’s from-scratch code writes this update with momentum {weight}, the weight of the old estimate; ⟦d2l.bn-from-scratch⟧).}}\n\n" +
    "{stat, select, mean {The batch mean of feature {feature}: {batchWork}.} other {The batch mean of feature {feature} is {batchMean}; the unbiased batch variance, dividing by $n - 1$ as PyTorch does for the running variance (the output itself is normalized with the biased one): {batchWork}.}}\n\n" +
    "The update: {work}.",
  mistakes: {
    batchStats: "It looks like you normalized with the minibatch’s own mean and variance. In prediction mode batch normalization uses the running mean and variance from training.",
    forgotSqrt: "It looks like you divided by the variance instead of the standard deviation: divide by the square root of the running variance plus $\\epsilon$.",
    forgotScaleShift: "It looks like you stopped after normalizing. Multiply by the scale $\\gamma$ and add the shift $\\beta$.",
    momentumSwapped:
      "It looks like you put the momentum on the wrong term. {convention, select, d2l {In d2l’s code the momentum {momentum} multiplies the old running value and $1 - $ momentum the batch’s.} other {In PyTorch the momentum {momentum} multiplies the batch’s statistic and $1 - $ momentum the old running value (d2l’s code uses the opposite convention).}}",
    batchStatAsRunning: "It looks like you gave the batch’s own statistic. The running value moves only part of the way towards it: mix the old value and the batch’s with the momentum.",
    biasedRunningVariance:
      "It looks like you used the biased variance of the batch (dividing by $n$). PyTorch updates the running variance with the unbiased one, dividing by $n - 1$ (d2l’s from-scratch code uses the biased one).",
  },
} as const;

const zhCN = {
  title: "批量规范化：预测模式与移动平均均值和方差",
  evalPrompt:
    "一个训练好的批量规范化层用于预测（PyTorch 的 `model.eval()`）。各特征的移动平均均值为 {runningMean}，移动平均方差为 {runningVar}；拉伸参数为 {gamma}，偏移参数为 {beta}，{epsilon}。它接收下面这个含 {count} 个样本的小批量（每行一个样本，{features, plural, =1 {1 个特征} other {{features} 个特征}}）：\n\n{input}\n\n" +
    "第 {row} 个样本的第 {feature} 个特征的输出是多少？请写一个数，保留三位小数。",
  updatePrompt:
    "一个处于训练模式的批量规范化层接收下面这个含 {count} 个样本的小批量（每行一个样本，{features, plural, =1 {1 个特征} other {{features} 个特征}}）：\n\n{input}\n\n" +
    "在这个批量之前，各特征的移动平均均值为 {runningMean}，移动平均方差为 {runningVar}。{convention, select, d2l {这个层按 d2l 从零实现的 `batch_norm` 更新它们，动量为 {momentum}：{rule}。} other {这个层是 PyTorch 的 `BatchNorm1d`，`momentum={momentumCode}`：{rule}，方差同理，其中 PyTorch 用小批量的无偏方差（除以 $n - 1$）。}}\n\n" +
    "经过这个批量之后，第 {feature} 个特征的移动平均{stat, select, mean {均值} other {方差}}是多少？请写一个数，保留三位小数。",
  evalSolution:
    "预测时批量规范化不用小批量的统计量，而用训练中估计的移动平均均值和方差来规范化，所以一个样本的输出与同一批量中的其他样本无关（⟦d2l.bn-layers⟧；PyTorch `BatchNorm1d` 的 eval 模式）：\n\n{formula}\n\n第 {feature} 个特征：{work}。",
  updateSolution:
    "{convention, select, d2l {d2l 的 `momentum` 是旧估计保留的权重：动量为 {momentum} 时，当前批量的权重为 {weight}（⟦d2l.bn-from-scratch⟧）。PyTorch 把同一个更新写作 `momentum={weight}`，它的动量是当前批量的权重。} other {PyTorch 的 `momentum` 是当前批量的权重，这里为 {momentum}，旧估计保留 {weight}（d2l 从零实现的代码把这个更新写成动量 {weight}，即旧估计的权重；⟦d2l.bn-from-scratch⟧）。}}\n\n" +
    "{stat, select, mean {第 {feature} 个特征的小批量均值：{batchWork}。} other {第 {feature} 个特征的小批量均值为 {batchMean}；PyTorch 更新移动平均方差时用无偏方差，除以 $n - 1$（输出本身用有偏方差规范化）：{batchWork}。}}\n\n" +
    "更新：{work}。",
  mistakes: {
    batchStats: "看起来你用了小批量自身的均值和方差。预测模式下批量规范化用训练中得到的移动平均均值和方差。",
    forgotSqrt: "看起来你除以的是方差而不是标准差：应除以移动平均方差加 $\\epsilon$ 的平方根。",
    forgotScaleShift: "看起来你规范化之后就停下了。还要乘以拉伸参数 $\\gamma$ 并加上偏移参数 $\\beta$。",
    momentumSwapped:
      "看起来你把动量乘错了项。{convention, select, d2l {在 d2l 的代码中，动量 {momentum} 乘旧的移动平均值，$1 - $ 动量乘小批量的统计量。} other {在 PyTorch 中，动量 {momentum} 乘小批量的统计量，$1 - $ 动量乘旧的移动平均值（d2l 的代码用的是相反的约定）。}}",
    batchStatAsRunning: "看起来你直接给出了小批量自身的统计量。移动平均值只向它移动一部分：要用动量把旧值和小批量的值混合。",
    biasedRunningVariance: "看起来你用了小批量的有偏方差（除以 $n$）。PyTorch 用无偏方差（除以 $n - 1$）更新移动平均方差（d2l 从零实现的代码用的是有偏方差）。",
  },
} as const satisfies Catalogue<typeof en>;

export const bnPredictValuesCatalogues = { en, "zh-CN": zhCN } as const;
export const bnPredictValuesMessages = createTranslators(bnPredictValuesCatalogues);
