import { type Catalogue, createTranslators } from "../messages";

/**
 * Titles and alt texts of the solution figures: one sentence saying what the picture shows, with
 * the variant's numbers, for a screen reader in place of the image. Terms as the glossary's.
 */
const en = {
  correlation: {
    title: "{op} of the input with the kernel",
    alt: "The {inRows} by {inCols} input{padded, select, yes { with its padding} other {}}, the {kRows} by {kCols} kernel{flipped, select, yes { rotated by 180 degrees} other {}} and the {outRows} by {outCols} output; the shaded window gives the output entry in row {i}, column {j}, which is {value}.",
  },
  pooling: {
    title: "{op} over {k} by {k} windows",
    alt: "The {inRows} by {inCols} input{padded, select, yes { with its padding} other {}}, its first {k} by {k} pooling window shaded, and the {outRows} by {outCols} output whose first entry, {first}, is the {op} of that window.",
  },
  size: {
    title: "Output size: {outH} by {outW}",
    alt: "An input of {inH} by {inW} with padding {padH} by {padW}, a {spanH} by {spanW} window moving with stride {strideH} by {strideW}, and the output of {outH} by {outW}.",
  },
  stack: {
    title: "Shapes layer by layer",
    alt: "A column of {count, plural, one {# layer} other {# layers}} from the input, of shape {input}, to “{last}”, which gives {shape}; every layer is shown with the shape it gives.",
  },
  branches: {
    alt: "The {block}: {count} paths from an input of {input}, {merge, select, add {added element by element} other {concatenated on the channel axis}} into an output of {output}.",
  },
  receptiveField: {
    title: "Receptive field: {field} input pixels",
    alt: "One output unit of the last layer traced back through {layers, plural, one {# layer} other {# layers}} to {field} pixels of the input, along one axis.",
    input: "input: {count, plural, one {# pixel} other {# pixels}}",
    map: "output of layer {n}: {count}",
    conv: "{n}. {kernel} conv, stride {stride}{dilation, select, 1 {} other {, dilation {dilation}}}",
    pool: "{n}. {kernel} max pooling, stride {stride}",
  },
  multiChannel: {
    title: "Cross-correlation over {channels} input channels",
    input: "input, channel {c}",
    kernel: "kernel, channel {c}",
    partial: "channel {c} result",
    sum: "{bias, select, yes {sum + ({value})} other {sum}} =",
    alt: "For each of the {channels} input channels, the channel with its first window, its kernel slice and its result; the results summed{bias, select, yes {, plus the bias {value},} other {}} give the output, whose first entry is {first}.",
  },
  branch: {
    conv: "{kernel} conv{padding, select, 0 {} other {, padding {padding}}}{stride, select, 1 {} other {, stride {stride}}}",
    maxpool: "{kernel} max pooling, padding {padding}",
    channels: "{count} channels",
    bnRelu: "{bn}, ReLU",
  },
  transposed: {
    title: "{op}, stride {stride}",
    sum: "kernel copies, summed",
    crop: "crop {padding} =",
    alt: "Each input entry scales the kernel; the copies, placed {stride} apart, sum to a {fullRows} by {fullCols} matrix{padded, select, yes {, which padding {padding} crops on every side to} other {, which is}} the {outRows} by {outCols} output; {padded, select, yes {the part the crop keeps is shaded} other {the first entry and its copy are shaded}}.",
  },
  textcnn: {
    title: "textCNN: convolutions of several widths, max-over-time pooling, concatenation",
    conv: "1-D conv, width {kernel}",
    features: "features",
    alt: "The {dims} by {tokens} embedding goes through {count} one-dimensional convolutions of different widths; max-over-time pooling keeps one value per channel, and the concatenation gives {total} features.",
  },
  batchNorm: {
    title: "{op} in training mode",
    input: "minibatch (examples × features)",
    mean: "mean μ",
    variance: "variance σ²",
    formula: "γ·(x − μ)/√(σ² + ε) + β =",
    alt: "A minibatch of {n} examples with {features, select, 1 {one feature} other {{features} features}}, each feature's mean and variance over the batch, γ and β, and the normalized, scaled and shifted output.",
  },
  layer: {
    conv2d: "{kernel} conv, {filters} channels{groups, select, 1 {} other {, {groups} groups}}, stride {stride}, padding {padding}",
    maxpool2d: "{kernel} max pooling, stride {stride}, padding {padding}",
    avgpool2d: "{kernel} average pooling, stride {stride}, padding {padding}",
    dense: "fully connected layer, {units} outputs",
    flatten: "flatten",
    batchnorm: "batch normalization",
    globalAvgpool: "global average pooling",
    denseConv: "conv block ({growth} channels), concatenated with its input",
    concat: "{count} paths concatenated on channels",
    conv2dTranspose: "{kernel} transposed conv, {filters} channels, stride {stride}, padding {padding}{outputPadding, select, 0 {} other {, output padding {outputPadding}}}",
    conv1d: "1-D conv, kernel {kernel}, {filters} channels, stride {stride}, padding {padding}",
    globalMaxpool: "global max pooling",
    input: "input",
    output: "output",
  },
} as const;

