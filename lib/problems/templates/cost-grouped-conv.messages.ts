import { type Catalogue, createTranslators } from "../messages";

/** Messages of `cost.grouped-conv`; 分组卷积 as the glossary has it, 输入通道 / 输出通道 as d2l 6.4 zh. */
const en = {
  title: "Grouped convolution: parameters and MACs",
  prompt:
    "A convolutional layer takes an input of shape {inputShape}: {layer}. " +
    "Its {channelsIn} input channels and {filters} output channels are split into {groups} groups of {groupIn} input and {groupOut} output channels; each group's output channels see only that group's input channels (PyTorch's `groups`, as in AlexNet and ResNeXt).\n\n" +
    "{convention}\n\n" +
    "{asked, select, macs {How many MACs does this layer take for one input?} other {How many trainable parameters does this layer have?}}",
  solution:
    "Each of the {groups} groups is an ordinary convolution from {groupIn} to {groupOut} channels (⟦paper.resnext⟧), so the weights are {formula} (⟦d2l.multi-out⟧):\n\n{weights}\n\n" +
    "{bias, select, no {There is no bias.} other {Add one bias per output channel: {withBias}}}" +
    "{asked, select, macs {\n\nThe output is {outputSize}, and every weight is used once per output position: {macs}} other {}}\n\n" +
    "Without groups the layer would have {dense} weights, {groups} times as many. The answer is {answer}.",
  mistakes: {
    groupsIgnored: "That is the count without groups. With {groups} groups, each output channel sees only {groupIn} of the {channelsIn} input channels, so there are {groups} times fewer weights.",
    oneGroupOnly: "That is one group's count. There are {groups} groups, each with its own weights: multiply by {groups}.",
    forgotBias: "You left out the biases: one per output channel, however the channels are grouped.",
    biasPerGroup: "A grouped convolution still has one bias per output channel, not one per group.",
    inputSizeUsed: "You used the input's height and width. The work is done once per output position, and the output is {outputSize}.",
  },
} as const;

const zhCN = {
  title: "分组卷积：参数量与乘加运算",
  prompt:
    "一个卷积层的输入形状为 {inputShape}：{layer}。" +
    "它的 {channelsIn} 个输入通道和 {filters} 个输出通道被分成 {groups} 组，每组 {groupIn} 个输入通道、{groupOut} 个输出通道；每组的输出通道只看本组的输入通道（PyTorch 的 `groups`，如 AlexNet 和 ResNeXt）。\n\n" +
    "{convention}\n\n" +
    "{asked, select, macs {对一个输入，这一层需要多少次乘加运算？} other {这一层有多少个可训练参数？}}",
  solution:
    "{groups} 组中的每一组都是从 {groupIn} 个通道到 {groupOut} 个通道的普通卷积（⟦paper.resnext⟧），所以权重个数是 {formula}（⟦d2l.multi-out⟧）：\n\n{weights}\n\n" +
    "{bias, select, no {没有偏置。} other {再加上每个输出通道一个偏置：{withBias}}}" +
    "{asked, select, macs {\n\n输出为 {outputSize}，每个权重在每个输出位置用一次：{macs}} other {}}\n\n" +
    "不分组时这一层有 {dense} 个权重，是现在的 {groups} 倍。答案是 {answer}。",
  mistakes: {
    groupsIgnored: "这是不分组时的数量。分成 {groups} 组后，每个输出通道只看 {channelsIn} 个输入通道中的 {groupIn} 个，所以权重少到 1/{groups}。",
    oneGroupOnly: "这是一组的数量。共有 {groups} 组，每组都有自己的权重：要乘以 {groups}。",
    forgotBias: "你漏掉了偏置：无论通道怎样分组，每个输出通道都有一个偏置。",
    biasPerGroup: "分组卷积仍然是每个输出通道一个偏置，而不是每组一个。",
    inputSizeUsed: "你用了输入的高和宽。计算在每个输出位置做一次，而输出是 {outputSize}。",
  },
} as const satisfies Catalogue<typeof en>;

export const costGroupedConvCatalogues = { en, "zh-CN": zhCN } as const;
export const costGroupedConvMessages = createTranslators(costGroupedConvCatalogues);
