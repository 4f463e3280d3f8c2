import { type Catalogue, createTranslators } from "../messages";

/** Messages of `rf.stacked-layers`; ICU syntax, LaTeX and numbers arrive as arguments. */
const en = {
  title: "Receptive field of a stack of layers",
  prompt:
    "A single-channel input of shape {inputShape} passes through these layers, in order (square kernels; padding does not change the receptive field):" +
    "\n\n{layers}\n\n" +
    "What is the theoretical receptive field of one unit of the last layer's output along one axis: how many input pixels wide is the region that can affect it, counted as if the input had no border? " +
    "It may be wider than the input itself; near the border, part of it then falls on padding. Answer with one whole number.",
  conv: "convolutional layer, kernel {kernel}, stride {stride}, padding {padding}",
  maxpool: "max-pooling layer, window {kernel}, stride {stride}, no padding",
  solution:
    "Walk from the input to the output. Keep the receptive field $r$ and the jump $j$ (the distance, in input pixels, between neighbouring units; the product of the strides so far; ⟦d2l.receptive-field⟧). " +
    "Each layer with kernel $k$ and stride $s$ widens the field by $k - 1$ of its own input units, each $j$ input pixels apart:" +
    "\n\n{formula}\n\n" +
    "Start with {start}.\n\n{steps}\n\n" +
    "The receptive field is {answer} input pixels along each axis.",
  step: "layer {index}: {work}",
  mistakes: {
    stridesIgnored:
      "It looks like you added $k - 1$ for every layer without the jump. After a layer with stride $s$, neighbouring units are $s$ input pixels apart, so each later kernel step covers the product of the earlier strides: add $(k - 1) \\cdot j$.",
    kernelsMultiplied:
      "It looks like you multiplied the kernel sizes. Receptive fields grow by addition: each layer adds $(k - 1) \\cdot j$ input pixels to the field, where $j$ is the product of the earlier strides.",
    ownStrideCounted:
      "It looks like you used the jump after the layer, its own stride included. A layer’s kernel steps over its input, whose units are spaced by the strides of the earlier layers only.",
  },
} as const;

const zhCN = {
  title: "多层堆叠后的感受野",
  prompt:
    "一个形状为 {inputShape} 的单通道输入依次经过以下各层（正方形卷积核；填充不改变感受野）：" +
    "\n\n{layers}\n\n" +
    "最后一层输出中的一个单元的理论感受野沿一个维度是多少？即不考虑输入边界时，能影响它的输入区域有多少个输入像素宽。" +
    "它可以比输入本身更宽，这时靠近边界的部分落在填充上。请写一个整数。",
  conv: "卷积层，卷积核 {kernel}，步幅 {stride}，填充 {padding}",
  maxpool: "最大汇聚层（最大池化层），窗口 {kernel}，步幅 {stride}，无填充",
  solution:
    "从输入走到输出，记录感受野 $r$ 和跳跃 $j$（相邻单元在输入上相隔的像素数，即到目前为止各层步幅的乘积；⟦d2l.receptive-field⟧）。" +
    "卷积核为 $k$、步幅为 $s$ 的一层使感受野增加其输入上的 $k - 1$ 个单元，每个单元相隔 $j$ 个输入像素：" +
    "\n\n{formula}\n\n" +
    "起始：{start}。\n\n{steps}\n\n" +
    "感受野在每个维度上为 {answer} 个输入像素。",
  step: "第 {index} 层：{work}",
  mistakes: {
    stridesIgnored:
      "看起来你每层都只加了 $k - 1$，没有乘跳跃。经过步幅为 $s$ 的层后，相邻单元在输入上相隔 $s$ 个像素，所以后面的卷积核每走一步覆盖的是前面各层步幅之积：应加 $(k - 1) \\cdot j$。",
    kernelsMultiplied:
      "看起来你把各层的卷积核大小相乘了。感受野是逐层相加增长的：每层增加 $(k - 1) \\cdot j$ 个输入像素，其中 $j$ 是前面各层步幅的乘积。",
    ownStrideCounted:
      "看起来你用了包含该层自身步幅的跳跃。一层的卷积核在它的输入上滑动，输入单元之间的间隔只由前面各层的步幅决定。",
  },
} as const satisfies Catalogue<typeof en>;

export const receptiveFieldStackCatalogues = { en, "zh-CN": zhCN } as const;
export const receptiveFieldStackMessages = createTranslators(receptiveFieldStackCatalogues);
