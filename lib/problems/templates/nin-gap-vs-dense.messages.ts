import { type Catalogue, createTranslators } from "../messages/catalogue";

/** Messages of `nin.gap-vs-dense`; LaTeX arrives as arguments. */
const en = {
  title: "NiN: parameters of a global-average-pooling head vs a dense head",
  prompt:
    "The last feature maps of a CNN have shape {featureShape} (channels, height, width), and the network must output {classes} class scores. " +
    "{head, select, dense {As AlexNet and VGG do, the head flattens the maps and applies one fully connected layer (with bias) with {classes} outputs.} " +
    "oneByOne {In NiN's style, the head is a {one} convolution (with bias) to {classes} channels, then global average pooling and flattening.} " +
    "other {As d2l's NiN does, the head is a NiN block with {classes} channels (a {three} convolution with padding 1, then two {one} convolutions, all with bias and ReLU), then global average pooling and flattening.}}" +
    "\n\nHow many trainable parameters does this head have? Answer with a whole number.",
  solution:
    "Global average pooling and flattening have no parameters; a convolution has $c_o c_i k^2$ weights and $c_o$ biases, a fully connected layer $n_i n_o$ weights and $n_o$ biases (⟦d2l.nin⟧):\n\n" +
    "{work}\n\n" +
    "{head, select, dense {For comparison, a {one} convolution with global average pooling would have {oneByOneWork} parameters} " +
    "oneByOne {For comparison, a fully connected head on the flattened maps would have {denseWork} parameters} " +
    "other {For comparison, a fully connected head on the flattened maps would have {denseWork} parameters, and a {one} convolution with global average pooling {oneByOneWork}}}: " +
    "global average pooling removes the factor {spatial} that the positions put on a dense layer.\n\n" +
    "The head has {answer} parameters.",
  mistakes: {
    forgotBias: "It looks like you left out the biases: one per output channel or unit of each layer.",
    spatialIgnored:
      "It looks like you counted the dense layer's inputs as the channels only. Flattening keeps every position: the layer has {inputs} inputs.",
    gapHasParameters: "Global average pooling has no parameters: it averages each channel over all positions.",
    oneByOneSkipped: "It looks like you counted only the first convolution of the NiN block; its two {one} convolutions have {classes} × {classes} weights and {classes} biases each.",
  },
} as const;

const zhCN = {
  title: "NiN：全局平均汇聚输出层与全连接输出层的参数数量",
  prompt:
    "一个卷积神经网络最后的特征映射形状为 {featureShape}（通道、高、宽），网络要输出 {classes} 个类别的分数。" +
    "{head, select, dense {与 AlexNet 和 VGG 一样，输出部分把特征映射展平，再用一个输出 {classes} 个单元的全连接层（有偏置）。} " +
    "oneByOne {按 NiN 的思路，输出部分是一个输出 {classes} 个通道的 {one} 卷积层（有偏置），再接全局平均汇聚层和展平。} " +
    "other {与 d2l 的 NiN 一样，输出部分是一个 {classes} 通道的 NiN 块（填充为 1 的 {three} 卷积层，再接两个 {one} 卷积层，都有偏置和 ReLU），再接全局平均汇聚层和展平。}}" +
    "\n\n这个输出部分有多少个可训练参数？请用一个整数回答。",
  solution:
    "全局平均汇聚层和展平都没有参数；卷积层有 $c_o c_i k^2$ 个权重和 $c_o$ 个偏置，全连接层有 $n_i n_o$ 个权重和 $n_o$ 个偏置（⟦d2l.nin⟧）：\n\n" +
    "{work}\n\n" +
    "{head, select, dense {作为对比，{one} 卷积加全局平均汇聚需要 {oneByOneWork} 个参数} " +
    "oneByOne {作为对比，在展平的特征映射上用全连接层需要 {denseWork} 个参数} " +
    "other {作为对比，在展平的特征映射上用全连接层需要 {denseWork} 个参数，而 {one} 卷积加全局平均汇聚需要 {oneByOneWork}}}：" +
    "全局平均汇聚层去掉了各位置给全连接层带来的因子 {spatial}。\n\n" +
    "该输出部分有 {answer} 个参数。",
  mistakes: {
    forgotBias: "你似乎漏掉了偏置：每层的每个输出通道或单元各有一个。",
    spatialIgnored: "你似乎只把通道数当作全连接层的输入。展平会保留每个位置：该层有 {inputs} 个输入。",
    gapHasParameters: "全局平均汇聚层没有参数：它对每个通道在所有位置上取平均。",
    oneByOneSkipped: "你似乎只计算了 NiN 块的第一个卷积层；它的两个 {one} 卷积层各有 {classes} × {classes} 个权重和 {classes} 个偏置。",
  },
} as const satisfies Catalogue<typeof en>;

export const ninGapVsDenseCatalogues = { en, "zh-CN": zhCN } as const;
export const ninGapVsDenseMessages = createTranslators(ninGapVsDenseCatalogues);
