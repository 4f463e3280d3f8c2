import { type Catalogue, createTranslators } from "../messages";

/** Messages of `cost.flops-vs-params`; terms as d2l 6.4 zh (参数, 输出通道, 乘加运算). */
const en = {
  title: "FLOPs and parameters of convolutions",
  prompt:
    "An input of shape {inputShape} (channels, height, width) goes through\n\n{layers}\n\n{convention}\n\n" +
    "{asked, select, flops {How many FLOPs does {count, select, one {this layer} other {this stack}} take for one input (batch size 1)?} other {How many trainable parameters {count, select, one {does this layer have} other {do these layers have in all}}?}}",
  step:
    "- Layer {number}: {inputShape} → {outputShape}; parameters {params}; MACs {macs}",
  solution:
    "A convolution's parameters do not depend on the image: {paramsFormula} ({bias, select, no {no bias here} other {plus one bias per output channel}}; ⟦d2l.channels⟧). " +
    "Its MACs are one per weight per output position: {macsFormula} (⟦d2l.one-by-one⟧).\n\n{steps}\n\n" +
    "{asked, select, flops {FLOPs are twice the MACs:} other {In all:}}\n\n{work}\n\nThe answer is {answer}.",
  mistakes: {
    macsNotFlops: "That is the number of multiply–accumulates (MACs). Each MAC is a multiplication and an addition, so FLOPs are twice the MACs.",
    flopsGivenParams:
      "That counts the work done over every output position. Parameters are shared across positions (weight sharing): a layer has its weights once, whatever the image size.",
    paramsGivenFlops: "That is the number of weights (and biases), each used once. A convolution uses every weight at every output position, so the work grows with the output's height and width.",
    forgotBias: "You left out the biases: a convolution with bias has one per output channel.",
    forgotInputChannels: "Each output channel's kernel spans every input channel: the weights are k · k · (input channels) · (output channels), not k · k · (output channels).",
    inputSizeUsed: "You used the input's height and width. The work is done once per output position, and stride or padding change the output's size.",
  },
} as const;

const zhCN = {
  title: "卷积的浮点运算次数与参数量",
  prompt:
    "形状为 {inputShape}（通道、高、宽）的输入依次经过\n\n{layers}\n\n{convention}\n\n" +
    "{asked, select, flops {对一个输入（批量大小 1），{count, select, one {这一层} other {这几层}}共需要多少次浮点运算（FLOPs）？} other {{count, select, one {这一层} other {这几层合计}}有多少个可训练参数？}}",
  step: "- 第 {number} 层：{inputShape} → {outputShape}；参数 {params}；乘加运算 {macs}",
  solution:
    "卷积层的参数量与图像大小无关：{paramsFormula}（{bias, select, no {这里没有偏置} other {再加上每个输出通道一个偏置}}；⟦d2l.channels⟧）。" +
    "它的乘加运算次数是每个输出位置上每个权重一次：{macsFormula}（⟦d2l.one-by-one⟧）。\n\n{steps}\n\n" +
    "{asked, select, flops {浮点运算次数是乘加运算次数的两倍：} other {合计：}}\n\n{work}\n\n答案是 {answer}。",
  mistakes: {
    macsNotFlops: "这是乘加运算（MAC）的次数。每次乘加运算包含一次乘法和一次加法，所以浮点运算次数是乘加运算次数的两倍。",
    flopsGivenParams: "这算的是在所有输出位置上的计算量。参数在各位置之间共享（权重共享）：无论图像多大，一层的权重只有一份。",
    paramsGivenFlops: "这是权重（和偏置）的个数，每个只算了一次。卷积在每个输出位置都要用到全部权重，所以计算量随输出的高和宽增长。",
    forgotBias: "你漏掉了偏置：有偏置的卷积层每个输出通道有一个偏置。",
    forgotInputChannels: "每个输出通道的卷积核覆盖全部输入通道：权重个数是 k · k · 输入通道数 · 输出通道数，而不是 k · k · 输出通道数。",
    inputSizeUsed: "你用了输入的高和宽。计算在每个输出位置做一次，而步幅和填充会改变输出的大小。",
  },
} as const satisfies Catalogue<typeof en>;

export const costFlopsVsParamsCatalogues = { en, "zh-CN": zhCN } as const;
export const costFlopsVsParamsMessages = createTranslators(costFlopsVsParamsCatalogues);
