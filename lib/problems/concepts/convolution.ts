import {
  FORGOT_PLUS_ONE,
  KERNEL_FLIPPED,
  KERNEL_SHARED_ACROSS_CHANNELS,
  mistaken,
  ONE_BY_ONE_SPATIAL,
  PARAMS_GROW_WITH_IMAGE,
  POOLING_HAS_PARAMETERS,
  POOLING_MERGES_CHANNELS,
  RECEPTIVE_FIELD_ADDS_KERNELS,
  TRANSPOSED_IS_INVERSE,
} from "./misconceptions";
import { type ConceptItem, option, text } from "./types";

/**
 * Concept items on convolutional layers: d2l 2nd ed. ch. 6 (zh) / ch. 7 (en), "Convolutional
 * Neural Networks", with transposed convolution (zh 13.10 / en 14.10) and TextCNN (zh 15.3 /
 * en 16.3), and NNDL ch. 5.1–5.3 and 5.5.
 */
export const convolutionItems: readonly ConceptItem[] = [
  // --- single choice ---
  {
    id: "conv-principles",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.fc-to-conv" },
    question: text(
      "From which two principles does d2l derive the convolutional layer, starting from a fully connected layer on images?",
      "《动手学深度学习》从全连接层出发，依据哪两个原则推导出卷积层？",
    ),
    options: [
      option("Translation invariance and locality", "平移不变性和局部性"),
      option("Rotation invariance and sparsity", "旋转不变性和稀疏性"),
      option("Scale invariance and weight decay", "尺度不变性和权重衰减"),
      option("Nonlinearity and depth", "非线性和深度"),
    ],
    answer: "A",
    explanation: text(
      "Translation invariance: the network should respond the same way to a pattern wherever it appears, so the weights cannot depend on the position (one shared kernel). Locality: early layers should look only at a small neighbourhood, so the kernel is small. Together they turn a huge dense layer into a convolution.",
      "平移不变性：无论图案出现在哪里，网络对它的响应都应相同，所以权重不能依赖位置（共享一个卷积核）。局部性：浅层只应关注一个小邻域，所以卷积核很小。二者结合，把巨大的全连接层变成了卷积。",
    ),
  },
  {
    id: "conv-is-cross-correlation",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.conv-images", nndl: "nndl.cross-correlation" },
    question: text(
      "Which operation does a \"convolutional layer\" in deep-learning frameworks actually compute?",
      "深度学习框架中的“卷积层”实际计算的是哪种运算？",
    ),
    options: [
      option("A cross-correlation: the kernel slides over the input unflipped", "互相关运算：卷积核不翻转，直接在输入上滑动"),
      mistaken(KERNEL_FLIPPED, "A strict convolution: the kernel is flipped by 180° first", "严格的卷积运算：先把卷积核旋转 180°"),
      option("A matrix product of the whole flattened image with one dense weight matrix", "整幅展平图像与一个全连接权重矩阵的乘积"),
      option("An element-wise product of the input and the kernel, without summing", "输入与卷积核逐元素相乘，不求和"),
    ],
    answer: "A",
    explanation: text(
      "The layer computes a cross-correlation. A strict convolution would flip the kernel, but since kernels are learned, a layer using either operation learns the flipped kernel of the other and produces the same outputs.",
      "卷积层计算的是互相关运算。严格的卷积需要翻转卷积核，但卷积核是学习得到的，用任一种运算的层都会学到另一种的翻转卷积核，输出相同。",
    ),
  },
  {
    id: "conv-output-size-valid",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.conv-images", nndl: "nndl.conv-variants" },
    question: text(
      "An $n_h \\times n_w$ input is cross-correlated with a $k_h \\times k_w$ kernel, without padding and with stride 1. What is the output's size?",
      "$n_h \\times n_w$ 的输入与 $k_h \\times k_w$ 的卷积核做互相关运算，无填充，步幅为 1。输出的大小是多少？",
    ),
    options: [
      option("$(n_h - k_h + 1) \\times (n_w - k_w + 1)$", "$(n_h - k_h + 1) \\times (n_w - k_w + 1)$"),
      mistaken(FORGOT_PLUS_ONE, "$(n_h - k_h) \\times (n_w - k_w)$", "$(n_h - k_h) \\times (n_w - k_w)$"),
      option("$n_h \\times n_w$", "$n_h \\times n_w$"),
      option("$(n_h + k_h - 1) \\times (n_w + k_w - 1)$", "$(n_h + k_h - 1) \\times (n_w + k_w - 1)$"),
    ],
    answer: "A",
    explanation: text(
      "The kernel fits at $n_h - k_h + 1$ vertical and $n_w - k_w + 1$ horizontal positions. NNDL calls this the narrow convolution; $n + k - 1$ is the wide one (padding $k - 1$ on each side).",
      "卷积核在竖直方向有 $n_h - k_h + 1$ 个位置，水平方向有 $n_w - k_w + 1$ 个位置。NNDL 称之为窄卷积；$n + k - 1$ 是宽卷积（每侧填充 $k - 1$）。",
    ),
  },
  {
    id: "padding-purpose",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.padding-stride" },
    question: text("Why do convolutional layers add padding around the input?", "卷积层为什么要在输入四周添加填充？"),
    options: [
      option(
        "So the output keeps its size and pixels on the border are not lost after many layers",
        "使输出保持大小，避免经过多层后丢失边缘像素",
      ),
      option("To reduce the number of parameters", "为了减少参数数量"),
      option("To make the layer nonlinear", "为了使该层成为非线性的"),
      option("To downsample the input by a factor of two", "为了把输入下采样为一半"),
    ],
    answer: "A",
    explanation: text(
      "Without padding every layer shrinks the input by $k - 1$ per axis and uses the border pixels less; padding $p$ adds rows and columns (usually zeros), so with $2p = k - 1$ the output keeps the input's size.",
      "没有填充时，每层在每个方向使输入缩小 $k - 1$，且边缘像素被使用得更少；填充 $p$ 会添加行和列（通常为零），当 $2p = k - 1$ 时输出与输入大小相同。",
    ),
  },
  {
    id: "padding-same-odd-kernel",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.padding-stride", nndl: "nndl.conv-variants" },
    question: text(
      "With stride 1 and an odd kernel size $k$, how much padding on each side keeps the height and width unchanged?",
      "步幅为 1、卷积核大小 $k$ 为奇数时，每侧填充多少才能保持高和宽不变？",
    ),
    options: [
      option("$(k - 1)/2$", "$(k - 1)/2$"),
      option("$k - 1$", "$k - 1$"),
      option("$(k + 1)/2$", "$(k + 1)/2$"),
      option("$0$", "$0$"),
    ],
    answer: "A",
    explanation: text(
      "The output size is $n + 2p - k + 1$, which equals $n$ when $2p = k - 1$, so $p = (k - 1)/2$ on each side: the total padding is $k - 1$. This is why CNNs use odd kernels; NNDL calls it the equal-width convolution.",
      "输出大小为 $n + 2p - k + 1$，当 $2p = k - 1$ 时等于 $n$，所以每侧 $p = (k - 1)/2$：总填充为 $k - 1$。这正是卷积神经网络常用奇数卷积核的原因；NNDL 称之为等宽卷积。",
    ),
  },
  {
    id: "stride-effect",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.padding-stride" },
    question: text("What is the main effect of a stride $s > 1$ in a convolutional layer?", "卷积层步幅 $s > 1$ 的主要作用是什么？"),
    options: [
      option(
        "It reduces the output's height and width by about a factor of $s$, saving computation",
        "使输出的高和宽约缩小为 $1/s$，从而节省计算",
      ),
      option("It adds parameters to the kernel", "为卷积核增加参数"),
      option("It keeps the output the same size as the input", "使输出与输入大小相同"),
      option("It flips the kernel before sliding", "滑动前翻转卷积核"),
    ],
    answer: "A",
    explanation: text(
      "The window moves $s$ positions at a time, so the output size becomes $\\lfloor (n + 2p - k + s)/s \\rfloor$: roughly $n/s$. The kernel and its parameters do not change.",
      "窗口每次移动 $s$ 个位置，输出大小变为 $\\lfloor (n + 2p - k + s)/s \\rfloor$，约为 $n/s$。卷积核及其参数不变。",
    ),
  },
  {
    id: "multi-input-channel-kernel",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.channels" },
    question: text(
      "An input has $c_i$ channels and the layer produces one output channel. What is the shape of its kernel?",
      "输入有 $c_i$ 个通道，该层产生一个输出通道。它的卷积核形状是什么？",
    ),
    options: [
      option(
        "$c_i \\times k_h \\times k_w$: one slice per input channel, the results summed",
        "$c_i \\times k_h \\times k_w$：每个输入通道一个切片，结果相加",
      ),
      mistaken(
        KERNEL_SHARED_ACROSS_CHANNELS,
        "$k_h \\times k_w$, the same 2-D kernel applied to every input channel",
        "$k_h \\times k_w$，同一个二维卷积核用于每个输入通道",
      ),
      option("$1 \\times k_h \\times k_w$, applied to the channel average", "$1 \\times k_h \\times k_w$，作用于各通道的平均值"),
      option("$k_h \\times k_w \\times 1$, applied to the first channel only", "$k_h \\times k_w \\times 1$，只作用于第一个通道"),
    ],
    answer: "A",
    explanation: text(
      "Each input channel gets its own 2-D kernel; the layer cross-correlates each channel with its slice and sums the $c_i$ results into one output channel. With $c_o$ output channels the kernel is $c_o \\times c_i \\times k_h \\times k_w$.",
      "每个输入通道有自己的二维卷积核；该层把每个通道与对应切片做互相关运算，再把 $c_i$ 个结果相加得到一个输出通道。有 $c_o$ 个输出通道时，卷积核形状为 $c_o \\times c_i \\times k_h \\times k_w$。",
    ),
  },
  {
    id: "one-by-one-computes",
    kind: "choice",
    difficulty: "hard",
    section: { d2l: "d2l.one-by-one" },
    question: text("What does a $1 \\times 1$ convolutional layer compute?", "$1 \\times 1$ 卷积层计算的是什么？"),
    options: [
      option(
        "At every pixel, a fully connected layer over the channels, with the same weights at every position",
        "在每个像素位置上对通道做全连接层运算，所有位置共享同一组权重",
      ),
      option("Nothing: it is the identity", "什么也不做：它是恒等映射"),
      mistaken(ONE_BY_ONE_SPATIAL, "A correlation between each pixel and its neighbours", "每个像素与其相邻像素之间的相关"),
      option("A downsampling of height and width by two", "把高和宽下采样为一半"),
    ],
    answer: "A",
    explanation: text(
      "A $1 \\times 1$ kernel sees one pixel, so it cannot relate neighbouring pixels; it maps the $c_i$ values at each position to $c_o$ values with a $c_o \\times c_i$ weight matrix shared by all positions, like a dense layer applied per pixel.",
      "$1 \\times 1$ 卷积核只看一个像素，无法关联相邻像素；它用所有位置共享的 $c_o \\times c_i$ 权重矩阵，把每个位置上的 $c_i$ 个值映射为 $c_o$ 个值，相当于逐像素应用的全连接层。",
    ),
  },
  {
    id: "pooling-keeps-channels-choice",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.pooling-channels" },
    question: text(
      "A $2 \\times 2$ max-pooling layer with stride 2 receives an input with $C$ channels. How many channels does its output have?",
      "一个窗口为 $2 \\times 2$、步幅为 2 的最大汇聚层（池化层）接收 $C$ 个通道的输入。输出有多少个通道？",
    ),
    options: [
      option("$C$", "$C$"),
      mistaken(POOLING_MERGES_CHANNELS, "$1$", "$1$"),
      option("$2C$", "$2C$"),
      option("$C/4$", "$C/4$"),
    ],
    answer: "A",
    explanation: text(
      "Pooling is applied to each input channel separately instead of summing over channels as a convolution does, so the output has as many channels as the input; only height and width are halved.",
      "汇聚层（池化层）在每个输入通道上单独运算，而不像卷积那样对通道求和，因此输出通道数与输入相同；只有高和宽减半。",
    ),
  },
  {
    id: "nndl-wide-convolution",
    kind: "choice",
    difficulty: "medium",
    section: { nndl: "nndl.conv-variants" },
    question: text(
      "In NNDL's terms, a signal of length $n$ and a kernel of length $k$ give a wide convolution. How much zero padding does it use on each side, and how long is its output?",
      "按 NNDL 的说法，长度为 $n$ 的信号与长度为 $k$ 的卷积核做宽卷积。每侧补多少个零，输出长度是多少？",
    ),
    options: [
      option("$k - 1$ on each side; output $n + k - 1$", "每侧 $k - 1$ 个；输出 $n + k - 1$"),
      option("$(k - 1)/2$ on each side; output $n$", "每侧 $(k - 1)/2$ 个；输出 $n$"),
      option("None; output $n - k + 1$", "不填充；输出 $n - k + 1$"),
      option("One on each side; output $n - k + 3$", "每侧 1 个；输出 $n - k + 3$"),
    ],
    answer: "A",
    explanation: text(
      "NNDL names three variants by their padding $p$: narrow ($p = 0$, output $n - k + 1$), wide ($p = k - 1$, output $n + k - 1$) and equal-width ($p = (k - 1)/2$, output $n$).",
      "NNDL 按填充 $p$ 区分三种卷积：窄卷积（$p = 0$，输出 $n - k + 1$）、宽卷积（$p = k - 1$，输出 $n + k - 1$）和等宽卷积（$p = (k - 1)/2$，输出 $n$）。",
    ),
  },
  {
    id: "receptive-field-two-3x3",
    kind: "choice",
    difficulty: "hard",
    section: { d2l: "d2l.receptive-field", nndl: "nndl.conv-for-dense" },
    question: text(
      "Two $3 \\times 3$ convolutional layers with stride 1 are stacked. How large is the receptive field of one unit of the second layer's output, in input pixels?",
      "堆叠两个步幅为 1 的 $3 \\times 3$ 卷积层。第二层输出的一个单元在输入上的感受野多大？",
    ),
    options: [
      option("$5 \\times 5$", "$5 \\times 5$"),
      mistaken(RECEPTIVE_FIELD_ADDS_KERNELS, "$6 \\times 6$", "$6 \\times 6$"),
      option("$9 \\times 9$", "$9 \\times 9$"),
      option("$3 \\times 3$", "$3 \\times 3$"),
    ],
    answer: "A",
    explanation: text(
      "Each stride-1 layer adds $k - 1 = 2$ pixels per axis: $3 + 2 = 5$. This is why VGG replaces one $5 \\times 5$ layer with two $3 \\times 3$ ones.",
      "每个步幅为 1 的层在每个方向增加 $k - 1 = 2$ 个像素：$3 + 2 = 5$。这正是 VGG 用两个 $3 \\times 3$ 层代替一个 $5 \\times 5$ 层的原因。",
    ),
  },
  {
    id: "transposed-conv-use",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.transposed-conv", nndl: "nndl.transposed-conv" },
    question: text("What is a transposed convolution typically used for?", "转置卷积通常用来做什么？"),
    options: [
      option(
        "To increase height and width, e.g. to map features back to the input's size in semantic segmentation",
        "增大高和宽，例如在语义分割中把特征映射回输入的大小",
      ),
      mistaken(
        TRANSPOSED_IS_INVERSE,
        "To invert a convolution exactly, recovering its input values",
        "精确地求卷积的逆，恢复其输入的数值",
      ),
      option("To downsample a feature map by the stride", "按步幅对特征映射下采样"),
      option("To normalize each channel's activations", "对每个通道的激活值做规范化"),
    ],
    answer: "A",
    explanation: text(
      "A convolution with stride usually shrinks the input; the transposed convolution with the same settings maps back to the larger size (d2l uses it in the fully convolutional network). It swaps the roles of the forward and backward passes of a convolution and has its own learned kernel, so it restores the shape, not the values. It is also called a deconvolution, though it does not invert a convolution; NNDL calls a transposed convolution with stride below 1 a fractionally-strided convolution.",
      "带步幅的卷积通常会缩小输入；相同设置的转置卷积能映射回更大的尺寸（d2l 在全卷积网络中使用它）。它交换了卷积的前向和反向传播，并有自己学习得到的卷积核，所以恢复的是形状而不是数值。转置卷积（也称反卷积）并不是卷积的逆运算；NNDL 把步幅小于 1 的转置卷积称为微步卷积。",
    ),
  },
  {
    id: "textcnn-max-over-time",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.textcnn" },
    question: text(
      "In d2l's textCNN, what does max-over-time pooling output for each channel of a 1-D convolution?",
      "在 d2l 的 textCNN 中，最大时间汇聚层对一维卷积的每个通道输出什么？",
    ),
    options: [
      option("One number: the largest value over all time steps", "一个数：所有时间步上的最大值"),
      option("A vector as long as the sentence", "与句子等长的向量"),
      option("The average over all time steps", "所有时间步上的平均值"),
      option("The position of the largest value", "最大值所在的位置"),
    ],
    answer: "A",
    explanation: text(
      "Max-over-time pooling keeps the largest value of each channel over the whole sequence, so every channel gives one feature whatever the sentence's length, and sentences of different lengths give feature vectors of the same size.",
      "最大时间汇聚层保留每个通道在整个序列上的最大值，所以无论句子多长，每个通道都给出一个特征，不同长度的句子得到同样大小的特征向量。",
    ),
  },
  {
    id: "nndl-fewer-parameters",
    kind: "choice",
    difficulty: "easy",
    section: { nndl: "nndl.conv-for-dense" },
    question: text(
      "According to NNDL, which two properties let a convolutional layer use far fewer parameters than a fully connected layer?",
      "根据 NNDL，卷积层比全连接层参数少得多，是因为哪两个性质？",
    ),
    options: [
      option("Local connectivity and weight sharing", "局部连接和权重共享"),
      option("Dropout and batch normalization", "暂退法（Dropout）和批量规范化"),
      option("Pooling and padding", "汇聚（池化）和填充"),
      option("Residual connections and concatenation", "残差连接和连结"),
    ],
    answer: "A",
    explanation: text(
      "Local connectivity: each output unit connects only to a $k$-wide window of the input, not to all of it. Weight sharing: all output units of one channel use the same kernel. The parameter count becomes that of the kernels, independent of the input size.",
      "局部连接：每个输出单元只与输入中宽为 $k$ 的窗口相连，而不是与全部输入相连。权重共享：同一通道的所有输出单元使用同一个卷积核。参数数量因此只取决于卷积核，与输入大小无关。",
    ),
  },
  {
    id: "lenet-structure",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.lenet", nndl: "nndl.lenet5" },
    question: text("How is d2l's LeNet(-5) organised?", "d2l 中的 LeNet（LeNet-5）由哪两部分组成？"),
    options: [
      option(
        "A convolutional encoder of two convolutional layers (each followed by average pooling) and a dense block of three fully connected layers",
        "由两个卷积层（各接一个平均汇聚层）组成的卷积编码器，以及由三个全连接层组成的全连接层块",
      ),
      option("Five convolutional layers followed by global average pooling", "五个卷积层，后接全局平均汇聚层"),
      option("Four Inception blocks followed by one dense layer", "四个Inception块，后接一个全连接层"),
      option("Two residual blocks followed by softmax", "两个残差块，后接 softmax"),
    ],
    answer: "A",
    explanation: text(
      "LeNet's encoder has two $5 \\times 5$ convolutional layers with sigmoid activations, each followed by $2 \\times 2$ average pooling; its dense block has three fully connected layers of 120, 84 and 10 units.",
      "LeNet 的卷积编码器包含两个 $5 \\times 5$ 卷积层（sigmoid 激活），各接一个 $2 \\times 2$ 平均汇聚层；全连接层块有三个全连接层，分别为 120、84 和 10 个单元。",
    ),
  },

  // --- multiple selection ---
  {
    id: "pooling-purposes",
    kind: "choices",
    difficulty: "easy",
    section: { d2l: "d2l.pooling", nndl: "nndl.pooling" },
    question: text("Which of these are purposes of pooling layers? Select all that apply.", "以下哪些是汇聚层（池化层）的作用？选出所有正确项。"),
    options: [
      option("Making the output less sensitive to the exact location of features", "降低输出对特征精确位置的敏感性"),
      option("Spatially downsampling representations", "在空间上对表示做下采样"),
      mistaken(POOLING_HAS_PARAMETERS, "Adding learnable parameters to the network", "为网络增加可学习的参数"),
      mistaken(POOLING_MERGES_CHANNELS, "Merging the channels into one", "把各通道合并为一个"),
    ],
    answer: ["A", "B"],
    explanation: text(
      "d2l gives pooling two purposes: mitigating the sensitivity of convolutional layers to location, and spatially downsampling representations. Pooling has no parameters and works per channel.",
      "d2l 指出汇聚层的双重目的：降低卷积层对位置的敏感性，以及在空间上对表示做下采样。汇聚层没有参数，并在每个通道上单独运算。",
    ),
  },
  {
    id: "conv-layer-parameters-facts",
    kind: "choices",
    difficulty: "medium",
    section: { d2l: "d2l.channels", nndl: "nndl.conv-layer" },
    question: text("Which statements about a convolutional layer's parameters are true? Select all that apply.", "关于卷积层参数，以下哪些说法正确？选出所有正确项。"),
    options: [
      option("Their number does not depend on the input's height and width", "参数数量与输入的高和宽无关"),
      option("The same kernel is applied at every spatial position", "同一个卷积核用于每个空间位置"),
      mistaken(PARAMS_GROW_WITH_IMAGE, "Their number grows with the image size", "参数数量随图像大小增长"),
      option(
        "Each output channel has its own kernel of shape $c_i \\times k_h \\times k_w$ (and its own bias)",
        "每个输出通道有自己的形状为 $c_i \\times k_h \\times k_w$ 的卷积核（以及自己的偏置）",
      ),
    ],
    answer: ["A", "B", "D"],
    explanation: text(
      "A layer with $c_i$ input and $c_o$ output channels has $c_o \\cdot c_i \\cdot k_h \\cdot k_w$ weights plus $c_o$ biases, whatever the image size, because each kernel is shared across all positions.",
      "一个有 $c_i$ 个输入通道、$c_o$ 个输出通道的层有 $c_o \\cdot c_i \\cdot k_h \\cdot k_w$ 个权重和 $c_o$ 个偏置，与图像大小无关，因为每个卷积核在所有位置共享。",
    ),
  },
  {
    id: "what-changes-output-height",
    kind: "choices",
    difficulty: "medium",
    section: { d2l: "d2l.padding-stride" },
    question: text(
      "Which of these settings of a convolutional layer change the height of its output? Select all that apply.",
      "卷积层的以下哪些设置会改变输出的高度？选出所有正确项。",
    ),
    options: [
      option("The padding", "填充"),
      option("The stride", "步幅"),
      option("The kernel's height", "卷积核的高度"),
      option("The number of output channels", "输出通道数"),
      option("The number of input channels", "输入通道数"),
    ],
    answer: ["A", "B", "C"],
    explanation: text(
      "The output height is $\\lfloor (n_h + 2p_h - k_h)/s_h \\rfloor + 1$: padding, stride and kernel height appear in it; the numbers of channels only change the channel dimension and the parameter count.",
      "输出高度为 $\\lfloor (n_h + 2p_h - k_h)/s_h \\rfloor + 1$：其中出现了填充、步幅和卷积核高度；通道数只影响通道维度和参数数量。",
    ),
  },
  {
    id: "one-by-one-uses",
    kind: "choices",
    difficulty: "easy",
    section: { d2l: "d2l.one-by-one" },
    question: text("What are $1 \\times 1$ convolutions used for? Select all that apply.", "$1 \\times 1$ 卷积有哪些用途？选出所有正确项。"),
    options: [
      option("Changing the number of channels", "改变通道数"),
      option("Adding per-pixel nonlinearity when followed by ReLU, as in NiN", "后接 ReLU 时增加逐像素的非线性，如 NiN"),
      option("Reducing channels before expensive convolutions, as in Inception", "在计算量大的卷积之前减少通道数，如Inception块"),
      mistaken(ONE_BY_ONE_SPATIAL, "Detecting edges between neighbouring pixels", "检测相邻像素之间的边缘"),
      option("Enlarging the receptive field", "扩大感受野"),
    ],
    answer: ["A", "B", "C"],
    explanation: text(
      "A $1 \\times 1$ convolution is a dense layer over channels at each pixel: it changes the channel count cheaply (Inception's bottlenecks, ResNet's shortcuts, DenseNet's transition layers) and with a ReLU adds nonlinearity per pixel (NiN). It sees one pixel, so it detects no spatial pattern and leaves the receptive field unchanged.",
      "$1 \\times 1$ 卷积相当于在每个像素上对通道做全连接：它能低成本地改变通道数（Inception块的瓶颈、ResNet 残差连接上的 $1 \\times 1$ 卷积、DenseNet 的过渡层），后接 ReLU 时可增加逐像素的非线性（NiN）。它只看一个像素，因此不能检测空间图案，也不改变感受野。",
    ),
  },
  {
    id: "layers-without-parameters",
    kind: "choices",
    difficulty: "medium",
    section: { d2l: "d2l.pooling" },
    question: text("Which of these layers have no learnable parameters? Select all that apply.", "以下哪些层没有可学习的参数？选出所有正确项。"),
    options: [
      option("Max pooling", "最大汇聚层"),
      option("Average pooling", "平均汇聚层"),
      option("ReLU", "ReLU"),
      option("$1 \\times 1$ convolution", "$1 \\times 1$ 卷积层"),
      option("Batch normalization", "批量规范化层"),
    ],
    answer: ["A", "B", "C"],
    explanation: text(
      "Pooling computes a fixed maximum or mean and ReLU a fixed function. A $1 \\times 1$ convolution has $c_o \\cdot c_i$ weights and $c_o$ biases, and batch normalization learns a scale γ and shift β per channel.",
      "汇聚层计算固定的最大值或平均值，ReLU 是固定函数。$1 \\times 1$ 卷积有 $c_o \\cdot c_i$ 个权重和 $c_o$ 个偏置，批量规范化层对每个通道学习拉伸参数 γ 和偏移参数 β。",
    ),
  },
  {
    id: "transposed-conv-facts",
    kind: "choices",
    difficulty: "hard",
    section: { d2l: "d2l.transposed-conv", nndl: "nndl.transposed-conv" },
    question: text("Which statements about transposed convolution are true? Select all that apply.", "关于转置卷积，以下哪些说法正确？选出所有正确项。"),
    options: [
      option("It can increase the height and width of its input", "它可以增大输入的高和宽"),
      option(
        "Without output padding, its output size is $(n - 1)s - 2p + k$",
        "不加输出填充时，其输出大小为 $(n - 1)s - 2p + k$",
      ),
      mistaken(TRANSPOSED_IS_INVERSE, "It recovers the values of the input of the convolution it mirrors", "它能恢复对应卷积的输入数值"),
      option("It has no learnable parameters", "它没有可学习的参数"),
    ],
    answer: ["A", "B"],
    explanation: text(
      "Each input element scatters a scaled copy of the kernel over the output, with stride $s$ between copies; padding $p$ then removes $p$ rows and columns from each side. The kernel is learned like any convolution's; the operation restores shapes, not values.",
      "每个输入元素把按其数值缩放的卷积核副本散布到输出上，副本之间相隔步幅 $s$；填充 $p$ 则从每侧删去 $p$ 行和列。其卷积核与普通卷积一样是学习得到的；该运算恢复的是形状，而不是数值。",
    ),
  },
  {
    id: "textcnn-facts",
    kind: "choices",
    difficulty: "hard",
    section: { d2l: "d2l.textcnn" },
    question: text("Which statements about d2l's textCNN are true? Select all that apply.", "关于 d2l 的 textCNN，以下哪些说法正确？选出所有正确项。"),
    options: [
      option("The input channels of its 1-D convolutions are the word-embedding dimensions", "一维卷积的输入通道是词向量的各个维度"),
      option("Kernels of different widths act like detectors of n-grams of different lengths", "不同宽度的卷积核相当于不同长度的 n 元语法检测器"),
      option(
        "After max-over-time pooling, the number of features is the sum of the output channels of all its convolutions",
        "最大时间汇聚后，特征数等于所有卷积层输出通道数之和",
      ),
      option("Without padding, every convolution's output is as long as the sentence", "不加填充时，每个卷积的输出都与句子等长"),
    ],
    answer: ["A", "B", "C"],
    explanation: text(
      "A sentence of $L$ tokens with $d$-dimensional embeddings is a $d$-channel sequence of length $L$; a width-$k$ kernel sees $k$ consecutive tokens and gives $L - k + 1$ outputs per channel; max-over-time pooling then leaves one value per channel, and the pooled channels of all widths are concatenated.",
      "含 $L$ 个词元、词向量维度为 $d$ 的句子是一个 $d$ 通道、长度为 $L$ 的序列；宽为 $k$ 的卷积核看 $k$ 个相邻词元，每个通道给出 $L - k + 1$ 个输出；最大时间汇聚后每个通道只剩一个值，各宽度的结果再连结起来。",
    ),
  },

  // --- true or false ---
  {
    id: "pooling-has-no-parameters",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.pooling", nndl: "nndl.pooling" },
    question: text("True or false: a max-pooling layer has learnable parameters.", "判断：最大汇聚层（最大池化层）有可学习的参数。"),
    answer: false,
    misconception: POOLING_HAS_PARAMETERS,
    explanation: text(
      "Pooling, like convolution, slides a fixed-shape window over the input, but it computes a fixed maximum or average: there is no kernel to learn.",
      "汇聚层与卷积层一样在输入上滑动固定形状的窗口，但计算的是固定的最大值或平均值：没有需要学习的卷积核。",
    ),
  },
  {
    id: "layer-flips-kernel",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.conv-images", nndl: "nndl.cross-correlation" },
    question: text(
      "True or false: a convolutional layer in PyTorch flips its kernel by 180° before sliding it, as the mathematical convolution does.",
      "判断：PyTorch 的卷积层在滑动前会把卷积核旋转 180°，与数学上的卷积一样。",
    ),
    answer: false,
    misconception: KERNEL_FLIPPED,
    explanation: text(
      "Deep-learning frameworks compute a cross-correlation; the name \"convolution\" stays by convention. Because the kernel is learned, the difference does not matter.",
      "深度学习框架计算的是互相关运算，沿用“卷积”只是习惯。由于卷积核是学习得到的，二者的差别无关紧要。",
    ),
  },
  {
    id: "learned-kernel-flip-irrelevant",
    kind: "boolean",
    difficulty: "hard",
    section: { d2l: "d2l.xcorr-vs-conv", nndl: "nndl.cross-correlation" },
    question: text(
      "True or false: because kernels are learned from data, a layer computing cross-correlation can express exactly what a layer computing strict convolution can.",
      "判断：由于卷积核是从数据中学习的，计算互相关的层与计算严格卷积的层表达能力完全相同。",
    ),
    answer: true,
    explanation: text(
      "If one layer learns the kernel $K$, the other learns $K$ flipped and produces the same output, so the choice of operation does not change the model.",
      "如果一个层学到卷积核 $K$，另一个层会学到翻转后的 $K$ 并得到相同的输出，所以选择哪种运算不改变模型。",
    ),
  },
  {
    id: "conv-params-depend-on-size",
    kind: "boolean",
    difficulty: "medium",
    section: { d2l: "d2l.fc-to-conv", nndl: "nndl.conv-for-dense" },
    question: text(
      "True or false: the number of parameters of a convolutional layer depends on the height and width of its input.",
      "判断：卷积层的参数数量取决于输入的高和宽。",
    ),
    answer: false,
    misconception: PARAMS_GROW_WITH_IMAGE,
    explanation: text(
      "Weight sharing: one kernel per pair of input and output channels slides over all positions, so a convolutional layer has $c_o (c_i k_h k_w + 1)$ parameters for any input size; a dense layer's count grows with the input.",
      "权重共享：每对输入、输出通道只有一个卷积核，它在所有位置上滑动，所以卷积层对任何输入大小都有 $c_o (c_i k_h k_w + 1)$ 个参数；而全连接层的参数数量随输入增长。",
    ),
  },
  {
    id: "pooling-keeps-channels",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.pooling-channels" },
    question: text(
      "True or false: a pooling layer's output has as many channels as its input.",
      "判断：汇聚层（池化层）输出的通道数与输入的通道数相同。",
    ),
    answer: true,
    misconception: POOLING_MERGES_CHANNELS,
    explanation: text(
      "Pooling processes each input channel separately rather than summing over channels, so the channel count is unchanged.",
      "汇聚层在每个输入通道上单独运算，而不是对通道求和，所以通道数不变。",
    ),
  },
  {
    id: "stride-two-halves",
    kind: "boolean",
    difficulty: "medium",
    section: { d2l: "d2l.stride" },
    question: text(
      "True or false: a convolution with a $3 \\times 3$ kernel, padding 1 and stride 2 maps a $32 \\times 32$ input to a $16 \\times 16$ output.",
      "判断：卷积核 $3 \\times 3$、填充 1、步幅 2 的卷积把 $32 \\times 32$ 的输入变为 $16 \\times 16$ 的输出。",
    ),
    answer: true,
    explanation: text(
      "$\\lfloor (32 + 2 - 3)/2 \\rfloor + 1 = \\lfloor 31/2 \\rfloor + 1 = 16$ on each axis.",
      "每个方向：$\\lfloor (32 + 2 - 3)/2 \\rfloor + 1 = \\lfloor 31/2 \\rfloor + 1 = 16$。",
    ),
  },
  {
    id: "nndl-wide-longer",
    kind: "boolean",
    difficulty: "medium",
    section: { nndl: "nndl.conv-variants" },
    question: text(
      "True or false: in NNDL's terms, a wide convolution with a kernel longer than 1 gives an output longer than its input.",
      "判断：按 NNDL 的说法，卷积核长度大于 1 时，宽卷积的输出比输入长。",
    ),
    answer: true,
    explanation: text(
      "The wide convolution pads $k - 1$ zeros on each side, so its output has $n + k - 1 > n$ elements when $k > 1$.",
      "宽卷积在每侧补 $k - 1$ 个零，所以当 $k > 1$ 时输出有 $n + k - 1 > n$ 个元素。",
    ),
  },
  {
    id: "transposed-recovers-input",
    kind: "boolean",
    difficulty: "hard",
    section: { d2l: "d2l.transposed-conv", nndl: "nndl.transposed-conv" },
    question: text(
      "True or false: applying a transposed convolution to a convolution's output recovers the convolution's input.",
      "判断：对卷积的输出做转置卷积，可以恢复该卷积的输入。",
    ),
    answer: false,
    misconception: TRANSPOSED_IS_INVERSE,
    explanation: text(
      "With matching settings the transposed convolution gives back the input's shape; its values come from its own kernel, so in general they are not the input's.",
      "设置匹配时，转置卷积能得到与输入相同的形状；但数值取决于它自己的卷积核，一般不等于原输入。",
    ),
  },
  {
    id: "two-3x3-fewer-params",
    kind: "boolean",
    difficulty: "hard",
    section: { d2l: "d2l.vgg" },
    question: text(
      "True or false: two stacked $3 \\times 3$ convolutions from $C$ to $C$ channels (without bias) have fewer parameters than one $5 \\times 5$ convolution from $C$ to $C$, with the same receptive field.",
      "判断：两个堆叠的 $3 \\times 3$ 卷积（$C$ 到 $C$ 通道，无偏置）比一个 $5 \\times 5$ 卷积（$C$ 到 $C$ 通道）参数少，而感受野相同。",
    ),
    answer: true,
    explanation: text(
      "Two $3 \\times 3$ layers have $2 \\cdot 9 C^2 = 18 C^2$ weights against $25 C^2$, and both see a $5 \\times 5$ window; the stack also adds a nonlinearity in between.",
      "两个 $3 \\times 3$ 层有 $2 \\cdot 9 C^2 = 18 C^2$ 个权重，少于 $25 C^2$，二者的感受野都是 $5 \\times 5$；而且堆叠在中间多了一个非线性。",
    ),
  },
  {
    id: "textcnn-features-independent-of-length",
    kind: "boolean",
    difficulty: "medium",
    section: { d2l: "d2l.textcnn" },
    question: text(
      "True or false: in textCNN, the number of features after max-over-time pooling depends on the sentence's length.",
      "判断：在 textCNN 中，最大时间汇聚后的特征数取决于句子的长度。",
    ),
    answer: false,
    explanation: text(
      "Max-over-time pooling keeps one value per channel, so the feature count is the total number of channels, whatever the length.",
      "最大时间汇聚层对每个通道只保留一个值，所以特征数等于通道总数，与句子长度无关。",
    ),
  },
];
