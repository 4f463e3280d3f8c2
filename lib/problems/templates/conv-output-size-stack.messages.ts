import { type Catalogue, createTranslators } from "../messages";

/** Messages of `conv.output-size-stack`; terms as d2l 6.3 and 6.5 (卷积层, 汇聚层, 填充, 步幅, 输出形状). */
const en = {
  title: "Output shape after two stacked layers",
  prompt:
    "An input of shape {inputShape} (channels, height, width; the batch dimension is left out) passes through two layers in turn (padding is added on every side; PyTorch semantics):" +
    "\n\n1. {first}\n2. {second}\n\n" +
    "What is the shape of the output of the second layer? Answer with three whole numbers in the order channels, height, width, for example `C x H x W`.",
  layer:
    "{kind, select, conv {a convolutional layer with {filters} output channels, kernel {kernel}, padding {padding} and stride {stride}} other {a max-pooling layer with a {kernel} window, padding {padding} and stride {stride}}}",
  solution:
    "Apply the output-size formula layer by layer; pooling follows the same formula (⟦d2l.padding-stride⟧; ⟦d2l.pooling-padding-stride⟧), and the second layer starts from the first layer's output:" +
    "\n\n{formula}\n\n{steps}\n\n" +
    "The output shape is {answer}.",
  step:
    "- layer {index} ({kind, select, conv {convolution: {filters} kernels give {filters} channels} other {max pooling: channels unchanged}}): height {heightWork}; width {widthWork}; output {shape}",
  mistakes: {
    forgotPlusOne: "It looks like you left out the $+1$ in the output-size formula: the first window position counts too.",
    paddingOnce: "It looks like you added the padding only once. Padding $p$ is added on both sides, so the padded size is $n + 2p$.",
    ceilInsteadOfFloor: "It looks like you rounded up. A window that would stick out past the padded input is not used, so the division by the stride is rounded down.",
    inputChannelsKept:
      "The spatial sizes are right, but the channels are not the input's {channelsIn}: a convolutional layer has as many output channels as kernels, and pooling keeps the channels it receives.",
  },
} as const;

const zhCN = {
  title: "两层堆叠后的输出形状",
  prompt:
    "形状为 {inputShape}（通道、高度、宽度；不含批量维度）的输入依次经过两层（填充加在每一侧；按 PyTorch 的语义）：" +
    "\n\n1. {first}\n2. {second}\n\n" +
    "第二层的输出形状是什么？请按通道、高度、宽度的顺序写出三个整数，例如 `C x H x W`。",
  layer:
    "{kind, select, conv {卷积层：{filters} 个输出通道，卷积核 {kernel}，填充 {padding}，步幅 {stride}} other {最大汇聚层（最大池化层）：汇聚窗口 {kernel}，填充 {padding}，步幅 {stride}}}",
  solution:
    "逐层套用输出大小的公式；汇聚层也用同一个公式（⟦d2l.padding-stride⟧；⟦d2l.pooling-padding-stride⟧），第二层的输入是第一层的输出：" +
    "\n\n{formula}\n\n{steps}\n\n" +
    "输出形状为 {answer}。",
  step:
    "- 第 {index} 层（{kind, select, conv {卷积：{filters} 个卷积核，输出 {filters} 个通道} other {最大汇聚：通道数不变}}）：高度 {heightWork}；宽度 {widthWork}；输出 {shape}",
  mistakes: {
    forgotPlusOne: "看起来你漏掉了输出大小公式中的 $+1$：第一个窗口位置本身也要计数。",
    paddingOnce: "看起来你只加了一次填充。填充 $p$ 加在两侧，所以填充后的大小是 $n + 2p$。",
    ceilInsteadOfFloor: "看起来你向上取整了。超出填充后输入范围的窗口不会被使用，所以除以步幅后要向下取整。",
    inputChannelsKept: "空间大小对了，但通道数不是输入的 {channelsIn}：卷积层的输出通道数等于卷积核的个数，汇聚层保持它收到的通道数。",
  },
} as const satisfies Catalogue<typeof en>;

export const convOutputSizeStackCatalogues = { en, "zh-CN": zhCN } as const;
export const convOutputSizeStackMessages = createTranslators(convOutputSizeStackCatalogues);
