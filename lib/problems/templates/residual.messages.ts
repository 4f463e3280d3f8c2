import { type Catalogue, createTranslators } from "../messages";

/** Messages of `residual.block-shape` and `residual.shortcut-params`; LaTeX and numbers arrive as arguments. */
const en = {
  block:
    "A residual block (⟦d2l.residual-blocks⟧) receives an input of shape {inputShape} (channels, height, width; no batch dimension). " +
    "Its main path is a {kernel} convolution with {filters} output channels, stride {stride} and padding $1$, batch normalization, ReLU, a second {kernel} convolution with {filters} output channels, stride $1$ and padding $1$, and batch normalization. " +
    "{shortcut, select, identity {The shortcut is the identity.} d2l {The shortcut is a $1 \\times 1$ convolution with {filters} output channels and stride {stride}, with bias (d2l’s use_1x1conv).} other {The shortcut is a $1 \\times 1$ convolution with {filters} output channels and stride {stride}, without bias, followed by batch normalization (torchvision’s downsample).}} " +
    "The two paths are added and passed through ReLU.",
  blockShape: {
    title: "Output shape of a residual block",
    prompt: "{block}\n\nWhat is the shape of the block’s output? Answer with three whole numbers in the order channels, height, width.",
    solution:
      "The main path sets the shape: its first convolution gives {filters} channels and, on each spatial axis, {work}; the second convolution ($3 \\times 3$, padding $1$, stride $1$) and batch normalization keep it. " +
      "{shortcut, select, identity {The identity shortcut already has that shape, so the sum is defined.} other {The $1 \\times 1$ shortcut with the same stride brings the input to the same shape, so the two can be added.}} " +
      "Addition keeps the shape (unlike DenseNet’s concatenation).\n\nThe output shape is {answer}.",
    mistakes: {
      channelsConcatenated:
        "It looks like you added the channels of the two paths. A residual block adds the two paths element by element, so the channels stay at {filters}; concatenating channels is what DenseNet does.",
      strideIgnored: "It looks like you ignored the stride of the first convolution: with stride {stride} the height and width shrink.",
      inputShapeKept:
        "A residual block keeps the input’s shape only with stride $1$ and unchanged channels. Here the first convolution changes them, and the $1 \\times 1$ shortcut adapts the input to match.",
    },
  },
  shortcutParams: {
    title: "Parameters of a 1×1 shortcut",
    prompt:
      "{block}\n\nHow many trainable parameters does the shortcut path have{shortcut, select, d2l { (the $1 \\times 1$ convolution)} other { (the $1 \\times 1$ convolution and its batch normalization)}}? Answer with one whole number.",
    solution:
      "A $1 \\times 1$ convolution from {channelsIn} to {filters} channels has one weight per pair of input and output channel; the stride changes no parameter count. " +
      "{shortcut, select, d2l {It has a bias per output channel: {work}.} other {It has no bias, and its batch normalization learns $\\gamma$ and $\\beta$ per channel (its running mean and variance are buffers, not parameters): {work}.}}" +
      "\n\nThe shortcut has {answer} parameters.",
    mistakes: {
      forgotBiasOrNorm: "It looks like you counted only the weights. {shortcut, select, d2l {The convolution also has one bias per output channel.} other {The batch normalization after it learns $\\gamma$ and $\\beta$, two per channel.}}",
      runningStatsCounted: "It looks like you counted the batch normalization’s running mean and variance. They are buffers, not trainable parameters: only $\\gamma$ and $\\beta$ count.",
      kernelThreeByThree: "It looks like you gave the shortcut a $3 \\times 3$ kernel. The shortcut is a $1 \\times 1$ convolution: one weight per pair of channels.",
    },
  },
} as const;

