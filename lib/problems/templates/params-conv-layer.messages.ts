import { type Catalogue, createTranslators } from "../messages";

/** Messages of `params.conv-layer`; terms as d2l 6.4 (卷积层, 卷积核, 输入通道, 输出通道, 偏置) and 7.x (分组卷积). */
const en = {
  title: "Parameters of a convolutional layer",
  prompt:
    "A 2-D convolutional layer (PyTorch's `nn.Conv2d`) has {channelsIn} input {channelsInCount, plural, =1 {channel} other {channels}} and {filters} output {filtersCount, plural, =1 {channel} other {channels}}, kernel size {kernel}" +
    "{grouped, select, yes {, and {groups} groups (each output channel sees only the {perGroup} input {perGroupCount, plural, =1 {channel} other {channels}} of its group)} other {}}; " +
    "{bias, select, yes {it has a bias (`bias=True`)} other {it has no bias (`bias=False`)}}." +
    "\n\nHow many trainable parameters does the layer have?",
  solution:
    "Each of the $C_o$ output channels has a kernel of shape {kernelShape} over the input channels it sees{bias, select, yes {, plus one bias} other {, and no bias}} (⟦d2l.channels⟧; PyTorch stores the weight as $(C_o, C_i / g, k_h, k_w)$):" +
    "\n\n{formula}\n\n{work}\n\n" +
    "The layer has {answer} parameters.",
  mistakes: {
    forgotBias: "It looks like you left out the bias: the layer has one bias per output channel, {filters} in all.",
    biasCountedWhenOff: "This layer has no bias (`bias=False`): only the kernel weights count.",
    forgotInputChannels: "It looks like you counted one {kernel} kernel per output channel. {perGroupCount, plural, =1 {Each output channel's kernel spans the {perGroup} input channel it sees.} other {Each output channel's kernel spans all {perGroup} input channels it sees, so multiply by them too.}}",
    biasPerInputChannel: "It looks like you counted a bias per input channel. There is one bias per output channel, {filters} in all.",
    groupsIgnored: "It looks like you ignored the groups. With {groups} groups each output channel sees only {perGroup} of the input channels, which divides the weights by {groups}.",
  },
} as const;

const zhCN = {
  title: "卷积层的参数个数",
  prompt:
    "一个二维卷积层（PyTorch 的 `nn.Conv2d`）有 {channelsInCount, plural, other {{channelsIn} 个输入通道}}和 {filtersCount, plural, other {{filters} 个输出通道}}，卷积核大小为 {kernel}" +
    "{grouped, select, yes {，分为 {groups} 组（每个输出通道只看到本组的 {perGroupCount, plural, other {{perGroup} 个输入通道}}）} other {}}；" +
    "{bias, select, yes {它有偏置（`bias=True`）} other {它没有偏置（`bias=False`）}}。" +
    "\n\n这一层有多少个可训练参数？",
  solution:
    "$C_o$ 个输出通道各有一个形状为 {kernelShape} 的卷积核，覆盖它看到的输入通道{bias, select, yes {，另加一个偏置} other {，没有偏置}}（⟦d2l.channels⟧；PyTorch 把权重存为 $(C_o, C_i / g, k_h, k_w)$）：" +
    "\n\n{formula}\n\n{work}\n\n" +
    "这一层共有 {answer} 个参数。",
  mistakes: {
    forgotBias: "看起来你漏掉了偏置：每个输出通道有一个偏置，共 {filters} 个。",
    biasCountedWhenOff: "这一层没有偏置（`bias=False`）：只计算卷积核的权重。",
    forgotInputChannels: "看起来你给每个输出通道只算了一个 {kernel} 的卷积核。{perGroupCount, plural, =1 {每个输出通道的卷积核覆盖它看到的那 {perGroup} 个输入通道。} other {每个输出通道的卷积核覆盖它看到的全部 {perGroup} 个输入通道，所以还要乘以这个数。}}",
    biasPerInputChannel: "看起来你按输入通道计算了偏置。偏置是每个输出通道一个，共 {filters} 个。",
    groupsIgnored: "看起来你忽略了分组。分为 {groups} 组时，每个输出通道只看到 {perGroup} 个输入通道，权重数要除以 {groups}。",
  },
} as const satisfies Catalogue<typeof en>;

export const paramsConvLayerCatalogues = { en, "zh-CN": zhCN } as const;
export const paramsConvLayerMessages = createTranslators(paramsConvLayerCatalogues);
