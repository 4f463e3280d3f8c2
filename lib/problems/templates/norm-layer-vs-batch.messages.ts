import { type Catalogue, createTranslators } from "../messages";

/** Messages of `norm.layer-vs-batch`; LaTeX and numbers arrive as arguments. */
const en = {
  title: "Layer normalization vs batch normalization",
  prompt:
    "A minibatch of {count} examples with {features} features is written as a matrix with **one column per example** (NNDL writes an example as a column vector {vector}):\n\n{input}\n\n" +
    "Apply **layer normalization** (⟦nndl.layer-norm⟧) with scale $1$, shift $0$ and {epsilon}: each example is normalized with the mean and the variance of its own {features} features, the variance dividing by {features} (not {featuresLess}). " +
    "Compute the output, rounded to three decimals. Answer with a matrix of the same shape (one column per example).",
  solution:
    "Batch normalization normalizes each feature over the examples of the minibatch (here: along each row); layer normalization normalizes each example over its own features (here: down each column), so it needs no minibatch and behaves the same in training and prediction (⟦nndl.layer-norm⟧; ⟦d2l.bn-layers⟧).\n\n" +
    "{steps}\n\nThe output is:\n\n{answer}\n\nThe same numbers are batch normalization of the transposed matrix (examples as rows become features as columns) with $\\gamma = 1$, $\\beta = 0$: the column statistics that batch normalization takes there are the per-example statistics of layer normalization.",
  column: "example {index}: {work}",
  figureTitle: "Layer normalization: statistics down each column (one example)",
  figureInput: "input",
  figureMean: "mean μ per example",
  figureVariance: "variance σ² per example",
  figureOutput: "output",
  figureAlt: "The input with one column per example, each example’s mean and variance over its features, and the normalized output.",
  mistakes: {
    batchAxis:
      "It looks like you normalized each feature across the examples (along the rows): that is batch normalization. Layer normalization takes the mean and variance of each example over its own features, down each column.",
    unbiasedVariance: "It looks like you divided the variance by {featuresLess}. Layer normalization, like batch normalization, uses the biased variance: divide by the number of features, {features}.",
    forgotSqrt: "It looks like you divided by the variance instead of the standard deviation: divide by the square root of the variance plus $\\epsilon$.",
  },
} as const;

const zhCN = {
  title: "层规范化与批量规范化",
  prompt:
    "一个含 {count} 个样本、每个样本 {features} 个特征的小批量写成矩阵，**每列是一个样本**（NNDL 把样本写成列向量 {vector}）：\n\n{input}\n\n" +
    "对它做**层规范化**（⟦nndl.layer-norm⟧），拉伸参数为 $1$，偏移参数为 $0$，{epsilon}：每个样本用它自身 {features} 个特征的均值和方差来规范化，方差除以 {features}（而不是 {featuresLess}）。" +
    "计算输出，保留三位小数。请写出形状相同的矩阵（每列一个样本）。",
  solution:
    "批量规范化对每个特征在小批量的各样本上规范化（这里是沿每一行）；层规范化对每个样本在它自己的各特征上规范化（这里是沿每一列），所以它不需要小批量，训练和预测时的计算相同（⟦nndl.layer-norm⟧；⟦d2l.bn-layers⟧）。\n\n" +
    "{steps}\n\n输出为：\n\n{answer}\n\n同样的数也是转置矩阵（样本由行变为列）在 $\\gamma = 1$、$\\beta = 0$ 时的批量规范化结果：批量规范化在那里按列求的统计量，正是层规范化按样本求的统计量。",
  column: "样本 {index}：{work}",
  figureTitle: "层规范化：沿每一列（一个样本）求统计量",
  figureInput: "输入",
  figureMean: "每个样本的均值 μ",
  figureVariance: "每个样本的方差 σ²",
  figureOutput: "输出",
  figureAlt: "每列一个样本的输入，每个样本在其特征上的均值和方差，以及规范化后的输出。",
  mistakes: {
    batchAxis: "看起来你对每个特征在各样本之间（沿行）做了规范化：那是批量规范化。层规范化对每个样本在它自己的特征上（沿列）求均值和方差。",
    unbiasedVariance: "看起来你计算方差时除以了 {featuresLess}。层规范化和批量规范化一样用有偏方差：除以特征数 {features}。",
    forgotSqrt: "看起来你除以的是方差而不是标准差：应除以方差加 $\\epsilon$ 的平方根。",
  },
} as const satisfies Catalogue<typeof en>;

export const normLayerVsBatchCatalogues = { en, "zh-CN": zhCN } as const;
export const normLayerVsBatchMessages = createTranslators(normLayerVsBatchCatalogues);
