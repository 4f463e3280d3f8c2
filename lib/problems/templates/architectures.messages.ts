import { type Catalogue, createTranslators } from "../messages";

/** Messages of `arch.layer-shape` and `arch.zoo-params`; LaTeX and numbers arrive as arguments. */
const en = {
  net: "{net, select, lenet {LeNet (⟦d2l.lenet⟧)} alexnet {AlexNet (⟦d2l.alexnet⟧)} other {VGG-11 (⟦d2l.vgg⟧)}}",
  layer: {
    conv2d: "convolution, {filters} output channels, kernel {kernel}, stride {stride}, padding {padding}",
    maxpool2d: "max pooling, window {kernel}, stride {stride}, padding {padding}",
    avgpool2d: "average pooling, window {kernel}, stride {stride}, padding {padding}",
    flatten: "flatten",
    dense: "fully connected layer, {units} outputs",
  },
  listIntro:
    "d2l’s {net} receives an input of shape {inputShape} (channels, height, width; no batch dimension; the book’s is {bookShape}). Its layers, in order (activation functions and dropout are left out: they keep the shape):",
  layerShape: {
    title: "Shape after a layer of LeNet, AlexNet or VGG-11",
    prompt: "{intro}\n\n{layers}\n\nWhat is the output shape of layer {target}? Answer with its sizes, channels first (one number after flattening).",
    solution:
      "Follow the shape layer by layer. Convolution and pooling use {formula} on each spatial axis (⟦d2l.padding-stride⟧); a convolution sets the channels to its number of kernels, pooling keeps them; flattening multiplies the sizes; a fully connected layer gives its number of outputs.\n\n" +
      "{steps}\n\nThe output shape of layer {target} is {answer}.",
    stepWorked: "{number}. {inputShape} → {outputShape}: {work}",
    mistakes: {
      layerSkipped: "That is the shape layer {target} receives, not the one it gives: apply layer {target} to it.",
      paddingIgnored: "It looks like you left out the padding of layer {target}: add $2p$ to each spatial size before subtracting the kernel.",
      ceilInsteadOfFloor: "It looks like you rounded up. A window that does not fit is dropped, so the division by the stride is rounded down.",
    },
  },
  zooParams: {
    title: "Parameters of one layer of LeNet, AlexNet or VGG-11",
    prompt: "{intro}\n\n{layers}\n\nHow many trainable parameters (weights and biases) does layer {target} have? Answer with one whole number.",
    solution:
      "Layer {target} receives {inputShape}.\n\n" +
      "{kind, select, conv2d {A convolution has one {kernel} kernel for each pair of input and output channel, plus one bias per output channel (⟦d2l.channels⟧): {work}.} other {A fully connected layer has one weight for each pair of input and output, plus one bias per output: {work}.}}" +
      "\n\nLayer {target} has {answer} parameters.",
    mistakes: {
      forgotBias: "It looks like you left out the biases: one per output channel or output unit.",
      weightSharingIgnored:
        "It looks like you counted the weights once for every output position. A convolution shares its kernels across all positions: its parameters do not depend on the height and width of the map.",
      inputChannelsIgnored: "It looks like you gave each output channel a single kernel. Each output channel has one kernel per input channel.",
    },
  },
  macs: {
    title: "Multiply-accumulates of one convolutional layer",
    prompt: "{intro}\n\n{layers}\n\nHow many multiply-accumulate operations (MACs) does layer {target} perform for one input image? Count every multiplication of a weight by an input value, the zeros of the padding included (each window multiplies its whole kernel, as the layer computes it); biases and activations count nothing. Answer with one whole number.",
    solution:
      "Layer {target} receives {inputShape} and gives {outputShape}. Each output value is a sum over {kernel} windows of {channelsInCount, plural, =1 {the {channelsIn} input channel} other {all {channelsIn} input channels}}, so it takes $k_h \\cdot k_w \\cdot C_i$ MACs; there are $C_o \\cdot H_o \\cdot W_o$ output values:\n\n{work}\n\nLayer {target} performs {answer} MACs.",
    mistakes: {
      paramsInstead: "That is the number of weights. A convolution reuses each weight at every output position: multiply by the output’s height and width.",
      inputSizeUsed: "It looks like you used the input’s height and width. Count one sum per output value: use the output’s height and width.",
      biasCounted: "It looks like you counted the bias additions. Only multiplications of a weight by an input count as MACs here.",
    },
  },
} as const;

