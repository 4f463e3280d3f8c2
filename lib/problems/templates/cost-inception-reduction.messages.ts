import { type Catalogue, createTranslators } from "../messages";

/** Messages of `cost.inception-reduction`; terms as d2l zh 7.4 (Inception块, 1×1 卷积层, 通道) and NNDL 5.4.3. */
const en = {
  title: "The 1×1 reduction's saving in an Inception branch",
  prompt:
    "An Inception branch maps a feature map of shape {inputShape} to {filters} channels of the same height and width with a {kernel} convolution (padding {padding}, stride 1). " +
    "{variant, select, direct {Here the {kernel} convolution is applied to the input directly.} other {Here a {one} convolution first reduces the input to {reduce} channels (followed by ReLU), and the {kernel} convolution is applied to those.}} " +
    "No layer has a bias.\n\n{convention}\n\n" +
    "{asked, select, macs {How many MACs does this branch take for one input?} other {How many parameters does this branch have?}}",
  solution:
    "A convolution has k · k · (input channels) · (output channels) weights and does that many MACs at each output position (⟦d2l.one-by-one⟧).\n\n" +
    "{direct}\n\n{bottleneck}\n\n" +
    "The 1×1 reduction saves {saved} {asked, select, macs {MACs} other {parameters}}: the reduced branch costs {ratio} of the direct one (⟦nndl.inception⟧; NNDL's exercise 5-4 asks the same of a 3×3 convolution on 256 channels reduced to 64; GoogLeNet's block 3a reduces 192 channels to 16 before its 5×5 convolution, ⟦paper.googlenet⟧). " +
    "This branch's answer is {answer}.",
  directLine: "Without the reduction, the {kernel} convolution on {channelsIn} channels:\n\n{work}",
  bottleneckLine: "With the reduction, the {one} convolution ({channelsIn} → {reduce}) plus the {kernel} convolution ({reduce} → {filters}):\n\n{work}",
  mistakes: {
    bottleneckIgnored: "That is the cost of the {kernel} convolution applied directly to the input. In this branch a 1×1 convolution first reduces the channels to {reduce}.",
    reductionCostForgotten: "You counted only the {kernel} convolution after the reduction. The 1×1 convolution that reduces the channels has its own weights and MACs, and they belong to the branch.",
    forgotInputChannels: "Each output channel's kernel spans every input channel: multiply by the input's channels as well.",
    reducedInputUsed: "You used the reduced channel count as the {kernel} convolution's input. Here there is no reduction: it sees all {channelsIn} input channels.",
  },
} as const;

const zhCN = {
  title: "Inception 块中 1×1 降维节省的计算量",
  prompt:
    "Inception 块的一条路径用 {kernel} 卷积（填充 {padding}，步幅 1）把形状为 {inputShape} 的特征映射变成高宽不变的 {filters} 个通道。" +
    "{variant, select, direct {这里 {kernel} 卷积直接作用于输入。} other {这里先用 {one} 卷积把输入降到 {reduce} 个通道（之后接 ReLU），再对其做 {kernel} 卷积。}}" +
    "各层都没有偏置。\n\n{convention}\n\n" +
    "{asked, select, macs {对一个输入，这条路径需要多少次乘加运算？} other {这条路径有多少个参数？}}",
  solution:
    "卷积层有 k · k · 输入通道数 · 输出通道数 个权重，并在每个输出位置做同样多次乘加运算（⟦d2l.one-by-one⟧）。\n\n" +
    "{direct}\n\n{bottleneck}\n\n" +
    "1×1 降维节省了 {saved} 个{asked, select, macs {乘加运算} other {参数}}：降维后的路径的代价是直接卷积的 {ratio}（⟦nndl.inception⟧；NNDL 第 5 章习题 5-4 对 256 个通道降到 64 个后的 3×3 卷积问了同样的问题；GoogLeNet 的 3a 块在 5×5 卷积前把 192 个通道降到 16 个，⟦paper.googlenet⟧）。" +
    "这条路径的答案是 {answer}。",
  directLine: "不降维时，{kernel} 卷积作用于 {channelsIn} 个通道：\n\n{work}",
  bottleneckLine: "降维时，{one} 卷积（{channelsIn} → {reduce}）加上 {kernel} 卷积（{reduce} → {filters}）：\n\n{work}",
  mistakes: {
    bottleneckIgnored: "这是 {kernel} 卷积直接作用于输入的代价。这条路径先用 1×1 卷积把通道数降到 {reduce}。",
    reductionCostForgotten: "你只算了降维之后的 {kernel} 卷积。负责降维的 1×1 卷积有它自己的权重和乘加运算，也属于这条路径。",
    forgotInputChannels: "每个输出通道的卷积核覆盖全部输入通道：还要乘以输入通道数。",
    reducedInputUsed: "你把降维后的通道数当作 {kernel} 卷积的输入。这里没有降维：它看到的是全部 {channelsIn} 个输入通道。",
  },
} as const satisfies Catalogue<typeof en>;

export const costInceptionReductionCatalogues = { en, "zh-CN": zhCN } as const;
export const costInceptionReductionMessages = createTranslators(costInceptionReductionCatalogues);
