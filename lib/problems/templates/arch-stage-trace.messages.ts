import { type Catalogue, createTranslators } from "../messages";

/** Messages of `arch.stage-trace`; LaTeX and numbers arrive as arguments. */
const en = {
  title: "Shapes through the stages of ResNet-18, GoogLeNet and DenseNet",
  prompt:
    "{net, select, resnet {d2l’s ResNet-18 (⟦d2l.resnet-model⟧)} googlenet {d2l’s GoogLeNet (⟦d2l.googlenet-model⟧)} other {d2l’s DenseNet (⟦d2l.densenet⟧)}} receives one image of shape {inputShape} (channels, height, width; no batch dimension). Its stages, in order:\n\n{stages}\n\n" +
    "What is the shape of the output of {stage}? Answer with the whole numbers of the shape, channels first.",
  stages: {
    resnet:
      "1. b1: $7 \\times 7$ convolution to 64 channels, stride 2, padding 3; batch normalization; ReLU; $3 \\times 3$ max pooling, stride 2, padding 1\n" +
      "2. b2: two residual blocks of 64 channels (each two $3 \\times 3$ convolutions with padding 1, stride 1)\n" +
      "3. b3: two residual blocks of 128 channels, the first with stride 2 and a $1 \\times 1$ convolution shortcut\n" +
      "4. b4: the same with 256 channels\n" +
      "5. b5: the same with 512 channels\n" +
      "6. global average pooling, flatten, fully connected layer to 10 outputs",
    googlenet:
      "1. b1: $7 \\times 7$ convolution to 64 channels, stride 2, padding 3; ReLU; $3 \\times 3$ max pooling, stride 2, padding 1\n" +
      "2. b2: $1 \\times 1$ convolution to 64 channels; $3 \\times 3$ convolution to 192 channels, padding 1; $3 \\times 3$ max pooling, stride 2, padding 1\n" +
      "3. b3: two Inception blocks (every path keeps height and width) with 256 and 480 output channels; $3 \\times 3$ max pooling, stride 2, padding 1\n" +
      "4. b4: five Inception blocks with 512, 512, 512, 528 and 832 output channels; $3 \\times 3$ max pooling, stride 2, padding 1\n" +
      "5. b5: two Inception blocks with 832 and 1024 output channels; global average pooling; flatten\n" +
      "6. fully connected layer to 10 outputs",
    densenet:
      "1. b1: $7 \\times 7$ convolution to 64 channels, stride 2, padding 3; batch normalization; ReLU; $3 \\times 3$ max pooling, stride 2, padding 1\n" +
      "2. dense block 1: four convolution blocks of growth rate 32 (each $3 \\times 3$ with padding 1, its output concatenated with its input)\n" +
      "3. transition layer 1: $1 \\times 1$ convolution to half the channels (`num_channels // 2`), $2 \\times 2$ average pooling with stride 2\n" +
      "4. dense block 2, as dense block 1\n" +
      "5. transition layer 2\n" +
      "6. dense block 3\n" +
      "7. transition layer 3\n" +
      "8. dense block 4\n" +
      "9. batch normalization, ReLU, global average pooling, flatten, fully connected layer to 10 outputs",
  },
  stage: {
    b1: "b1",
    b2: "b2",
    b3: "b3",
    b4: "b4",
    b5: "b5",
    block: "dense block {index}",
    transition: "transition layer {index}",
  },
  solution:
    "Carry the shape stage by stage. A convolution or pooling window gives $\\lfloor (n + 2p - k)/s \\rfloor + 1$ (⟦d2l.padding-stride⟧): the stem’s $7 \\times 7$ convolution with stride 2 and padding 3, and every $3 \\times 3$ pooling with stride 2 and padding 1, give $\\lceil n/2 \\rceil$; so does a $3 \\times 3$ convolution with stride 2 and padding 1; a $2 \\times 2$ pooling with stride 2 gives $\\lfloor n/2 \\rfloor$.\n\n{steps}\n\nThe output of {stage} has shape {answer}.",
  step: "{stage}: {work}",
  mistakes: {
    stageSkipped: "It looks like you gave the shape that {stage} receives, not the one it gives. Carry the shape through {stage} itself as well.",
    stemPoolIgnored: "It looks like you left out b1’s max pooling ($3 \\times 3$, stride 2), which halves height and width again after the stride-2 convolution.",
    halvedDown: "It looks like you halved an odd size rounding down. With a $3 \\times 3$ window, stride 2 and padding 1, $\\lfloor (n + 2 - 3)/2 \\rfloor + 1$ rounds an odd $n$ up: $\\lceil n/2 \\rceil$.",
  },
} as const;