const zhCN = {
  block:
    "一个残差块（⟦d2l.residual-blocks⟧）的输入形状为 {inputShape}（通道、高度、宽度；不含批量维度）。" +
    "它的主路径依次为：{kernel} 卷积层（{filters} 个输出通道，步幅 {stride}，填充 $1$）、批量规范化层、ReLU、第二个 {kernel} 卷积层（{filters} 个输出通道，步幅 $1$，填充 $1$）、批量规范化层。" +
    "{shortcut, select, identity {残差连接是恒等映射。} d2l {残差连接上是一个 $1 \\times 1$ 卷积层，{filters} 个输出通道，步幅 {stride}，带偏置（d2l 中的 use_1x1conv）。} other {残差连接上是一个不带偏置的 $1 \\times 1$ 卷积层，{filters} 个输出通道，步幅 {stride}，后接批量规范化层（torchvision 中的 downsample）。}}" +
    "两条路径相加后再经过 ReLU。",
  blockShape: {
    title: "残差块的输出形状",
    prompt: "{block}\n\n这个残差块的输出形状是什么？请按通道、高度、宽度的顺序写出三个整数。",
    solution:
      "形状由主路径决定：第一个卷积层输出 {filters} 个通道，每个空间维度为 {work}；第二个卷积层（$3 \\times 3$，填充 $1$，步幅 $1$）和批量规范化层保持形状不变。" +
      "{shortcut, select, identity {恒等的残差连接形状本来就相同，所以可以相加。} other {残差连接上步幅相同的 $1 \\times 1$ 卷积把输入变为相同的形状，所以两者可以相加。}}" +
      "相加不改变形状（与稠密连接网络 DenseNet 的连结不同）。\n\n输出形状为 {answer}。",
    mistakes: {
      channelsConcatenated: "看起来你把两条路径的通道数加在了一起。残差块把两条路径按元素相加，所以通道数仍为 {filters}；在通道维上连结是 DenseNet 的做法。",
      strideIgnored: "看起来你忽略了第一个卷积层的步幅：步幅为 {stride} 时高和宽会缩小。",
      inputShapeKept: "只有在步幅为 $1$、通道数不变时，残差块才保持输入形状。这里第一个卷积层改变了形状，残差连接上的 $1 \\times 1$ 卷积让输入与之匹配。",
    },
  },
  shortcutParams: {
    title: "残差连接上 1×1 卷积的参数量",
    prompt:
      "{block}\n\n残差连接上有多少个可训练参数{shortcut, select, d2l {（即 $1 \\times 1$ 卷积层）} other {（即 $1 \\times 1$ 卷积层及其批量规范化层）}}？请写一个整数。",
    solution:
      "从 {channelsIn} 个通道到 {filters} 个通道的 $1 \\times 1$ 卷积层，每一对输入通道和输出通道有一个权重；步幅不影响参数量。" +
      "{shortcut, select, d2l {每个输出通道还有一个偏置：{work}。} other {它没有偏置，后面的批量规范化层对每个通道学习 $\\gamma$ 和 $\\beta$（其移动平均均值和方差是缓冲区，不是参数）：{work}。}}" +
      "\n\n残差连接上共有 {answer} 个参数。",
    mistakes: {
      forgotBiasOrNorm: "看起来你只算了权重。{shortcut, select, d2l {卷积层每个输出通道还有一个偏置。} other {其后的批量规范化层每个通道学习 $\\gamma$ 和 $\\beta$ 两个参数。}}",
      runningStatsCounted: "看起来你把批量规范化层的移动平均均值和方差也算进去了。它们是缓冲区，不是可训练参数：只有 $\\gamma$ 和 $\\beta$ 计入。",
      kernelThreeByThree: "看起来你把残差连接上的卷积当成了 $3 \\times 3$ 卷积。它是 $1 \\times 1$ 卷积：每一对通道只有一个权重。",
    },
  },
} as const satisfies Catalogue<typeof en>;

export const residualCatalogues = { en, "zh-CN": zhCN } as const;
export const residualMessages = createTranslators(residualCatalogues);
