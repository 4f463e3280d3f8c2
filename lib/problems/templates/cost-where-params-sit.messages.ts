import { type Catalogue, createTranslators } from "../messages";

/** Messages of `cost.where-params-sit`; terms as d2l zh 6.6 / 7.1 (卷积层, 全连接层, 参数, 乘加运算). */
const en = {
  title: "Where a network's parameters and compute sit",
  prompt:
    "A network takes an input of shape {inputShape} (channels, height, width). Layers 1 to {featuresEnd} are its convolutional part, layers {classifierStart} to {last} its fully connected part:\n\n{layers}\n\n" +
    "{convention}\n\n" +
    "{asked, select, params {How many trainable parameters sit in the {part, select, features {convolutional layers} other {fully connected layers}} (all of them together, biases included)?} other {How many MACs do the {part, select, features {convolutional layers} other {fully connected layers}} take for one input (all of them together)?}}",
  convRow: "- Layer {number}: {inputShape} → {outputShape}; parameters {params}; MACs {macs}",
  denseRow: "- Layer {number}: {inputs} → {outputs}; parameters {params}; MACs {macs}",
  solution:
    "Carry the shape through the network (⟦d2l.lenet⟧). A convolution has k · k · (input channels) · (output channels) weights plus one bias per output channel, used at every output position; " +
    "a fully connected layer has inputs · outputs weights plus one bias per output, each used once (⟦nndl.cnn-structure⟧). ReLU, pooling and flatten have neither parameters nor MACs.\n\n" +
    "{rows}\n\n{work}\n\nThe answer is {answer}. Across the whole network, the fully connected layers hold {denseParamShare}% of the parameters but take {denseMacShare}% of the MACs: " +
    "the convolutions share their few weights across every position, the dense layers use their many weights once.",
  mistakes: {
    otherPart: "That is the count for the other part of the network. The question asks about the {part, select, features {convolutional layers} other {fully connected layers}}.",
    wholeNetwork: "That is the whole network's count; the question asks only about the {part, select, features {convolutional layers} other {fully connected layers}}.",
    forgotBias: "You left out the biases: one per output channel of a convolution, one per output of a fully connected layer.",
    paramsInstead: "That is the number of parameters. MACs count each weight once per output position it is used at.",
  },
} as const;

const zhCN = {
  title: "网络的参数和计算量在哪里",
  prompt:
    "一个网络的输入形状为 {inputShape}（通道、高、宽）。第 1 至 {featuresEnd} 层是卷积部分，第 {classifierStart} 至 {last} 层是全连接部分：\n\n{layers}\n\n" +
    "{convention}\n\n" +
    "{asked, select, params {{part, select, features {卷积层} other {全连接层}}合计有多少个可训练参数（含偏置）？} other {对一个输入，{part, select, features {卷积层} other {全连接层}}合计需要多少次乘加运算？}}",
  convRow: "- 第 {number} 层：{inputShape} → {outputShape}；参数 {params}；乘加运算 {macs}",
  denseRow: "- 第 {number} 层：{inputs} → {outputs}；参数 {params}；乘加运算 {macs}",
  solution:
    "把形状逐层推下去（⟦d2l.lenet⟧）。卷积层有 k · k · 输入通道数 · 输出通道数 个权重，外加每个输出通道一个偏置，在每个输出位置都要用到；" +
    "全连接层有 输入数 · 输出数 个权重，外加每个输出一个偏置，每个只用一次（⟦nndl.cnn-structure⟧）。ReLU、汇聚层和展平层既没有参数也没有乘加运算。\n\n" +
    "{rows}\n\n{work}\n\n答案是 {answer}。就整个网络而言，全连接层占参数的 {denseParamShare}%，却只占乘加运算的 {denseMacShare}%：" +
    "卷积层的少量权重在所有位置共享，全连接层的大量权重各只用一次。",
  mistakes: {
    otherPart: "这是网络另一部分的数量。题目问的是{part, select, features {卷积层} other {全连接层}}。",
    wholeNetwork: "这是整个网络的数量；题目只问{part, select, features {卷积层} other {全连接层}}。",
    forgotBias: "你漏掉了偏置：卷积层每个输出通道一个，全连接层每个输出一个。",
    paramsInstead: "这是参数的个数。乘加运算要把每个权重在它被用到的每个输出位置各算一次。",
  },
} as const satisfies Catalogue<typeof en>;

export const costWhereParamsSitCatalogues = { en, "zh-CN": zhCN } as const;
export const costWhereParamsSitMessages = createTranslators(costWhereParamsSitCatalogues);
