import { type Catalogue, createTranslators } from "../messages";

/** Messages of `dilated.effective-kernel` and `dilated.output-size`; LaTeX and numbers arrive as arguments. */
const en = {
  effectiveKernel: {
    title: "Effective kernel size of a dilated convolution",
    promptSingle:
      "A dilated (atrous) convolution has a {kernel} kernel with dilation rate {dilation}: the kernel’s taps are {dilation} pixels apart, with {gaps} skipped between neighbours." +
      "\n\nHow many input pixels wide is the region one output unit sees along each axis (the effective kernel size, which is also the layer’s receptive field)? Answer with one whole number.",
    promptStack:
      "A stack of {count} dilated convolutions, each with a {kernel} kernel and stride $1$, uses the dilation rates {dilations} in this order (the doubling rates of the context module of Yu and Koltun, 2016)." +
      "\n\nWhat is the receptive field of one output unit of the last layer along each axis, in input pixels? Answer with one whole number.",
    promptStackRates:
      "A stack of {count} dilated convolutions, each with a {kernel} kernel and stride $1$, uses the dilation rates {dilations} in this order." +
      "\n\nWhat is the receptive field of one output unit of the last layer along each axis, in input pixels? Answer with one whole number.",
    solution:
      "A kernel of size $k$ with dilation $d$ spreads its $k$ taps $d$ pixels apart, so it covers $d \\cdot (k - 1) + 1$ pixels (PyTorch `Conv2d`, dilation; ⟦nndl.dilated-conv⟧). " +
      "With stride $1$ each layer widens the receptive field by $d \\cdot (k - 1)$:" +
      "\n\n{steps}\n\n" +
      "The answer is {answer}.",
    mistakes: {
      dilationIgnored: "It looks like you ignored the dilation. With dilation $d$ the taps are $d$ pixels apart, so a kernel of size $k$ covers $d \\cdot (k - 1) + 1$ pixels.",
      kernelTimesDilation:
        "It looks like you multiplied the kernel size by the dilation. There are only $k - 1$ gaps between $k$ taps: the kernel covers $d \\cdot (k - 1) + 1$ pixels, not $d \\cdot k$.",
      forgotPlusOne: "It looks like you counted only the gaps, $d \\cdot (k - 1)$: add $1$ for the first tap’s pixel.",
    },
  },
  outputSize: {
    title: "Output shape of a dilated convolution",
    prompt:
      "A 2-D convolutional layer with {filters} output channels receives an input of shape {inputShape} (channels, height, width; no batch dimension). " +
      "Its kernel is {kernel} with dilation rate {dilation}, padding {padding} on each side and stride {stride}." +
      "\n\nWhat is the shape of the output? Answer with three whole numbers in the order channels, height, width.",
    solution:
      "A dilated kernel of size $k$ covers $d \\cdot (k - 1) + 1$ pixels, here {effectiveWork}. Put that in place of $k$ in the output-size formula (PyTorch `Conv2d`, Shape):" +
      "\n\n{formula}\n\n" +
      "Height and width: {work}. The channels are the {filters} output channels.\n\n" +
      "The output shape is {answer}.",
    mistakes: {
      dilationIgnored: "It looks like you ignored the dilation: the kernel covers $d \\cdot (k - 1) + 1$ pixels, not $k$.",
      kernelTimesDilation: "It looks like you took the dilated kernel to be $d \\cdot k$ wide. It covers $d \\cdot (k - 1) + 1$ pixels: $k - 1$ gaps of $d$ plus the first tap.",
      forgotPlusOne: "It looks like you left out the $+1$ at the end of the formula: the first window position counts too.",
      inputChannelsKept: "The number of output channels is the layer’s {filters}, not the {channelsIn} input channels.",
    },
  },
} as const;

