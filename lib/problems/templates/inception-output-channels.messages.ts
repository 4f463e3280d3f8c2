import { type Catalogue, createTranslators } from "../messages/catalogue";

/** Messages of `inception.output-channels`; LaTeX arrives as arguments. */
const en = {
  title: "GoogLeNet: output channels of Inception blocks",
  prompt:
    "{blocks, plural, =1 {An Inception block of GoogLeNet (d2l's `Inception`) receives} other {Two Inception blocks of GoogLeNet (d2l's `Inception`) follow each other; the first receives}} an input of shape {inputShape} (channels, height, width). " +
    "Its four paths are: a {one} convolution with $c_1$ output channels; a {one} convolution with $c_2[0]$ channels then a {three} convolution (padding 1) with $c_2[1]$; " +
    "a {one} convolution with $c_3[0]$ channels then a {five} convolution (padding 2) with $c_3[1]$; and {three} max pooling (stride 1, padding 1) then a {one} convolution with $c_4$ channels. " +
    "The paths' outputs are concatenated on the channel dimension.\n\n" +
    "{blocks, plural, =1 {The block has {first}.} other {The first block has {first}; the second has {second}.}}" +
    "\n\nHow many channels does the {blocks, plural, =1 {block's} other {second block's}} output have? Answer with a whole number.",
  solution:
    "Every path keeps height and width, so the outputs can be concatenated on channels; only the last layer of each path contributes its channels (⟦d2l.inception-blocks⟧):" +
    "\n\n{formula}\n\n" +
    "{blocks, plural, =1 {} other {The second block takes the first one's {firstWork} channels as input, but its output channels depend only on its own arguments: }}" +
    "{work}\n\nThe output has {answer} channels.",
  mistakes: {
    innerChannels:
      "It looks like you also counted the {one} reductions inside the paths ($c_2[0]$ and $c_3[0]$). They feed the {three} and {five} convolutions; only the last layer of each path reaches the output.",
    reductionsOnly:
      "It looks like you took the first number of each pair. In $c_2 = (a, b)$ the first number is the {one} reduction; the path outputs the second, $b$.",
    poolKeepsInput:
      "It looks like you let the pooling path output the input's channels. Max pooling keeps them, but the path ends with a {one} convolution to $c_4$ channels.",
    blocksSummed:
      "It looks like you added the channels of both blocks. The second block's output is the concatenation of its own four paths only; the first block's output is its input.",
  },
} as const;

const zhCN = {
  title: "GoogLeNet：Inception块的输出通道数",
  prompt:
    "{blocks, plural, =1 {GoogLeNet 的一个Inception块（d2l 的 `Inception`）接收} other {GoogLeNet 的两个Inception块（d2l 的 `Inception`）依次相连；第一个接收}}形状为 {inputShape}（通道、高、宽）的输入。" +
    "它的四条路径是：输出 $c_1$ 个通道的 {one} 卷积层；输出 $c_2[0]$ 个通道的 {one} 卷积层后接输出 $c_2[1]$ 个通道的 {three} 卷积层（填充 1）；" +
    "输出 $c_3[0]$ 个通道的 {one} 卷积层后接输出 $c_3[1]$ 个通道的 {five} 卷积层（填充 2）；{three} 最大汇聚层（步幅 1，填充 1）后接输出 $c_4$ 个通道的 {one} 卷积层。" +
    "各路径的输出在通道维度上连结。\n\n" +
    "{blocks, plural, =1 {该块的参数为 {first}。} other {第一个块的参数为 {first}；第二个为 {second}。}}" +
    "\n\n{blocks, plural, =1 {该块} other {第二个块}}的输出有多少个通道？请用一个整数回答。",
  solution:
    "每条路径都保持高和宽不变，所以输出可以在通道上连结；只有每条路径的最后一层贡献通道（⟦d2l.inception-blocks⟧）：" +
    "\n\n{formula}\n\n" +
    "{blocks, plural, =1 {} other {第二个块以第一个块输出的 {firstWork} 个通道为输入，但它的输出通道数只取决于它自己的参数：}}" +
    "{work}\n\n输出有 {answer} 个通道。",
  mistakes: {
    innerChannels:
      "你似乎把路径内部用于降维的 {one} 卷积（$c_2[0]$ 和 $c_3[0]$）也算进去了。它们的输出送入 {three} 和 {five} 卷积；只有每条路径的最后一层进入输出。",
    reductionsOnly: "你似乎取了每对数中的第一个。$c_2 = (a, b)$ 中第一个数是 {one} 降维卷积的通道数；路径输出的是第二个数 $b$。",
    poolKeepsInput: "你似乎让汇聚路径输出了输入的通道数。最大汇聚层保持通道数不变，但该路径最后还有一个输出 $c_4$ 个通道的 {one} 卷积层。",
    blocksSummed: "你似乎把两个块的通道数加在了一起。第二个块的输出只是它自己四条路径的连结；第一个块的输出是它的输入。",
  },
} as const satisfies Catalogue<typeof en>;

export const inceptionOutputChannelsCatalogues = { en, "zh-CN": zhCN } as const;
export const inceptionOutputChannelsMessages = createTranslators(inceptionOutputChannelsCatalogues);
