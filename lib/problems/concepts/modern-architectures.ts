import { BATCHNORM_IN_ALEXNET, DENSENET_ADDS, INCEPTION_ADDS, mistaken } from "./misconceptions";
import { type ConceptItem, option, text } from "./types";

/**
 * Concept items on the modern architectures: d2l 2nd ed. ch. 7 (zh) / ch. 8 (en), "Modern
 * Convolutional Neural Networks" (AlexNet, VGG, NiN, GoogLeNet, DenseNet), and NNDL 5.4.
 * Batch normalization and residual blocks are in `training.ts`.
 */
export const modernArchitectureItems: readonly ConceptItem[] = [
  // --- single choice ---
  {
    id: "alexnet-activation",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.alexnet-model", nndl: "nndl.alexnet" },
    question: text("Which activation function does AlexNet use where LeNet used the sigmoid?", "AlexNet 用哪种激活函数代替了 LeNet 的 sigmoid？"),
    options: [
      option("ReLU", "ReLU"),
      option("tanh", "tanh"),
      option("softmax", "softmax"),
      option("The sigmoid, unchanged", "仍用 sigmoid"),
    ],
    answer: "A",
    explanation: text(
      "ReLU is cheaper to compute than the sigmoid and its gradient is 1 for every positive input, so training does not stall where the sigmoid saturates, for instance with a poor initialization.",
      "ReLU 比 sigmoid 计算更简单，且对所有正输入梯度为 1，不会像 sigmoid 那样在饱和区（例如初始化不当时）使训练停滞。",
    ),
  },
  {
    id: "alexnet-dense-regularization",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.alexnet-model", nndl: "nndl.alexnet" },
    question: text(
      "How does AlexNet control the complexity of its large fully connected layers?",
      "AlexNet 用什么方法控制其大型全连接层的模型复杂度？",
    ),
    options: [
      option("Dropout", "暂退法（Dropout）"),
      mistaken(BATCHNORM_IN_ALEXNET, "Batch normalization", "批量规范化（批量归一化）"),
      option("Global average pooling", "全局平均汇聚层"),
      option("Weight sharing between the dense layers", "全连接层之间共享权重"),
    ],
    answer: "A",
    explanation: text(
      "AlexNet applies dropout to its two 4096-unit fully connected layers, where LeNet used only weight decay; it also augments the training images (flips, crops, colour changes).",
      "AlexNet 在两个 4096 单元的全连接层上使用暂退法，而 LeNet 只用权重衰减；它还对训练图像做了增广（翻转、裁切、变色）。",
    ),
  },
  {
    id: "alexnet-first-window",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.alexnet-model" },
    question: text("How large is the convolution window of AlexNet's first layer (for 224 × 224 ImageNet images)?", "AlexNet 第一层（用于 224 × 224 的 ImageNet 图像）的卷积窗口多大？"),
    options: [
      option("$11 \\times 11$", "$11 \\times 11$"),
      option("$5 \\times 5$", "$5 \\times 5$"),
      option("$3 \\times 3$", "$3 \\times 3$"),
      option("$1 \\times 1$", "$1 \\times 1$"),
    ],
    answer: "A",
    explanation: text(
      "ImageNet images are about ten times larger than MNIST's in each direction, so AlexNet's first layer uses an $11 \\times 11$ window (stride 4) to capture larger objects; the next uses $5 \\times 5$ and the rest $3 \\times 3$.",
      "ImageNet 图像的长和宽都比 MNIST 大十倍左右，所以 AlexNet 第一层用 $11 \\times 11$ 的窗口（步幅 4）捕捉更大的物体；第二层用 $5 \\times 5$，其余用 $3 \\times 3$。",
    ),
  },
  {
    id: "alexnet-pooling",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.alexnet-model" },
    question: text("Which pooling does AlexNet use, where LeNet used average pooling?", "AlexNet 使用哪种汇聚层，而 LeNet 使用的是平均汇聚层？"),
    options: [
      option("Max pooling ($3 \\times 3$, stride 2)", "最大汇聚层（$3 \\times 3$，步幅 2）"),
      option("Global average pooling", "全局平均汇聚层"),
      option("No pooling at all", "不使用汇聚层"),
      option("Average pooling, as LeNet", "与 LeNet 一样的平均汇聚层"),
    ],
    answer: "A",
    explanation: text(
      "AlexNet follows its first, second and fifth convolutional layers with $3 \\times 3$ max pooling of stride 2.",
      "AlexNet 在第一、第二和第五个卷积层之后使用窗口 $3 \\times 3$、步幅 2 的最大汇聚层。",
    ),
  },
  {
    id: "vgg-block",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.vgg-blocks" },
    question: text("What is a VGG block?", "VGG块由什么组成？"),
    options: [
      option(
        "A sequence of $3 \\times 3$ convolutions with padding 1, each followed by ReLU, then $2 \\times 2$ max pooling with stride 2",
        "若干个填充为 1 的 $3 \\times 3$ 卷积层（各接 ReLU），再接一个窗口 $2 \\times 2$、步幅 2 的最大汇聚层",
      ),
      option("One $11 \\times 11$ convolution with stride 4", "一个步幅为 4 的 $11 \\times 11$ 卷积层"),
      option("One convolution followed by two $1 \\times 1$ convolutions", "一个卷积层后接两个 $1 \\times 1$ 卷积层"),
      option("Four parallel paths joined on channels", "在通道上连结的四条并行路径"),
    ],
    answer: "A",
    explanation: text(
      "The convolutions keep height and width; the pooling halves them. VGG is a stack of such blocks followed by dense layers; VGG-11 has five blocks with 8 convolutional layers in all.",
      "卷积层保持高和宽不变，汇聚层使其减半。VGG 由若干这样的块堆叠，再接全连接层；VGG-11 有五个块，共 8 个卷积层。",
    ),
  },
  {
    id: "vgg-small-kernels",
    kind: "choice",
    difficulty: "hard",
    section: { d2l: "d2l.vgg" },
    question: text("Why does VGG build its network from stacks of $3 \\times 3$ convolutions?", "VGG 为什么用堆叠的 $3 \\times 3$ 卷积构建网络？"),
    options: [
      option(
        "Deep and narrow stacks of small kernels reach the same receptive field with fewer parameters and more nonlinearities",
        "由小卷积核组成的深而窄的堆叠能以更少的参数、更多的非线性达到相同的感受野",
      ),
      option("GPUs can only compute $3 \\times 3$ kernels", "GPU 只能计算 $3 \\times 3$ 的卷积核"),
      option("Small kernels increase the output resolution", "小卷积核能提高输出分辨率"),
      option("$3 \\times 3$ kernels need no padding", "$3 \\times 3$ 卷积核不需要填充"),
    ],
    answer: "A",
    explanation: text(
      "Two $3 \\times 3$ layers see a $5 \\times 5$ window with $18 C^2$ weights instead of $25 C^2$, and three see $7 \\times 7$ with $27 C^2$ instead of $49 C^2$; Simonyan and Zisserman found deep, narrow networks better than shallow, wide ones.",
      "两个 $3 \\times 3$ 层以 $18 C^2$ 个权重（而不是 $25 C^2$）看到 $5 \\times 5$ 的窗口，三个则以 $27 C^2$（而不是 $49 C^2$）看到 $7 \\times 7$；Simonyan 和 Zisserman 发现深而窄的网络优于浅而宽的网络。",
    ),
  },
  {
    id: "nin-block",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.nin-blocks" },
    question: text("What is a NiN block?", "NiN块由什么组成？"),
    options: [
      option(
        "One ordinary convolution followed by two $1 \\times 1$ convolutions, each followed by ReLU",
        "一个普通卷积层后接两个 $1 \\times 1$ 卷积层，每个卷积层后都接 ReLU",
      ),
      option("Three $3 \\times 3$ convolutions and max pooling", "三个 $3 \\times 3$ 卷积层和一个最大汇聚层"),
      option("A single $1 \\times 1$ convolution", "一个 $1 \\times 1$ 卷积层"),
      option("A convolution, batch normalization and a shortcut connection", "一个卷积层、批量规范化层和一条残差连接"),
    ],
    answer: "A",
    explanation: text(
      "The two $1 \\times 1$ convolutions act as a two-layer perceptron applied to the channels at each pixel, hence \"network in network\".",
      "两个 $1 \\times 1$ 卷积层相当于在每个像素上对通道应用的两层感知机，所以称为“网络中的网络”（NiN）。",
    ),
  },
  {
    id: "nin-head",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.nin-model" },
    question: text("What does NiN use instead of the fully connected layers at the end of AlexNet and VGG?", "NiN 用什么代替了 AlexNet 和 VGG 末尾的全连接层？"),
    options: [
      option(
        "A NiN block with as many output channels as classes, followed by global average pooling",
        "输出通道数等于类别数的 NiN块，后接全局平均汇聚层",
      ),
      option("One large fully connected layer", "一个大型全连接层"),
      option("Max pooling with stride 1", "步幅为 1 的最大汇聚层"),
      option("Dropout followed by softmax over pixels", "暂退法后接对像素的 softmax"),
    ],
    answer: "A",
    explanation: text(
      "Each of the last block's channels scores one class; averaging it over all positions gives the logits directly, with no parameters, which cuts the parameter count dramatically.",
      "最后一个块的每个通道对应一个类别；对所有位置取平均即直接得到各类别的输出（logits），不需要参数，大大减少了参数数量。",
    ),
  },
  {
    id: "inception-combination",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.inception-blocks", nndl: "nndl.inception" },
    question: text("How many parallel paths does GoogLeNet's Inception block have, and how are their outputs combined?", "GoogLeNet 的Inception块有几条并行路径？它们的输出如何合并？"),
    options: [
      option("Four, concatenated along the channel dimension", "四条，在通道维度上连结"),
      mistaken(INCEPTION_ADDS, "Four, added element-wise", "四条，逐元素相加"),
      option("Two, added as in a residual block", "两条，像残差块一样相加"),
      option("Three, multiplied element-wise", "三条，逐元素相乘"),
    ],
    answer: "A",
    explanation: text(
      "The paths are a $1 \\times 1$ convolution; $1 \\times 1$ then $3 \\times 3$; $1 \\times 1$ then $5 \\times 5$; and $3 \\times 3$ max pooling then $1 \\times 1$. All keep height and width, so their outputs can be concatenated on channels.",
      "四条路径分别是：$1 \\times 1$ 卷积；$1 \\times 1$ 卷积后接 $3 \\times 3$ 卷积；$1 \\times 1$ 卷积后接 $5 \\times 5$ 卷积；$3 \\times 3$ 最大汇聚后接 $1 \\times 1$ 卷积。它们都保持高和宽不变，所以输出能在通道上连结。",
    ),
  },
  {
    id: "inception-bottleneck",
    kind: "choice",
    difficulty: "hard",
    section: { d2l: "d2l.inception-blocks", nndl: "nndl.inception" },
    question: text("Why do the $3 \\times 3$ and $5 \\times 5$ paths of an Inception block start with a $1 \\times 1$ convolution?", "Inception块中 $3 \\times 3$ 和 $5 \\times 5$ 路径为什么先做 $1 \\times 1$ 卷积？"),
    options: [
      option("To reduce the number of channels, and so the model's complexity", "为了减少通道数，从而降低模型复杂度"),
      option("To increase height and width", "为了增大高和宽"),
      option("To replace the pooling path", "为了代替汇聚路径"),
      option("To make the paths' outputs differ in size", "为了使各路径输出大小不同"),
    ],
    answer: "A",
    explanation: text(
      "A $5 \\times 5$ convolution costs $25 \\cdot c_i \\cdot c_o$ multiplications per pixel; shrinking $c_i$ first with a cheap $1 \\times 1$ convolution cuts parameters and computation.",
      "$5 \\times 5$ 卷积每个像素需要 $25 \\cdot c_i \\cdot c_o$ 次乘法；先用代价很小的 $1 \\times 1$ 卷积减少 $c_i$，可以减少参数和计算量。",
    ),
  },
  {
    id: "inception-first-block-channels",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.googlenet-model" },
    question: text(
      "GoogLeNet's first Inception block has $c_1 = 64$, $c_2 = (96, 128)$, $c_3 = (16, 32)$ and $c_4 = 32$. How many channels does its output have?",
      "GoogLeNet 的第一个Inception块参数为 $c_1 = 64$、$c_2 = (96, 128)$、$c_3 = (16, 32)$、$c_4 = 32$。它的输出有多少个通道？",
    ),
    options: [
      option("256", "256"),
      mistaken(
        {
          id: "inception-sums-inner-channels",
          feedback: text(
            "Only the last layer of each path contributes channels: the $1 \\times 1$ reductions inside the paths (96 and 16) are not part of the output.",
            "只有每条路径最后一层的通道计入输出：路径内部用于降维的 $1 \\times 1$ 卷积（96 和 16）不在输出中。",
          ),
        },
        "368",
        "368",
      ),
      option("4", "4"),
      option("64", "64"),
    ],
    answer: "A",
    explanation: text(
      "The output concatenates the last layer of each path: $64 + 128 + 32 + 32 = 256$ channels.",
      "输出连结了每条路径最后一层的结果：$64 + 128 + 32 + 32 = 256$ 个通道。",
    ),
  },
  {
    id: "densenet-combination",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.resnet-to-densenet" },
    question: text("How does a DenseNet dense block combine a convolution block's input with its output?", "DenseNet 的稠密块如何合并卷积块的输入和输出？"),
    options: [
      option("By concatenating them along the channel dimension", "在通道维度上连结"),
      mistaken(DENSENET_ADDS, "By adding them, as in ResNet", "像 ResNet 那样相加"),
      option("By multiplying them element-wise", "逐元素相乘"),
      option("By keeping only the output", "只保留输出"),
    ],
    answer: "A",
    explanation: text(
      "Each conv block's output is concatenated with its input, so every later block sees the outputs of all earlier ones: $[x, f_1(x), f_2([x, f_1(x)]), \\ldots]$.",
      "每个卷积块的输出与其输入连结，所以后面的每个块都能看到前面所有块的输出：$[x, f_1(x), f_2([x, f_1(x)]), \\ldots]$。",
    ),
  },
  {
    id: "densenet-growth-rate",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.dense-blocks" },
    question: text(
      "A dense block has 2 convolution blocks with 10 output channels each (growth rate 10). Its input has 3 channels. How many channels does its output have?",
      "一个稠密块有 2 个卷积块，每个输出 10 个通道（增长率为 10）。输入有 3 个通道。输出有多少个通道？",
    ),
    options: [
      option("23", "23"),
      mistaken(
        {
          id: "growth-rate-only-last-block",
          feedback: text(
            "The dense block keeps everything: its output is the input's channels plus the growth rate for every convolution block, $c_0 + n k$.",
            "稠密块保留所有结果：输出通道数是输入通道数加上每个卷积块的增长率，即 $c_0 + n k$。",
          ),
        },
        "10",
        "10",
      ),
      option("20", "20"),
      option("13", "13"),
    ],
    answer: "A",
    explanation: text(
      "Each convolution block adds its 10 channels to what it receives: $3 + 2 \\cdot 10 = 23$ (d2l's example, a $4 \\times 3 \\times 8 \\times 8$ input becoming $4 \\times 23 \\times 8 \\times 8$).",
      "每个卷积块在收到的通道上再加 10 个通道：$3 + 2 \\cdot 10 = 23$（d2l 的例子：形状 $4 \\times 3 \\times 8 \\times 8$ 的输入变为 $4 \\times 23 \\times 8 \\times 8$）。",
    ),
  },
  {
    id: "densenet-transition-role",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.transition-layers" },
    question: text("What does a DenseNet transition layer do?", "DenseNet 的过渡层有什么作用？"),
    options: [
      option(
        "A $1 \\times 1$ convolution reduces the channels and $2 \\times 2$ average pooling with stride 2 halves height and width",
        "用 $1 \\times 1$ 卷积减少通道数，并用步幅为 2 的 $2 \\times 2$ 平均汇聚层把高和宽减半",
      ),
      option("It adds the growth rate to the channels", "在通道数上加上增长率"),
      option("It applies global average pooling", "做全局平均汇聚"),
      option("It adds the block's input to its output", "把块的输入加到输出上"),
    ],
    answer: "A",
    explanation: text(
      "Dense blocks keep adding channels; the transition layers between them keep the model from growing too complex by reducing the channels (d2l halves them) and the resolution.",
      "稠密块会不断增加通道数；稠密块之间的过渡层通过减少通道数（d2l 中减半）和降低分辨率来控制模型复杂度。",
    ),
  },

  // --- multiple selection ---
  {
    id: "lenet-to-alexnet",
    kind: "choices",
    difficulty: "easy",
    section: { d2l: "d2l.alexnet-model", nndl: "nndl.alexnet" },
    question: text("What changed from LeNet to AlexNet? Select all that apply.", "从 LeNet 到 AlexNet 有哪些变化？选出所有正确项。"),
    options: [
      option("ReLU instead of the sigmoid", "用 ReLU 代替 sigmoid"),
      option("Dropout in the fully connected layers", "在全连接层中使用暂退法（Dropout）"),
      option("Heavy image augmentation (flips, crops, colour changes)", "大量图像增广（翻转、裁切、变色）"),
      option("A much deeper and wider network, trained on GPUs", "更深更宽的网络，并用 GPU 训练"),
      mistaken(BATCHNORM_IN_ALEXNET, "Batch normalization after every convolution", "每个卷积层后使用批量规范化"),
    ],
    answer: ["A", "B", "C", "D"],
    explanation: text(
      "AlexNet has five convolutional layers, two hidden dense layers of 4096 units and max pooling; it uses ReLU, dropout and image augmentation, and was trained on two GPUs. Batch normalization came in 2015.",
      "AlexNet 有五个卷积层、两个 4096 单元的全连接隐藏层和最大汇聚层；它使用 ReLU、暂退法和图像增广，并在两块 GPU 上训练。批量规范化 2015 年才出现。",
    ),
  },
  {
    id: "nin-global-pooling-benefits",
    kind: "choices",
    difficulty: "hard",
    section: { d2l: "d2l.nin" },
    question: text("What does NiN gain by ending with global average pooling instead of dense layers? Select all that apply.", "NiN 以全局平均汇聚层代替全连接层结尾，带来了哪些好处？选出所有正确项。"),
    options: [
      option("Far fewer parameters", "参数大大减少"),
      option("Less risk of overfitting from huge dense layers", "降低了巨大全连接层带来的过拟合风险"),
      option("Learnable weights for each class in the pooling layer", "汇聚层中每个类别有可学习的权重"),
      option("A requirement that input images have one fixed size", "要求输入图像为固定大小"),
    ],
    answer: ["A", "B"],
    explanation: text(
      "The pooling has no parameters; AlexNet's and VGG's dense layers hold most of their parameters. Global averaging works for any height and width, so it removes rather than adds a size requirement.",
      "全局平均汇聚层没有参数，而 AlexNet 和 VGG 的大部分参数在全连接层中。全局平均对任何高和宽都适用，所以它去除而不是增加了对输入大小的要求。",
    ),
  },
  {
    id: "inception-paths",
    kind: "choices",
    difficulty: "easy",
    section: { d2l: "d2l.inception-blocks" },
    question: text("Which of these are paths of GoogLeNet's Inception block? Select all that apply.", "以下哪些是 GoogLeNet Inception块中的路径？选出所有正确项。"),
    options: [
      option("A $1 \\times 1$ convolution", "一个 $1 \\times 1$ 卷积层"),
      option("A $1 \\times 1$ convolution then a $3 \\times 3$ convolution", "$1 \\times 1$ 卷积层后接 $3 \\times 3$ 卷积层"),
      option("A $1 \\times 1$ convolution then a $5 \\times 5$ convolution", "$1 \\times 1$ 卷积层后接 $5 \\times 5$ 卷积层"),
      option("$3 \\times 3$ max pooling then a $1 \\times 1$ convolution", "$3 \\times 3$ 最大汇聚层后接 $1 \\times 1$ 卷积层"),
      option("A $7 \\times 7$ convolution with stride 2", "步幅为 2 的 $7 \\times 7$ 卷积层"),
    ],
    answer: ["A", "B", "C", "D"],
    explanation: text(
      "The four paths extract information at different spatial scales; the $7 \\times 7$ stride-2 convolution is GoogLeNet's first layer, outside the Inception blocks.",
      "四条路径在不同空间尺度上提取信息；步幅为 2 的 $7 \\times 7$ 卷积层是 GoogLeNet 的第一层，不在Inception块中。",
    ),
  },
  {
    id: "densenet-facts",
    kind: "choices",
    difficulty: "medium",
    section: { d2l: "d2l.densenet" },
    question: text("Which statements about DenseNet are true? Select all that apply.", "关于 DenseNet，以下哪些说法正确？选出所有正确项。"),
    options: [
      option("The number of channels grows within a dense block", "通道数在稠密块内不断增长"),
      option("Transition layers keep the model from growing too complex", "过渡层防止模型过于复杂"),
      mistaken(DENSENET_ADDS, "Each convolution block's output is added to its input", "每个卷积块的输出与其输入相加"),
      option("A dense block halves height and width", "稠密块使高和宽减半"),
    ],
    answer: ["A", "B"],
    explanation: text(
      "Concatenation makes the channels grow by the growth rate per convolution block, while the padded $3 \\times 3$ convolutions keep height and width; the transition layers reduce channels and halve the resolution.",
      "连结使通道数每经过一个卷积块就增加一个增长率，而带填充的 $3 \\times 3$ 卷积保持高和宽；过渡层减少通道数并把分辨率减半。",
    ),
  },
  {
    id: "vgg-facts",
    kind: "choices",
    difficulty: "medium",
    section: { d2l: "d2l.vgg" },
    question: text("Which statements about VGG are true? Select all that apply.", "关于 VGG，以下哪些说法正确？选出所有正确项。"),
    options: [
      option("The network is defined by repeating blocks", "网络由重复的块定义"),
      option("VGG-11 has 8 convolutional and 3 fully connected layers", "VGG-11 有 8 个卷积层和 3 个全连接层"),
      option("Its convolutions use $11 \\times 11$ kernels", "它的卷积层使用 $11 \\times 11$ 的卷积核"),
      option("It ends with global average pooling instead of dense layers", "它以全局平均汇聚层代替全连接层结尾"),
    ],
    answer: ["A", "B"],
    explanation: text(
      "VGG introduced thinking in blocks: five VGG blocks of $3 \\times 3$ convolutions (1, 1, 2, 2, 2 of them in VGG-11) and then three dense layers as in AlexNet. Global average pooling is NiN's idea.",
      "VGG 开创了用块设计网络的思路：五个由 $3 \\times 3$ 卷积组成的 VGG块（VGG-11 中分别有 1、1、2、2、2 个卷积层），再接与 AlexNet 一样的三个全连接层。全局平均汇聚是 NiN 的做法。",
    ),
  },

  {
    id: "inception-design",
    kind: "choices",
    difficulty: "hard",
    section: { d2l: "d2l.inception-blocks" },
    question: text(
      "Which statements about the design of GoogLeNet's Inception block are true? Select all that apply.",
      "关于 GoogLeNet 的 Inception块的设计，以下哪些说法正确？选出所有正确项。",
    ),
    options: [
      option(
        "Every path keeps the height and width (the $3 \\times 3$ and $5 \\times 5$ convolutions and the max pooling by padding, the $1 \\times 1$ convolutions need none), which lets the outputs be concatenated",
        "每条路径都保持高和宽不变（$3 \\times 3$、$5 \\times 5$ 卷积和最大汇聚层靠填充，$1 \\times 1$ 卷积无需填充），因此各输出可以连结",
      ),
      option(
        "The $1 \\times 1$ convolutions in front of the $3 \\times 3$ and $5 \\times 5$ convolutions reduce the channels, and so the cost",
        "$3 \\times 3$ 和 $5 \\times 5$ 卷积之前的 $1 \\times 1$ 卷积减少通道数，从而降低计算量",
      ),
      option(
        "The block's output channels are the sum of the output channels of each path's last layer",
        "块的输出通道数是每条路径最后一层输出通道数之和",
      ),
      mistaken(
        INCEPTION_ADDS,
        "The four outputs are added, so every path must have the same number of output channels",
        "四条路径的输出相加，因此每条路径的输出通道数必须相同",
      ),
      option("The max-pooling path halves the height and width", "最大汇聚路径使高和宽减半"),
    ],
    answer: ["A", "B", "C"],
    explanation: text(
      "The four paths ($1 \\times 1$; $1 \\times 1$ then $3 \\times 3$ with padding 1; $1 \\times 1$ then $5 \\times 5$ with padding 2; $3 \\times 3$ max pooling with stride 1 and padding 1, then $1 \\times 1$) all keep the height and width, and their outputs are concatenated on the channel dimension, so the channels add up and the paths may differ in width. The $1 \\times 1$ convolutions first reduce the channels that the expensive $3 \\times 3$ and $5 \\times 5$ convolutions see.",
      "四条路径（$1 \\times 1$；$1 \\times 1$ 后接填充为 1 的 $3 \\times 3$；$1 \\times 1$ 后接填充为 2 的 $5 \\times 5$；步幅为 1、填充为 1 的 $3 \\times 3$ 最大汇聚后接 $1 \\times 1$）都保持高和宽不变，输出在通道维度上连结，因此通道数相加，各路径的通道数可以不同。$1 \\times 1$ 卷积先减少通道数，降低代价较高的 $3 \\times 3$ 和 $5 \\times 5$ 卷积的计算量。",
    ),
  },

  // --- true or false ---
  {
    id: "alexnet-uses-batchnorm",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.alexnet" },
    question: text("True or false: AlexNet uses batch normalization.", "判断：AlexNet 使用了批量规范化（批量归一化）。"),
    answer: false,
    misconception: BATCHNORM_IN_ALEXNET,
    explanation: text(
      "AlexNet (2012) predates batch normalization (2015); it used dropout and image augmentation to fight overfitting.",
      "AlexNet（2012 年）早于批量规范化（2015 年）；它用暂退法和图像增广来对抗过拟合。",
    ),
  },
  {
    id: "inception-adds-paths",
    kind: "boolean",
    difficulty: "medium",
    section: { d2l: "d2l.inception-blocks", nndl: "nndl.inception" },
    question: text("True or false: an Inception block adds the outputs of its four paths.", "判断：Inception块把四条路径的输出相加。"),
    answer: false,
    misconception: INCEPTION_ADDS,
    explanation: text(
      "The outputs are concatenated along the channel dimension, so the block's output channels are the sum of the paths' output channels.",
      "各路径输出在通道维度上连结，所以该块的输出通道数是各路径输出通道数之和。",
    ),
  },
  {
    id: "inception-keeps-size",
    kind: "boolean",
    difficulty: "hard",
    section: { d2l: "d2l.inception-blocks" },
    question: text(
      "True or false: all four paths of an Inception block keep the input's height and width, so that their outputs can be concatenated.",
      "判断：Inception块的四条路径都保持输入的高和宽不变，因此输出可以连结。",
    ),
    answer: true,
    explanation: text(
      "The $3 \\times 3$ and $5 \\times 5$ convolutions use padding 1 and 2, and the $3 \\times 3$ max pooling uses padding 1 with stride 1; concatenation on channels needs equal heights and widths.",
      "$3 \\times 3$ 和 $5 \\times 5$ 卷积分别填充 1 和 2，$3 \\times 3$ 最大汇聚层填充 1、步幅 1；在通道上连结要求高和宽相同。",
    ),
  },
  {
    id: "nin-no-dense-layers",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.nin" },
    question: text("True or false: NiN has no fully connected layers.", "判断：NiN 没有全连接层。"),
    answer: true,
    explanation: text(
      "NiN ends with a NiN block whose channels equal the number of classes and a global average pooling layer; the $1 \\times 1$ convolutions play the role of dense layers per pixel.",
      "NiN 以输出通道数等于类别数的 NiN块和全局平均汇聚层结尾；$1 \\times 1$ 卷积在每个像素上起到全连接层的作用。",
    ),
  },
  {
    id: "densenet-concatenates",
    kind: "boolean",
    difficulty: "medium",
    section: { d2l: "d2l.resnet-to-densenet" },
    question: text(
      "True or false: in a dense block, each convolution block's output is concatenated with its input along the channel dimension.",
      "判断：在稠密块中，每个卷积块的输出与其输入在通道维度上连结。",
    ),
    answer: true,
    misconception: DENSENET_ADDS,
    explanation: text(
      "That is the difference from ResNet, which adds: DenseNet concatenates, so later layers receive all earlier features.",
      "这正是它与 ResNet（相加）的区别：DenseNet 做连结，所以后面的层能接收前面所有的特征。",
    ),
  },
  {
    id: "transition-increases-channels",
    kind: "boolean",
    difficulty: "medium",
    section: { d2l: "d2l.transition-layers" },
    question: text("True or false: a DenseNet transition layer increases the number of channels.", "判断：DenseNet 的过渡层会增加通道数。"),
    answer: false,
    explanation: text(
      "The transition layer's $1 \\times 1$ convolution reduces the channels (d2l halves them) and its average pooling halves height and width; the dense blocks are what add channels.",
      "过渡层的 $1 \\times 1$ 卷积减少通道数（d2l 中减半），平均汇聚层把高和宽减半；增加通道数的是稠密块。",
    ),
  },
  {
    id: "vgg-all-3x3",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.vgg-blocks" },
    question: text(
      "True or false: every convolutional layer of d2l's VGG-11 uses a $3 \\times 3$ kernel with padding 1.",
      "判断：d2l 中 VGG-11 的每个卷积层都使用填充为 1 的 $3 \\times 3$ 卷积核。",
    ),
    answer: true,
    explanation: text(
      "The VGG blocks all use $3 \\times 3$ convolutions with padding 1, which keep height and width; only the max pooling at the end of each block halves them.",
      "VGG块都使用填充为 1 的 $3 \\times 3$ 卷积，保持高和宽不变；只有每个块末尾的最大汇聚层使其减半。",
    ),
  },
  {
    id: "vgg-block-receptive-field",
    kind: "boolean",
    difficulty: "hard",
    section: { d2l: "d2l.vgg-blocks" },
    question: text(
      "True or false: in a VGG block of two $3 \\times 3$ convolutions (stride 1) followed by $2 \\times 2$ max pooling with stride 2, one output unit of the pooling sees a $6 \\times 6$ region of the block's input.",
      "判断：在由两个 $3 \\times 3$ 卷积层（步幅 1）和其后窗口为 $2 \\times 2$、步幅为 2 的最大汇聚层组成的 VGG 块中，汇聚层的一个输出单元在块的输入上看到 $6 \\times 6$ 的区域。",
    ),
    answer: true,
    explanation: text(
      "Each $3 \\times 3$ convolution at stride 1 widens the receptive field by 2, so after both it is $1 + 2 + 2 = 5$; the pooling window, with every earlier stride 1, adds $(2 - 1) \\cdot 1 = 1$, giving $6 \\times 6$. Its stride of 2 matters only for the layers after it.",
      "步幅为 1 的 $3 \\times 3$ 卷积层每层使感受野增加 2，两层之后为 $1 + 2 + 2 = 5$；此前各层步幅都为 1，汇聚窗口再增加 $(2 - 1) \\cdot 1 = 1$，共 $6 \\times 6$。汇聚层的步幅 2 只影响其后的层。",
    ),
  },
  {
    id: "lenet-uses-relu",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.lenet", nndl: "nndl.lenet5" },
    question: text("True or false: the LeNet of d2l uses ReLU activations.", "判断：d2l 中的 LeNet 使用 ReLU 激活函数。"),
    answer: false,
    explanation: text(
      "d2l's LeNet uses the sigmoid; LeCun et al.'s 1998 LeNet-5 used a scaled hyperbolic tangent. ReLU became standard with AlexNet.",
      "d2l 中的 LeNet 使用 sigmoid 激活函数；LeCun 等人 1998 年的 LeNet-5 用的是缩放后的双曲正切函数（tanh）。ReLU 是从 AlexNet 开始成为标准的。",
    ),
  },
];