const zhCN = {
  effectiveKernel: {
    title: "空洞卷积的有效卷积核大小",
    promptSingle:
      "一个空洞卷积（膨胀卷积）的卷积核为 {kernel}，膨胀率为 {dilation}：卷积核的各个元素相隔 {dilation} 个像素，相邻元素之间空出 {gaps} 个像素。" +
      "\n\n一个输出单元在每个维度上看到多少个输入像素宽的区域（有效卷积核大小，也就是这一层的感受野）？请写一个整数。",
    promptStack:
      "由 {count} 个空洞卷积层组成的堆叠，每层卷积核为 {kernel}、步幅为 $1$，按顺序使用膨胀率 {dilations}（即 Yu 和 Koltun 2016 年提出的上下文模块中逐层加倍的膨胀率）。" +
      "\n\n最后一层的一个输出单元在每个维度上的感受野是多少个输入像素？请写一个整数。",
    promptStackRates:
      "由 {count} 个空洞卷积层组成的堆叠，每层卷积核为 {kernel}、步幅为 $1$，按顺序使用膨胀率 {dilations}。" +
      "\n\n最后一层的一个输出单元在每个维度上的感受野是多少个输入像素？请写一个整数。",
    solution:
      "大小为 $k$、膨胀率为 $d$ 的卷积核，其 $k$ 个元素相隔 $d$ 个像素，所以覆盖 $d \\cdot (k - 1) + 1$ 个像素（PyTorch `Conv2d` 的 dilation；⟦nndl.dilated-conv⟧）。" +
      "步幅为 $1$ 时，每层使感受野增加 $d \\cdot (k - 1)$：" +
      "\n\n{steps}\n\n" +
      "答案为 {answer}。",
    mistakes: {
      dilationIgnored: "看起来你忽略了膨胀率。膨胀率为 $d$ 时，卷积核元素相隔 $d$ 个像素，大小为 $k$ 的卷积核覆盖 $d \\cdot (k - 1) + 1$ 个像素。",
      kernelTimesDilation: "看起来你把卷积核大小乘以了膨胀率。$k$ 个元素之间只有 $k - 1$ 个间隔：卷积核覆盖 $d \\cdot (k - 1) + 1$ 个像素，而不是 $d \\cdot k$。",
      forgotPlusOne: "看起来你只数了间隔 $d \\cdot (k - 1)$：还要加上第一个元素所在的 $1$ 个像素。",
    },
  },
  outputSize: {
    title: "空洞卷积的输出形状",
    prompt:
      "一个有 {filters} 个输出通道的二维卷积层，输入形状为 {inputShape}（通道、高度、宽度；不含批量维度）。" +
      "卷积核为 {kernel}，膨胀率（空洞率）为 {dilation}，每侧填充 {padding}，步幅为 {stride}。" +
      "\n\n输出形状是什么？请按通道、高度、宽度的顺序写出三个整数。",
    solution:
      "大小为 $k$ 的空洞卷积核覆盖 $d \\cdot (k - 1) + 1$ 个像素，这里是 {effectiveWork}。在输出大小公式中用它代替 $k$（PyTorch `Conv2d` 文档 Shape 一节）：" +
      "\n\n{formula}\n\n" +
      "高度和宽度：{work}。通道数为输出通道数 {filters}。\n\n" +
      "输出形状为 {answer}。",
    mistakes: {
      dilationIgnored: "看起来你忽略了膨胀率：卷积核覆盖 $d \\cdot (k - 1) + 1$ 个像素，而不是 $k$ 个。",
      kernelTimesDilation: "看起来你把空洞卷积核的宽度当成了 $d \\cdot k$。它覆盖 $d \\cdot (k - 1) + 1$ 个像素：$k - 1$ 个长为 $d$ 的间隔再加第一个元素。",
      forgotPlusOne: "看起来你漏掉了公式最后的 $+1$：第一个窗口位置本身也要计数。",
      inputChannelsKept: "输出通道数是该层的 {filters}，而不是输入通道数 {channelsIn}。",
    },
  },
} as const satisfies Catalogue<typeof en>;

export const dilatedConvCatalogues = { en, "zh-CN": zhCN } as const;
export const dilatedConvMessages = createTranslators(dilatedConvCatalogues);