const zhCN = {
  title: "ResNet-18、GoogLeNet 和 DenseNet 各阶段的形状",
  prompt:
    "{net, select, resnet {d2l 的 ResNet-18（⟦d2l.resnet-model⟧）} googlenet {d2l 的 GoogLeNet（⟦d2l.googlenet-model⟧）} other {d2l 的 DenseNet（⟦d2l.densenet⟧）}}接收一张形状为 {inputShape}（通道、高度、宽度；不含批量维度）的图像。它依次由以下各部分组成：\n\n{stages}\n\n" +
    "{stage}的输出形状是什么？请按通道在前的顺序写出形状中的各个整数。",
  stages: {
    resnet:
      "1. b1：$7 \\times 7$ 卷积层，64 个输出通道，步幅 2，填充 3；批量规范化层；ReLU；$3 \\times 3$ 最大汇聚层，步幅 2，填充 1\n" +
      "2. b2：两个 64 通道的残差块（各含两个填充为 1、步幅为 1 的 $3 \\times 3$ 卷积层）\n" +
      "3. b3：两个 128 通道的残差块，第一个步幅为 2，残差连接上有 $1 \\times 1$ 卷积层\n" +
      "4. b4：同上，256 通道\n" +
      "5. b5：同上，512 通道\n" +
      "6. 全局平均汇聚层、展平、输出为 10 的全连接层",
    googlenet:
      "1. b1：$7 \\times 7$ 卷积层，64 个输出通道，步幅 2，填充 3；ReLU；$3 \\times 3$ 最大汇聚层，步幅 2，填充 1\n" +
      "2. b2：$1 \\times 1$ 卷积层，64 个输出通道；$3 \\times 3$ 卷积层，192 个输出通道，填充 1；$3 \\times 3$ 最大汇聚层，步幅 2，填充 1\n" +
      "3. b3：两个 Inception块（每条路径都不改变高和宽），输出通道数为 256 和 480；$3 \\times 3$ 最大汇聚层，步幅 2，填充 1\n" +
      "4. b4：五个 Inception块，输出通道数为 512、512、512、528 和 832；$3 \\times 3$ 最大汇聚层，步幅 2，填充 1\n" +
      "5. b5：两个 Inception块，输出通道数为 832 和 1024；全局平均汇聚层；展平\n" +
      "6. 输出为 10 的全连接层",
    densenet:
      "1. b1：$7 \\times 7$ 卷积层，64 个输出通道，步幅 2，填充 3；批量规范化层；ReLU；$3 \\times 3$ 最大汇聚层，步幅 2，填充 1\n" +
      "2. 稠密块 1：四个增长率为 32 的卷积块（各为填充 1 的 $3 \\times 3$ 卷积，输出与输入在通道维度上连结）\n" +
      "3. 过渡层 1：把通道数减半（`num_channels // 2`）的 $1 \\times 1$ 卷积层，步幅为 2 的 $2 \\times 2$ 平均汇聚层\n" +
      "4. 稠密块 2，同稠密块 1\n" +
      "5. 过渡层 2\n" +
      "6. 稠密块 3\n" +
      "7. 过渡层 3\n" +
      "8. 稠密块 4\n" +
      "9. 批量规范化层、ReLU、全局平均汇聚层、展平、输出为 10 的全连接层",
  },
  stage: {
    b1: "b1",
    b2: "b2",
    b3: "b3",
    b4: "b4",
    b5: "b5",
    block: "稠密块 {index}",
    transition: "过渡层 {index}",
  },
  solution:
    "逐个阶段推算形状。卷积或汇聚窗口给出 $\\lfloor (n + 2p - k)/s \\rfloor + 1$（⟦d2l.padding-stride⟧）：开头步幅 2、填充 3 的 $7 \\times 7$ 卷积，以及每个步幅 2、填充 1 的 $3 \\times 3$ 汇聚，都给出 $\\lceil n/2 \\rceil$；步幅 2、填充 1 的 $3 \\times 3$ 卷积也是如此；步幅 2 的 $2 \\times 2$ 汇聚给出 $\\lfloor n/2 \\rfloor$。\n\n{steps}\n\n{stage}的输出形状为 {answer}。",
  step: "{stage}：{work}",
  mistakes: {
    stageSkipped: "看起来你给出的是{stage}接收的形状，而不是它输出的形状。还要把形状推过{stage}本身。",
    stemPoolIgnored: "看起来你漏掉了 b1 的最大汇聚层（$3 \\times 3$，步幅 2），它在步幅为 2 的卷积之后又把高和宽减半。",
    halvedDown: "看起来你把奇数尺寸减半时向下取整了。窗口 $3 \\times 3$、步幅 2、填充 1 时，$\\lfloor (n + 2 - 3)/2 \\rfloor + 1$ 对奇数 $n$ 是向上取整：$\\lceil n/2 \\rceil$。",
  },
} as const satisfies Catalogue<typeof en>;

export const archStageTraceCatalogues = { en, "zh-CN": zhCN } as const;
export const archStageTraceMessages = createTranslators(archStageTraceCatalogues);
