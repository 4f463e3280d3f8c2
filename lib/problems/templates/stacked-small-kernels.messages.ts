import { type Catalogue, createTranslators } from "../messages";

/** Messages of `rf.two-3x3-vs-5x5`; ICU syntax, LaTeX and numbers arrive as arguments. */
const en = {
  title: "Small kernels stacked vs one large kernel (VGG)",
  prompt:
    "VGG replaces one large convolution by a stack of $3 \\times 3$ convolutions. Consider {count} convolutional layers in a row, each with a {kernel} kernel, stride $1$ and padding $1$, " +
    "each taking {channels} input channels to {channels} output channels, {bias, select, yes {with a bias per output channel} other {without bias (as in the VGG paper’s count)}}. " +
    "Together they see a {field} region of the input, like a single {field} convolution." +
    "\n\nHow many trainable parameters does the stack of {count} layers have in total? Answer with one whole number.",
  solution:
    "Receptive field: each $3 \\times 3$ layer with stride $1$ widens the field by $2$, so {count} layers see {fieldWork} pixels along each axis (⟦d2l.vgg⟧).\n\n" +
    "Parameters of one layer: a $3 \\times 3$ kernel for every pair of input and output channel{bias, select, yes {, plus one bias per output channel} other {}}: {layerWork}.\n\n" +
    "The stack: {stackWork}.\n\n" +
    "For comparison, one {field} layer with the same channels has {singleWork} parameters: the stack needs fewer parameters and adds a nonlinearity between its layers.\n\n" +
    "The stack has {answer} parameters.",
  mistakes: {
    forgotBias: "It looks like you left out the biases: each of the {count} layers has one bias per output channel, {channels} in all per layer.",
    singleLargeKernel:
      "It looks like you counted the single large convolution with the same receptive field instead of the stack of $3 \\times 3$ layers.",
    inputChannelsIgnored:
      "It looks like you gave each output channel a single $3 \\times 3$ kernel. Each output channel has a $3 \\times 3$ kernel for every input channel: $3 \\cdot 3 \\cdot C$ weights.",
    oneLayerOnly: "It looks like you counted one layer only; there are {count} layers, each with its own weights.",
  },
} as const;

const zhCN = {
  title: "堆叠小卷积核与单个大卷积核（VGG）",
  prompt:
    "VGG 用若干个 $3 \\times 3$ 卷积层的堆叠代替一个大卷积核的卷积层。考虑连续 {count} 个卷积层，每层卷积核为 {kernel}，步幅为 $1$，填充为 $1$，" +
    "每层把 {channels} 个输入通道变为 {channels} 个输出通道，{bias, select, yes {每个输出通道有一个偏置} other {不含偏置（与 VGG 论文的计数方式相同）}}。" +
    "它们合起来的感受野为 {field}，与单个 {field} 卷积层相同。" +
    "\n\n这 {count} 层总共有多少个可训练参数？请写一个整数。",
  solution:
    "感受野：步幅为 $1$ 的每个 $3 \\times 3$ 层使感受野增加 $2$，所以 {count} 层在每个维度上的感受野为 {fieldWork}（⟦d2l.vgg⟧）。\n\n" +
    "一层的参数：每一对输入通道和输出通道各有一个 $3 \\times 3$ 卷积核{bias, select, yes {，另加每个输出通道一个偏置} other {}}：{layerWork}。\n\n" +
    "整个堆叠：{stackWork}。\n\n" +
    "作为比较，通道数相同的单个 {field} 卷积层有 {singleWork} 个参数：堆叠所需参数更少，并且层与层之间多了非线性。\n\n" +
    "该堆叠共有 {answer} 个参数。",
  mistakes: {
    forgotBias: "看起来你漏掉了偏置：{count} 层中每层的每个输出通道都有一个偏置，每层共 {channels} 个。",
    singleLargeKernel: "看起来你算的是感受野相同的单个大卷积层，而不是 $3 \\times 3$ 卷积层的堆叠。",
    inputChannelsIgnored:
      "看起来你让每个输出通道只有一个 $3 \\times 3$ 卷积核。每个输出通道对每个输入通道都有一个 $3 \\times 3$ 卷积核：共 $3 \\cdot 3 \\cdot C$ 个权重。",
    oneLayerOnly: "看起来你只算了一层；共有 {count} 层，每层有自己的权重。",
  },
} as const satisfies Catalogue<typeof en>;

export const stackedSmallKernelsCatalogues = { en, "zh-CN": zhCN } as const;
export const stackedSmallKernelsMessages = createTranslators(stackedSmallKernelsCatalogues);
