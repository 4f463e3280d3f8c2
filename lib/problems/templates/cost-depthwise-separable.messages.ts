import { type Catalogue, createTranslators } from "../messages";

/** Messages of `cost.depthwise-separable`; 深度可分离卷积 (depthwise separable), 逐通道 / 逐点 as MobileNet's Chinese literature writes them. */
const en = {
  title: "Depthwise-separable vs standard convolution",
  prompt:
    "A MobileNet-style layer replaces a standard {kernel} convolution from {channelsIn} to {filters} channels by a depthwise-separable one: " +
    "a {kernel} depthwise convolution (groups = {channelsIn}: one {kernel} kernel per input channel, {channelsIn} output channels, stride {stride}, padding {padding}) followed by a {one} pointwise convolution to {filters} channels. " +
    "The input has shape {inputShape}; no layer has a bias.\n\n{convention}\n\n" +
    "{asked, select, macs {How many MACs does the depthwise-separable pair take for one input?} other {How many parameters does the depthwise-separable pair have?}}",
  solution:
    "The depthwise convolution has one k · k kernel per input channel; the pointwise convolution is a 1×1 convolution across channels (⟦d2l.one-by-one⟧; ⟦paper.mobilenet⟧). " +
    "{asked, select, macs {Both run at each of the {outputSize} output positions.} other {Neither count depends on the image size.}}\n\n" +
    "Depthwise: {depthwise}\n\nPointwise: {pointwise}\n\nIn all:\n\n{total}\n\n" +
    "A standard {kernel} convolution would take {standard}, so the pair costs {ratio} of it, the paper's 1/N + 1/k² with N = {filters} and k = {k}. The answer is {answer}.",
  mistakes: {
    standardConv: "That is the cost of the standard {kernel} convolution. The depthwise-separable pair splits it into a per-channel {kernel} convolution and a 1×1 convolution, which costs far less.",
    groupsIgnored: "You counted the depthwise convolution as a full convolution over all input channels. With groups equal to the input channels, each kernel sees one channel only: k · k weights per channel.",
    pointwiseForgotten: "You counted only the depthwise convolution. The 1×1 pointwise convolution that mixes the channels belongs to the pair, and it is usually the larger part.",
    inputSizeUsed: "You used the input's height and width. With stride {stride} the outputs are {outputSize}, and both convolutions run once per output position.",
  },
} as const;

const zhCN = {
  title: "深度可分离卷积与标准卷积",
  prompt:
    "MobileNet 式的层把一个从 {channelsIn} 个通道到 {filters} 个通道的标准 {kernel} 卷积换成深度可分离卷积：" +
    "先做 {kernel} 逐通道卷积（分组数 = {channelsIn}：每个输入通道一个 {kernel} 卷积核，{channelsIn} 个输出通道，步幅 {stride}，填充 {padding}），再做到 {filters} 个通道的 {one} 逐点卷积。" +
    "输入形状为 {inputShape}；各层都没有偏置。\n\n{convention}\n\n" +
    "{asked, select, macs {对一个输入，这对深度可分离卷积需要多少次乘加运算？} other {这对深度可分离卷积有多少个参数？}}",
  solution:
    "逐通道卷积为每个输入通道配一个 k · k 卷积核；逐点卷积是跨通道的 1×1 卷积（⟦d2l.one-by-one⟧；⟦paper.mobilenet⟧）。" +
    "{asked, select, macs {两者都在 {outputSize} 个输出位置上各算一次。} other {两者的参数量都与图像大小无关。}}\n\n" +
    "逐通道：{depthwise}\n\n逐点：{pointwise}\n\n合计：\n\n{total}\n\n" +
    "标准 {kernel} 卷积需要 {standard}，所以这对卷积的代价是它的 {ratio}，即论文中的 1/N + 1/k²，其中 N = {filters}，k = {k}。答案是 {answer}。",
  mistakes: {
    standardConv: "这是标准 {kernel} 卷积的代价。深度可分离卷积把它拆成逐通道的 {kernel} 卷积和 1×1 卷积，代价小得多。",
    groupsIgnored: "你把逐通道卷积当成了覆盖全部输入通道的普通卷积。分组数等于输入通道数时，每个卷积核只看一个通道：每个通道 k · k 个权重。",
    pointwiseForgotten: "你只算了逐通道卷积。负责混合通道的 1×1 逐点卷积也属于这对卷积，而且通常是较大的部分。",
    inputSizeUsed: "你用了输入的高和宽。步幅为 {stride} 时输出是 {outputSize}，两个卷积都在每个输出位置上各算一次。",
  },
} as const satisfies Catalogue<typeof en>;

export const costDepthwiseSeparableCatalogues = { en, "zh-CN": zhCN } as const;
export const costDepthwiseSeparableMessages = createTranslators(costDepthwiseSeparableCatalogues);