const zhCN = {
  correlation: {
    title: "输入与卷积核的{op}",
    alt: "{inRows}×{inCols} 的输入{padded, select, yes {（含填充）} other {}}、{flipped, select, yes {旋转 180° 后的 } other {}}{kRows}×{kCols} 卷积核和 {outRows}×{outCols} 的输出；阴影窗口给出输出第 {i} 行第 {j} 列的元素 {value}。",
  },
  pooling: {
    title: "{k}×{k} 窗口上的{op}",
    alt: "{inRows}×{inCols} 的输入{padded, select, yes {（含填充）} other {}}中阴影标出第一个 {k}×{k} 汇聚窗口，以及 {outRows}×{outCols} 的输出，其第一个元素 {first} 是该窗口的{op}结果。",
  },
  size: {
    title: "输出形状：{outH}×{outW}",
    alt: "高和宽为 {inH}×{inW} 的输入，填充 {padH}×{padW}，{spanH}×{spanW} 的窗口以步幅 {strideH}×{strideW} 滑动，输出为 {outH}×{outW}。",
  },
  stack: {
    title: "逐层的形状",
    alt: "从形状为 {input} 的输入到“{last}”共 {count} 层，每层旁边标出它的输出形状；“{last}”的输出形状为 {shape}。",
  },
  branches: {
    alt: "{block}：形状为 {input} 的输入经过 {count} 条路径，{merge, select, add {按元素相加} other {在通道维度上连结}}，得到形状为 {output} 的输出。",
  },
  receptiveField: {
    title: "感受野：输入上的 {field} 个像素",
    alt: "沿一个方向，把最后一层的一个输出单元经过 {layers} 层回溯到输入上的 {field} 个像素。",
    input: "输入：{count} 个像素",
    map: "第 {n} 层的输出：{count}",
    conv: "{n}. {kernel} 卷积，步幅 {stride}{dilation, select, 1 {} other {，膨胀率 {dilation}}}",
    pool: "{n}. {kernel} 最大汇聚，步幅 {stride}",
  },
  multiChannel: {
    title: "{channels} 个输入通道的互相关运算",
    input: "输入通道 {c}",
    kernel: "卷积核通道 {c}",
    partial: "通道 {c} 的结果",
    sum: "{bias, select, yes {求和 + ({value})} other {求和}} =",
    alt: "{channels} 个输入通道各自与对应的卷积核通道做互相关运算（阴影为第一个窗口），各通道的结果相加{bias, select, yes {再加上偏置 {value}} other {}}得到输出，其第一个元素为 {first}。",
  },
  branch: {
    conv: "{kernel} 卷积{padding, select, 0 {} other {，填充 {padding}}}{stride, select, 1 {} other {，步幅 {stride}}}",
    maxpool: "{kernel} 最大汇聚，填充 {padding}",
    channels: "{count} 个通道",
    bnRelu: "{bn}，ReLU",
  },
  transposed: {
    title: "{op}，步幅 {stride}",
    sum: "卷积核副本之和",
    crop: "裁掉 {padding} =",
    alt: "每个输入元素与卷积核相乘，各副本相隔 {stride} 放置并相加，得到 {fullRows}×{fullCols} 的矩阵{padded, select, yes {，再按填充 {padding} 在每侧裁掉，得到} other {，即}} {outRows}×{outCols} 的输出；{padded, select, yes {阴影标出裁剪后保留的部分} other {阴影标出第一个元素及其副本}}。",
  },
  textcnn: {
    title: "textCNN：不同宽度的一维卷积、最大时间汇聚层与连结",
    conv: "一维卷积，宽 {kernel}",
    features: "特征",
    alt: "{dims}×{tokens} 的词元嵌入经过 {count} 个不同宽度的一维卷积，最大时间汇聚层为每个通道保留一个值，连结后得到 {total} 个特征。",
  },
  batchNorm: {
    title: "训练模式下的{op}",
    input: "小批量（样本 × 特征）",
    mean: "均值 μ",
    variance: "方差 σ²",
    formula: "γ·(x − μ)/√(σ² + ε) + β =",
    alt: "含 {n} 个样本、{features} 个特征的小批量，每个特征在小批量上的均值和方差，γ 和 β，以及规范化、缩放和偏移后的输出。",
  },
  layer: {
    conv2d: "{kernel} 卷积，{filters} 个输出通道{groups, select, 1 {} other {，分为 {groups} 组}}，步幅 {stride}，填充 {padding}",
    maxpool2d: "{kernel} 最大汇聚，步幅 {stride}，填充 {padding}",
    avgpool2d: "{kernel} 平均汇聚，步幅 {stride}，填充 {padding}",
    dense: "全连接层，{units} 个输出",
    flatten: "展平",
    batchnorm: "批量规范化",
    globalAvgpool: "全局平均汇聚",
    denseConv: "卷积块（{growth} 个通道），与输入在通道维度上连结",
    concat: "{count} 条路径在通道维度上连结",
    conv2dTranspose: "{kernel} 转置卷积，{filters} 个输出通道，步幅 {stride}，填充 {padding}{outputPadding, select, 0 {} other {，输出填充 {outputPadding}}}",
    conv1d: "一维卷积，卷积核宽 {kernel}，{filters} 个输出通道，步幅 {stride}，填充 {padding}",
    globalMaxpool: "全局最大汇聚",
    input: "输入",
    output: "输出",
  },
} as const satisfies Catalogue<typeof en>;

export const figureCatalogues = { en, "zh-CN": zhCN } as const;
export const figureMessages = createTranslators(figureCatalogues);