const zhCN = {
  net: "{net, select, lenet {LeNet（⟦d2l.lenet⟧）} alexnet {AlexNet（⟦d2l.alexnet⟧）} other {VGG-11（⟦d2l.vgg⟧）}}",
  layer: {
    conv2d: "卷积层，{filters} 个输出通道，卷积核 {kernel}，步幅 {stride}，填充 {padding}",
    maxpool2d: "最大汇聚层（最大池化层），窗口 {kernel}，步幅 {stride}，填充 {padding}",
    avgpool2d: "平均汇聚层（平均池化层），窗口 {kernel}，步幅 {stride}，填充 {padding}",
    flatten: "展平",
    dense: "全连接层，{units} 个输出",
  },
  listIntro: "d2l 中的 {net}的输入形状为 {inputShape}（通道、高度、宽度；不含批量维度；书中为 {bookShape}）。它的各层依次为（省略了激活函数和暂退法层，它们不改变形状）：",
  layerShape: {
    title: "LeNet、AlexNet 或 VGG-11 某一层之后的形状",
    prompt: "{intro}\n\n{layers}\n\n第 {target} 层的输出形状是什么？请按通道在前的顺序写出各维大小（展平之后只有一个数）。",
    solution:
      "逐层跟踪形状。卷积层和汇聚层在每个空间维度上使用 {formula}（⟦d2l.padding-stride⟧）；卷积层把通道数变为卷积核的个数，汇聚层保持通道数不变；展平把各维大小相乘；全连接层输出其输出个数。\n\n" +
      "{steps}\n\n第 {target} 层的输出形状为 {answer}。",
    stepWorked: "{number}. {inputShape} → {outputShape}：按公式，{work}",
    mistakes: {
      layerSkipped: "这是第 {target} 层接收的形状，而不是它输出的形状：还要对它应用第 {target} 层。",
      paddingIgnored: "看起来你漏掉了第 {target} 层的填充：先在每个空间大小上加 $2p$，再减去卷积核大小。",
      ceilInsteadOfFloor: "看起来你向上取整了。放不下的窗口会被舍弃，所以除以步幅后要向下取整。",
    },
  },
  zooParams: {
    title: "LeNet、AlexNet 或 VGG-11 某一层的参数量",
    prompt: "{intro}\n\n{layers}\n\n第 {target} 层有多少个可训练参数（权重和偏置）？请写一个整数。",
    solution:
      "第 {target} 层接收的形状为 {inputShape}。\n\n" +
      "{kind, select, conv2d {卷积层对每一对输入通道和输出通道各有一个 {kernel} 卷积核，另加每个输出通道一个偏置（⟦d2l.channels⟧）：{work}。} other {全连接层对每一对输入和输出各有一个权重，另加每个输出一个偏置：{work}。}}" +
      "\n\n第 {target} 层共有 {answer} 个参数。",
    mistakes: {
      forgotBias: "看起来你漏掉了偏置：每个输出通道或输出单元各有一个。",
      weightSharingIgnored: "看起来你在每个输出位置都重新计了一遍权重。卷积层在所有位置共享卷积核：参数量与特征映射的高和宽无关。",
      inputChannelsIgnored: "看起来你让每个输出通道只有一个卷积核。每个输出通道对每个输入通道都有一个卷积核。",
    },
  },
  macs: {
    title: "一个卷积层的乘加次数",
    prompt: "{intro}\n\n{layers}\n\n对一张输入图像，第 {target} 层要做多少次乘加运算（MACs）？计入每一次权重与输入值的乘法，填充的零也算（每个窗口都与整个卷积核相乘，与该层的实际计算一致）；偏置和激活函数不计。请写一个整数。",
    solution:
      "第 {target} 层接收 {inputShape}，输出 {outputShape}。每个输出值是对{channelsInCount, plural, =1 {这 {channelsIn} 个输入通道} other {全部 {channelsIn} 个输入通道}}上 {kernel} 窗口的求和，需要 $k_h \\cdot k_w \\cdot C_i$ 次乘加；输出值共有 $C_o \\cdot H_o \\cdot W_o$ 个：\n\n{work}\n\n第 {target} 层共做 {answer} 次乘加。",
    mistakes: {
      paramsInstead: "这是权重的个数。卷积层在每个输出位置都重复使用每个权重：还要乘以输出的高和宽。",
      inputSizeUsed: "看起来你用了输入的高和宽。每个输出值算一次求和：应使用输出的高和宽。",
      biasCounted: "看起来你把偏置的加法也算进去了。这里只计权重与输入的乘法。",
    },
  },
} as const satisfies Catalogue<typeof en>;

export const architecturesCatalogues = { en, "zh-CN": zhCN } as const;
export const architecturesMessages = createTranslators(architecturesCatalogues);
