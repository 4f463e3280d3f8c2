import { type Catalogue, createTranslators } from "../messages/catalogue";

/** Messages of `densenet.block-channels` (`densenet-block-channels.ts`); LaTeX arrives as arguments. */
const en = {
  title: "DenseNet: channels after a dense block",
  prompt:
    "A DenseNet dense block (d2l's `DenseBlock`) has {convBlocks} convolution blocks, each batch normalization → ReLU → a {kernel} convolution with padding 1 and {growthRate} output channels: the growth rate is {growthRate}. " +
    "Each convolution block's output is concatenated with its input on the channel dimension. " +
    "The block receives an input of shape {inputShape} (channels, height, width)." +
    "\n\nWhat is the shape of the dense block's output? Answer with three whole numbers, for example `C x H x W`.",
  solution:
    "Each convolution block keeps height and width (a {kernel} kernel with padding 1) and adds its {growthRate} channels to the ones it receives, so after $n$ blocks with growth rate $k$ (⟦d2l.dense-blocks⟧)" +
    "\n\n{formula}\n\n" +
    "- channels: {channelsWork}\n" +
    "- height and width stay {spatial}.\n\n" +
    "The output shape is {answer}.",
  mistakes: {
    onlyLastBlock:
      "It looks like you kept only the last convolution block's channels. A dense block concatenates: its output holds the input's channels and those of every convolution block.",
    forgotInput:
      "It looks like you left out the input's own channels: the identity branch of each concatenation passes them through, so the count starts at {channelsIn}.",
    channelsAdded:
      "It looks like you added the block's output to its input, as ResNet does. DenseNet concatenates on channels, so every convolution block adds {growthRate} channels.",
    spatialHalved:
      "Height and width do not change inside a dense block: the {kernel} convolutions have padding 1 and stride 1. The transition layers between blocks halve them.",
  },
} as const;

const zhCN = {
  title: "DenseNet：稠密块之后的通道数",
  prompt:
    "一个 DenseNet 稠密块（d2l 的 `DenseBlock`）包含 {convBlocks} 个卷积块，每个卷积块依次为批量规范化（批量归一化）→ ReLU → 填充为 1、输出 {growthRate} 个通道的 {kernel} 卷积层：增长率为 {growthRate}。" +
    "每个卷积块的输出与其输入在通道维度上连结。" +
    "该稠密块的输入形状为 {inputShape}（通道、高、宽）。" +
    "\n\n稠密块输出的形状是什么？请用三个整数回答，例如 `C x H x W`。",
  solution:
    "每个卷积块保持高和宽不变（{kernel} 卷积核，填充 1），并在收到的通道上再加 {growthRate} 个通道，所以经过增长率为 $k$ 的 $n$ 个卷积块后（⟦d2l.dense-blocks⟧）" +
    "\n\n{formula}\n\n" +
    "- 通道数：{channelsWork}\n" +
    "- 高和宽保持 {spatial}。\n\n" +
    "输出形状为 {answer}。",
  mistakes: {
    onlyLastBlock:
      "你似乎只保留了最后一个卷积块的通道。稠密块做的是连结：输出包含输入的通道以及每个卷积块的通道。",
    forgotInput: "你似乎漏掉了输入本身的通道：每次连结的恒等分支会把它们传下去，所以通道数从 {channelsIn} 开始累加。",
    channelsAdded:
      "你似乎像 ResNet 那样把块的输出加到了输入上。DenseNet 在通道上做连结，所以每个卷积块增加 {growthRate} 个通道。",
    spatialHalved:
      "稠密块内高和宽不变：{kernel} 卷积的填充为 1、步幅为 1。把高和宽减半的是稠密块之间的过渡层。",
  },
} as const satisfies Catalogue<typeof en>;

export const denseNetBlockChannelsCatalogues = { en, "zh-CN": zhCN } as const;
export const denseNetBlockChannelsMessages = createTranslators(denseNetBlockChannelsCatalogues);
