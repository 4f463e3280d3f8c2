import { type Catalogue, createTranslators } from "../messages/catalogue";

/** Messages of `densenet.transition` (`densenet-transition.ts`); LaTeX arrives as arguments. */
const en = {
  title: "DenseNet: shape after a transition layer",
  prompt:
    "{withBlock, select, yes {A dense block with {convBlocks} convolution blocks of growth rate {growthRate} (each batch normalization → ReLU → {kernel} convolution with padding 1, its output concatenated with its input on channels) receives an input of shape {inputShape} and is followed by a transition layer} other {A DenseNet transition layer receives an input of shape {inputShape}}} (channels, height, width). " +
    "As in d2l's `transition_block`, the transition layer is batch normalization → ReLU → a {oneByOne} convolution that halves the number of channels (rounding down), then {pool} average pooling with stride 2." +
    "\n\nWhat is the shape of the transition layer's output? Answer with three whole numbers, for example `C x H x W`.",
  solution:
    "{withBlock, select, yes {The dense block keeps height and width and adds the growth rate per convolution block: {blockWork} channels enter the transition layer. } other {}}" +
    "The transition layer (⟦d2l.transition-layers⟧):\n\n" +
    "- the {oneByOne} convolution keeps height and width and halves the channels: {channelsWork};\n" +
    "- the average pooling with window 2 and stride 2 halves height and width, rounding down:\n\n{poolFormula}\n\n" +
    "  height {heightWork}, width {widthWork}.\n\n" +
    "The output shape is {answer}.",
  mistakes: {
    channelsKept:
      "It looks like you kept the channels. The transition layer's {oneByOne} convolution reduces them (to half in d2l); pooling alone would keep them.",
    spatialKept:
      "It looks like you kept height and width. The {pool} average pooling with stride 2 at the end of the transition layer halves them.",
    ceilPooling:
      "It looks like you rounded up. A pooling window that would stick out past the input is not used, so an odd size is halved rounding down.",
    blockIgnored:
      "It looks like you left out the dense block: it adds its growth rate for every convolution block before the transition layer halves the channels.",
  },
} as const;

const zhCN = {
  title: "DenseNet：过渡层之后的形状",
  prompt:
    "{withBlock, select, yes {一个稠密块包含 {convBlocks} 个增长率为 {growthRate} 的卷积块（每个为批量规范化 → ReLU → 填充为 1 的 {kernel} 卷积，输出与输入在通道上连结），其输入形状为 {inputShape}，后接一个过渡层} other {一个 DenseNet 过渡层的输入形状为 {inputShape}}}（通道、高、宽）。" +
    "与 d2l 的 `transition_block` 一样，过渡层依次为批量规范化（批量归一化）→ ReLU → 把通道数减半（向下取整）的 {oneByOne} 卷积层 → 窗口 {pool}、步幅 2 的平均汇聚层（平均池化层）。" +
    "\n\n过渡层输出的形状是什么？请用三个整数回答，例如 `C x H x W`。",
  solution:
    "{withBlock, select, yes {稠密块保持高和宽不变，每个卷积块增加一个增长率的通道：进入过渡层的通道数为 {blockWork}。} other {}}" +
    "过渡层（⟦d2l.transition-layers⟧）：\n\n" +
    "- {oneByOne} 卷积保持高和宽，把通道数减半：{channelsWork}；\n" +
    "- 窗口为 2、步幅为 2 的平均汇聚层把高和宽减半（向下取整）：\n\n{poolFormula}\n\n" +
    "  高 {heightWork}，宽 {widthWork}。\n\n" +
    "输出形状为 {answer}。",
  mistakes: {
    channelsKept: "你似乎保留了通道数。过渡层的 {oneByOne} 卷积会减少通道数（d2l 中减半）；只有汇聚层才保持通道数不变。",
    spatialKept: "你似乎保留了高和宽。过渡层末尾窗口 {pool}、步幅 2 的平均汇聚层会把它们减半。",
    ceilPooling: "你似乎向上取整了。超出输入范围的汇聚窗口不会被使用，所以奇数尺寸减半时向下取整。",
    blockIgnored: "你似乎漏掉了稠密块：在过渡层把通道数减半之前，每个卷积块都会增加一个增长率的通道。",
  },
} as const satisfies Catalogue<typeof en>;

export const denseNetTransitionCatalogues = { en, "zh-CN": zhCN } as const;
export const denseNetTransitionMessages = createTranslators(denseNetTransitionCatalogues);
