import { BATCH_STATS_AT_PREDICTION, mistaken, RUNNING_STATS_AS_PARAMS, SHORTCUT_ALWAYS_IDENTITY } from "./misconceptions";
import { type ConceptItem, option, text } from "./types";

/**
 * Concept items on what makes deep CNNs trainable: batch normalization (d2l 2nd ed. 7.5 zh /
 * 8.5 en; NNDL 7.5.1) and residual networks (d2l 7.6 zh / 8.6 en; NNDL 5.4.4).
 */
export const trainingItems: readonly ConceptItem[] = [
  // --- single choice ---
  {
    id: "batchnorm-prediction-statistics",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.bn-layers", nndl: "nndl.batch-norm" },
    question: text(
      "In prediction mode, which mean and variance does a batch normalization layer use?",
      "在预测模式下，批量规范化（批量归一化）层使用哪个均值和方差？",
    ),
    options: [
      option("Moving averages of the mean and variance estimated during training", "训练中累积的移动平均均值和方差"),
      mistaken(BATCH_STATS_AT_PREDICTION, "The mean and variance of the current minibatch", "当前小批量的均值和方差"),
      option("Mean 0 and variance 1, without any estimate", "均值 0、方差 1，不做任何估计"),
      option("None: batch normalization is switched off", "不使用：关闭批量规范化"),
      option("The mean and variance of the test set, computed before predicting", "预测前在测试集上计算的均值和方差"),
      option("The mean and variance of the single example being predicted", "被预测的那一个样本自身的均值和方差"),
    ],
    answer: "A",
    shown: 4,
    explanation: text(
      "After training, the model should give each example an output that does not depend on what else is in the batch, and batches may hold a single example; so the layer uses the moving averages accumulated in training.",
      "训练结束后，模型对每个样本的输出不应依赖同一批量中的其他样本，而且批量可能只有一个样本；因此该层使用训练中累积的移动平均。",
    ),
  },
  {
    id: "batchnorm-parameters",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.bn-from-scratch" },
    question: text(
      "A batch normalization layer follows a convolutional layer with $C$ output channels. How many learnable parameters does it have?",
      "一个批量规范化层位于输出 $C$ 个通道的卷积层之后。它有多少个可学习的参数？",
    ),
    options: [
      option("$2C$: a scale parameter γ and a shift parameter β per channel", "$2C$：每个通道一个拉伸参数 γ 和一个偏移参数 β"),
      mistaken(RUNNING_STATS_AS_PARAMS, "$4C$: γ, β, the running mean and the running variance per channel", "$4C$：每个通道的 γ、β 以及移动平均均值和方差"),
      option("$2$: one γ and one β for the whole layer", "$2$：整个层一个 γ 和一个 β"),
      option("$2 C H W$: a γ and a β per activation", "$2 C H W$：每个激活值一个 γ 和一个 β"),
      option("$C$: a scale parameter γ per channel, no shift", "$C$：每个通道一个拉伸参数 γ，没有偏移"),
      option("$2 C k_h k_w$: a γ and a β per kernel weight", "$2 C k_h k_w$：每个卷积核权重一个 γ 和一个 β"),
      option("$0$: batch normalization only standardizes", "$0$：批量规范化只做标准化"),
    ],
    answer: "A",
    shown: 4,
    explanation: text(
      "For convolutions, batch normalization works per channel, sharing γ and β across all positions, like the kernel is shared. The running mean and variance are $2C$ more numbers, but they are buffers, not learned by gradient descent.",
      "对卷积层，批量规范化按通道进行，γ 和 β 在所有位置共享，正如卷积核在所有位置共享。移动平均均值和方差另有 $2C$ 个数，但它们是缓冲区，不通过梯度下降学习。",
    ),
  },
  {
    id: "batchnorm-conv-axes",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.bn-layers" },
    question: text(
      "For a convolutional layer's output, over which values does batch normalization compute one mean and variance?",
      "对卷积层的输出，批量规范化在哪些值上计算一个均值和方差？",
    ),
    options: [
      option("Per channel, over all examples of the minibatch and all spatial positions", "每个通道一组，覆盖小批量中所有样本和所有空间位置"),
      option("Per pixel, over the examples of the minibatch only", "每个像素一组，只覆盖小批量中的样本"),
      option("Per example, over all its channels and positions", "每个样本一组，覆盖其所有通道和位置"),
      option("One for the whole minibatch", "整个小批量一组"),
      option("Per channel and per example, over that example's spatial positions only", "每个通道、每个样本各一组，只覆盖该样本的空间位置"),
      option("Per row of the feature map, over the examples of the minibatch", "特征映射的每一行一组，覆盖小批量中的样本"),
    ],
    answer: "A",
    shown: 4,
    explanation: text(
      "With a minibatch of $m$ examples and $p \\times q$ outputs per channel, each channel's mean and variance are computed over $m \\cdot p \\cdot q$ values. Normalizing per example over its channels would be layer normalization.",
      "小批量有 $m$ 个样本、每个通道有 $p \\times q$ 个输出时，每个通道的均值和方差在 $m \\cdot p \\cdot q$ 个值上计算。按样本对其所有通道做规范化则是层规范化。",
    ),
  },
  {
    id: "batchnorm-placement",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.bn-layers" },
    question: text("Where does d2l place batch normalization in a convolutional or fully connected layer?", "d2l 把批量规范化放在卷积层或全连接层的什么位置？"),
    options: [
      option("After the affine transformation (convolution or dense), before the activation", "在仿射变换（卷积或全连接）之后、激活函数之前"),
      option("After the softmax", "在 softmax 之后"),
      option("Only on the network's input", "只在网络的输入上"),
      option("Only after pooling layers", "只在汇聚层之后"),
      option("Before the convolution, on its kernel's weights", "在卷积之前，作用于卷积核的权重"),
      option("After the loss function", "在损失函数之后"),
    ],
    answer: "A",
    shown: 4,
    explanation: text(
      "d2l writes $h = \\phi(\\mathrm{BN}(W x + b))$ for dense layers, and applies it after the convolution and before the nonlinearity for convolutional layers.",
      "d2l 对全连接层写作 $h = \\phi(\\mathrm{BN}(W x + b))$；对卷积层，也在卷积之后、非线性激活函数之前使用。",
    ),
  },
  {
    id: "residual-why-easier",
    kind: "choice",
    difficulty: "hard",
    section: { d2l: "d2l.residual-blocks", nndl: "nndl.resnet" },
    question: text("Why is a residual block easier to train when the ideal mapping is close to the identity?", "当理想映射接近恒等映射时，为什么残差块更容易训练？"),
    options: [
      option(
        "The layers only need to learn the residual $f(x) - x$, which can be pushed to zero, instead of the identity itself",
        "这些层只需学习残差 $f(x) - x$（可以推向零），而不必学习恒等映射本身",
      ),
      option("Residual blocks need no nonlinearity", "残差块不需要非线性"),
      option("Residual blocks halve the parameters", "残差块使参数减半"),
      option("Residual blocks use larger kernels", "残差块使用更大的卷积核"),
      option("The shortcut removes the need to backpropagate through the body", "残差连接使主路径不再需要反向传播"),
      option("The block's output equals its input whatever the weights", "无论权重如何，残差块的输出都等于输入"),
      option("Residual blocks need no batch normalization", "残差块不需要批量规范化"),
    ],
    answer: "A",
    shown: 4,
    explanation: text(
      "The block outputs $x + g(x)$. If the identity is what is needed, setting the weights of $g$ to zero achieves it; and the shortcut lets inputs (and gradients) propagate faster through the layers.",
      "残差块输出 $x + g(x)$。如果需要的是恒等映射，把 $g$ 的权重设为零即可实现；而且残差连接让输入（和梯度）能更快地跨层传播。",
    ),
  },
  {
    id: "nested-function-classes",
    kind: "choice",
    difficulty: "hard",
    section: { d2l: "d2l.function-classes" },
    question: text(
      "According to d2l, when does making a model larger guarantee that it can get closer to the truth?",
      "根据 d2l，在什么情况下增大模型才能保证更接近真实函数？",
    ),
    options: [
      option("When the function classes are nested: the larger one contains the smaller", "当函数类是嵌套的：更大的函数类包含更小的"),
      option("When each new layer is wider than the last", "当每个新层都比前一层更宽时"),
      option("Whenever the learning rate is small enough", "只要学习率足够小"),
      option("Always: more layers are always at least as good", "总是如此：更多的层总不会更差"),
      option("When the larger model is trained on more data", "当更大的模型用更多数据训练时"),
      option("When the function classes are disjoint", "当函数类互不相交时"),
      option("When the larger class uses a different activation function", "当更大的函数类使用不同的激活函数时"),
    ],
    answer: "A",
    shown: 4,
    explanation: text(
      "If the new class does not contain the old one, the best function in it may be further from the truth. A residual block can represent the identity, so a deeper ResNet contains the shallower one.",
      "如果新的函数类不包含原来的，其中最好的函数可能离真实函数更远。残差块能表示恒等映射，所以更深的 ResNet 包含较浅的 ResNet。",
    ),
  },
  {
    id: "residual-shortcut-conv",
    kind: "choice",
    difficulty: "medium",
    section: { d2l: "d2l.residual-blocks" },
    question: text("When does a residual block need a $1 \\times 1$ convolution on its shortcut?", "残差块的残差连接上什么时候需要 $1 \\times 1$ 卷积？"),
    options: [
      option(
        "When the body changes the number of channels or the height and width (stride)",
        "当主路径改变通道数或高和宽（步幅）时",
      ),
      option("In every residual block", "每个残差块都需要"),
      mistaken(SHORTCUT_ALWAYS_IDENTITY, "Never: the shortcut is always the identity", "从不需要：残差连接总是恒等映射"),
      option("Only when the block has batch normalization", "只有当残差块含有批量规范化时"),
      option("When the block is the first of the network", "当该块是网络的第一个块时"),
      option("When the body uses $3 \\times 3$ kernels", "当主路径使用 $3 \\times 3$ 卷积核时"),
    ],
    answer: "A",
    shown: 4,
    explanation: text(
      "The input is added to the body's output, so both must have the same shape; a $1 \\times 1$ convolution with the body's stride and output channels reshapes the input.",
      "输入要与主路径的输出相加，因此二者形状必须相同；一个具有相同步幅和输出通道数的 $1 \\times 1$ 卷积可以变换输入的形状。",
    ),
  },
  {
    id: "resnet-vs-densenet",
    kind: "choice",
    difficulty: "easy",
    section: { d2l: "d2l.resnet-to-densenet" },
    question: text("ResNet combines $x$ and $f(x)$ by …, DenseNet by …", "ResNet 用……合并 $x$ 和 $f(x)$，DenseNet 用……"),
    options: [
      option("addition; concatenation on channels", "相加；在通道上连结"),
      option("concatenation on channels; addition", "在通道上连结；相加"),
      option("addition; addition", "相加；相加"),
      option("concatenation; concatenation", "连结；连结"),
      option("addition; element-wise multiplication", "相加；逐元素相乘"),
      option("element-wise multiplication; concatenation on channels", "逐元素相乘；在通道上连结"),
      option("addition; concatenation along the height", "相加；沿高度方向连结"),
    ],
    answer: "A",
    shown: 4,
    explanation: text(
      "ResNet decomposes $f(x) = x + g(x)$; DenseNet keeps $x$ and $g(x)$ side by side, $[x, g(x)]$, like going past the first term of a Taylor expansion.",
      "ResNet 把 $f(x)$ 分解为 $x + g(x)$；DenseNet 则把 $x$ 和 $g(x)$ 并列保留为 $[x, g(x)]$，就像泰勒展开保留一阶以上的项。",
    ),
  },

  // --- multiple selection ---
  {
    id: "batchnorm-train-vs-predict",
    kind: "choices",
    difficulty: "medium",
    section: { d2l: "d2l.batch-norm" },
    question: text("Which statements about batch normalization are true? Select all that apply.", "关于批量规范化（批量归一化），以下哪些说法正确？选出所有正确项。"),
    options: [
      option("In training it normalizes with the minibatch's mean and variance", "训练时用小批量的均值和方差做规范化"),
      option("In prediction it uses running estimates of the mean and variance", "预测时使用移动平均均值和方差"),
      mistaken(
        BATCH_STATS_AT_PREDICTION,
        "In prediction, an example's output depends on the other examples of its batch",
        "预测时，一个样本的输出取决于同一批量中的其他样本",
      ),
      mistaken(RUNNING_STATS_AS_PARAMS, "The running mean and variance are learned by gradient descent", "移动平均均值和方差通过梯度下降学习"),
    ],
    answer: ["A", "B"],
    explanation: text(
      "Batch normalization behaves differently in the two modes, like dropout. The running statistics are updated with a momentum during training; only γ and β receive gradients.",
      "批量规范化与暂退法一样，在两种模式下行为不同。移动平均均值和方差在训练中按动量更新；只有 γ 和 β 接收梯度。",
    ),
  },
  {
    id: "batchnorm-benefits",
    kind: "choices",
    difficulty: "easy",
    section: { d2l: "d2l.batch-norm" },
    question: text("According to d2l, which are effects of batch normalization? Select all that apply.", "根据 d2l，以下哪些是批量规范化的作用？选出所有正确项。"),
    options: [
      option("Faster convergence, often allowing larger learning rates", "收敛更快，通常允许更大的学习率"),
      option("A regularizing effect from the noise of minibatch statistics", "小批量统计量的噪声带来正则化效果"),
      option("It works well with minibatches of size 1 in training", "训练时对大小为 1 的小批量效果良好"),
      option("It removes the need for a validation set", "不再需要验证集"),
    ],
    answer: ["A", "B"],
    explanation: text(
      "Keeping the intermediate activations at a controlled scale speeds up convergence, and the minibatch statistics inject noise that acts as a regularizer. With minibatches of size 1 every output would be normalized to zero: BN needs reasonably large minibatches.",
      "把中间层的激活值控制在合适的尺度能加快收敛，小批量统计量引入的噪声起到正则化作用。小批量大小为 1 时所有输出都会被规范化为零：批量规范化需要足够大的小批量。",
    ),
  },
  {
    id: "residual-facts",
    kind: "choices",
    difficulty: "hard",
    section: { d2l: "d2l.resnet", nndl: "nndl.resnet" },
    question: text("Which statements about ResNet are true? Select all that apply.", "关于 ResNet，以下哪些说法正确？选出所有正确项。"),
    options: [
      option("The residual connection lets inputs propagate forward faster across layers", "残差连接让输入能更快地跨层向前传播"),
      option(
        "The body's output must have the input's shape, or the shortcut needs a $1 \\times 1$ convolution",
        "主路径的输出必须与输入形状相同，否则残差连接上需要 $1 \\times 1$ 卷积",
      ),
      option("A residual block concatenates its input and output", "残差块把输入和输出连结起来"),
      option(
        "ResNet-18's 18 layers, as d2l counts them, are the first $7 \\times 7$ convolution, the 16 $3 \\times 3$ convolutions of the residual blocks and the final fully connected layer",
        "按 d2l 的数法，ResNet-18 的 18 层是第一个 $7 \\times 7$ 卷积层、残差块中的 16 个 $3 \\times 3$ 卷积层和最后的全连接层",
      ),
    ],
    answer: ["A", "B", "D"],
    explanation: text(
      "ResNet-18: the first $7 \\times 7$ convolution, four modules of two residual blocks with two $3 \\times 3$ convolutions each ($4 \\cdot 4 = 16$), and the final dense layer: $1 + 16 + 1 = 18$ (d2l counts neither the $1 \\times 1$ convolutions on the shortcuts nor the batch normalization layers, though both have weights). Residual blocks add; DenseNet concatenates.",
      "ResNet-18：第一个 $7 \\times 7$ 卷积层，四个模块各含两个残差块、每块两个 $3 \\times 3$ 卷积层（$4 \\cdot 4 = 16$），以及最后的全连接层：$1 + 16 + 1 = 18$（d2l 不计残差连接上的 $1 \\times 1$ 卷积层和批量规范化层，尽管它们也有权重）。残差块做相加，DenseNet 做连结。",
    ),
  },

  {
    id: "residual-block-layers",
    kind: "choices",
    difficulty: "easy",
    section: { d2l: "d2l.residual-blocks" },
    question: text(
      "Which layers are on the main path of the residual block of d2l's ResNet (`Residual`)? Select all that apply.",
      "d2l 的 ResNet 残差块（`Residual`）的主路径上有哪些层？选出所有正确项。",
    ),
    options: [
      option("Two $3 \\times 3$ convolutional layers", "两个 $3 \\times 3$ 卷积层"),
      option("A batch normalization layer after each convolutional layer", "每个卷积层之后的一个批量规范化层"),
      option("ReLU activation functions", "ReLU 激活函数"),
      option("A fully connected layer", "一个全连接层"),
      option("A max-pooling layer between the two convolutional layers", "两个卷积层之间的一个最大汇聚层"),
    ],
    answer: ["A", "B", "C"],
    explanation: text(
      "ResNet keeps VGG's design of full $3 \\times 3$ convolutional layers: a residual block has two $3 \\times 3$ convolutional layers with the same number of output channels, each followed by a batch normalization layer and a ReLU activation function; the second ReLU comes after the input is added. Pooling and the fully connected layer belong to the whole network, not to the block.",
      "ResNet 沿用了 VGG 完整的 $3 \\times 3$ 卷积层设计：残差块里有两个输出通道数相同的 $3 \\times 3$ 卷积层，每个卷积层后接一个批量规范化层和 ReLU 激活函数；第二个 ReLU 在加上输入之后。汇聚层和全连接层属于整个网络，而不在块内。",
    ),
  },
  {
    id: "batchnorm-counts-after-conv",
    kind: "choices",
    difficulty: "medium",
    section: { d2l: "d2l.bn-from-scratch" },
    question: text(
      "A batch normalization layer follows a convolutional layer with 64 output channels. Which statements are true? Select all that apply.",
      "一个批量规范化层位于输出 64 个通道的卷积层之后。以下哪些说法正确？选出所有正确项。",
    ),
    options: [
      option("It has 128 learnable parameters: a scale parameter γ and a shift parameter β per channel", "它有 128 个可学习的参数：每个通道一个拉伸参数 γ 和一个偏移参数 β"),
      option(
        "It also keeps 128 numbers that gradient descent does not train: the running mean and variance of each channel",
        "它还保存 128 个不由梯度下降训练的数：每个通道的移动平均均值和方差",
      ),
      mistaken(
        RUNNING_STATS_AS_PARAMS,
        "It has 256 learnable parameters: γ, β, the running mean and the running variance per channel",
        "它有 256 个可学习的参数：每个通道的 γ、β 以及移动平均均值和方差",
      ),
      option("Its number of parameters grows with the height and width of the feature map", "它的参数数量随特征映射的高和宽增长"),
    ],
    answer: ["A", "B"],
    explanation: text(
      "After a convolutional layer, batch normalization works per channel: one scale parameter γ and one shift parameter β per channel, shared by all positions, so $2 \\cdot 64 = 128$ parameters whatever the height and width. The moving averages of the mean and variance, used in prediction mode, are another $2 \\cdot 64 = 128$ numbers, updated during training but not by gradient descent.",
      "在卷积层之后，批量规范化按通道进行：每个通道一个拉伸参数 γ 和一个偏移参数 β，在所有位置共享，所以无论高和宽是多少，参数都是 $2 \\cdot 64 = 128$ 个。预测模式使用的移动平均均值和方差另有 $2 \\cdot 64 = 128$ 个数，它们在训练时更新，但不通过梯度下降。",
    ),
  },
  {
    id: "shortcut-identity-when",
    kind: "choices",
    difficulty: "hard",
    section: { d2l: "d2l.residual-blocks" },
    question: text(
      "A residual block's main path has two $3 \\times 3$ convolutional layers with padding 1. In which cases can its shortcut be the identity, without a $1 \\times 1$ convolution? Select all that apply.",
      "一个残差块的主路径有两个填充为 1 的 $3 \\times 3$ 卷积层。在以下哪些情况下，它的残差连接可以是恒等映射，不需要 $1 \\times 1$ 卷积？选出所有正确项。",
    ),
    options: [
      option("Input with 64 channels; both convolutional layers output 64 channels with stride 1", "输入 64 个通道；两个卷积层都输出 64 个通道，步幅为 1"),
      option("Input of shape $128 \\times 7 \\times 7$; both convolutional layers output 128 channels with stride 1", "输入形状为 $128 \\times 7 \\times 7$；两个卷积层都输出 128 个通道，步幅为 1"),
      mistaken(
        SHORTCUT_ALWAYS_IDENTITY,
        "Input with 64 channels; the convolutional layers output 128 channels with stride 1",
        "输入 64 个通道；卷积层输出 128 个通道，步幅为 1",
      ),
      option(
        "Input with 64 channels; the convolutional layers output 64 channels, the first with stride 2",
        "输入 64 个通道；卷积层输出 64 个通道，第一个卷积层步幅为 2",
      ),
    ],
    answer: ["A", "B"],
    explanation: text(
      "The block adds its input to the main path's output, so both must have the same shape. With padding 1 and stride 1 a $3 \\times 3$ convolutional layer keeps the height and width whatever they are, so only the channels matter. A change of channels (64 → 128) or a stride of 2 (which halves the height and width) needs a $1 \\times 1$ convolution on the shortcut, with the same stride, as in d2l's `Residual(use_1x1conv=True, strides=2)`.",
      "残差块把输入与主路径的输出相加，二者形状必须相同。填充为 1、步幅为 1 时，$3 \\times 3$ 卷积层无论高和宽是多少都保持不变，所以只有通道数要紧。通道数改变（64 → 128）或步幅为 2（高和宽减半）时，残差连接上需要一个步幅相同的 $1 \\times 1$ 卷积，如 d2l 的 `Residual(use_1x1conv=True, strides=2)`。",
    ),
  },

  // --- true or false ---
  {
    id: "batchnorm-same-in-both-modes",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.bn-layers" },
    question: text(
      "True or false: a batch normalization layer computes the same thing in training and in prediction.",
      "判断：批量规范化层在训练和预测时的计算相同。",
    ),
    answer: false,
    misconception: BATCH_STATS_AT_PREDICTION,
    explanation: text(
      "In training it uses the minibatch's statistics (and updates the running ones); in prediction it uses the running statistics.",
      "训练时它使用小批量的统计量（并更新移动平均均值和方差）；预测时使用移动平均均值和方差。",
    ),
  },
  {
    id: "batchnorm-running-stats-trainable",
    kind: "boolean",
    difficulty: "medium",
    section: { d2l: "d2l.bn-from-scratch" },
    question: text(
      "True or false: the running mean and running variance of a batch normalization layer are trainable parameters.",
      "判断：批量规范化层的移动平均均值和方差是可训练的参数。",
    ),
    answer: false,
    misconception: RUNNING_STATS_AS_PARAMS,
    explanation: text(
      "In d2l's implementation they are updated by a moving average outside gradient descent (PyTorch registers them as buffers); γ and β are the parameters.",
      "在 d2l 的实现中，它们在梯度下降之外通过移动平均更新（PyTorch 将其注册为缓冲区）；γ 和 β 才是参数。",
    ),
  },
  {
    id: "residual-adds-input",
    kind: "boolean",
    difficulty: "easy",
    section: { d2l: "d2l.residual-blocks", nndl: "nndl.resnet" },
    question: text("True or false: a residual block adds its input to the output of its layers.", "判断：残差块把输入加到其各层的输出上。"),
    answer: true,
    explanation: text(
      "The block computes $x + g(x)$ (followed by ReLU in d2l), which requires $g(x)$ to have the shape of $x$ or a $1 \\times 1$ convolution on the shortcut.",
      "残差块计算 $x + g(x)$（d2l 中随后再接 ReLU），这要求 $g(x)$ 与 $x$ 形状相同，否则残差连接上需要 $1 \\times 1$ 卷积。",
    ),
  },
  {
    id: "batchnorm-dense-per-feature",
    kind: "boolean",
    difficulty: "medium",
    section: { d2l: "d2l.bn-layers" },
    question: text(
      "True or false: after a fully connected layer, batch normalization normalizes each feature separately over the minibatch.",
      "判断：在全连接层之后，批量规范化对每个特征分别在小批量上做规范化。",
    ),
    answer: true,
    explanation: text(
      "For a fully connected layer each output unit is one feature with its own mean, variance, γ and β, computed over the examples of the minibatch.",
      "对全连接层，每个输出单元是一个特征，有自己的均值、方差、γ 和 β，在小批量的样本上计算。",
    ),
  },
  {
    id: "deeper-always-better",
    kind: "boolean",
    difficulty: "hard",
    section: { d2l: "d2l.function-classes" },
    question: text(
      "True or false: adding layers to a network always brings the best function it can learn closer to the truth, even when the larger function class does not contain the smaller.",
      "判断：即使更大的函数类不包含较小的函数类，给网络加层也总能使其可学到的最优函数更接近真实函数。",
    ),
    answer: false,
    explanation: text(
      "Only nested function classes guarantee that: otherwise the larger class may have moved away from the truth. Residual blocks make the classes nested, since a new block can learn the identity.",
      "只有嵌套的函数类才能保证这一点：否则更大的函数类可能反而离真实函数更远。残差块使函数类嵌套，因为新加的块可以学到恒等映射。",
    ),
  },
  {
    id: "batchnorm-minibatch-of-one",
    kind: "boolean",
    difficulty: "hard",
    section: { d2l: "d2l.bn-training-deep" },
    question: text(
      "True or false: in training mode, batch normalization after a fully connected layer can still learn from minibatches of size 1.",
      "判断：在训练模式下，全连接层之后的批量规范化在小批量大小为 1 时仍能学到东西。",
    ),
    answer: false,
    explanation: text(
      "Batch normalization subtracts the minibatch mean. With one example the mean is the example itself, so every hidden unit becomes 0 and the layer outputs only the shift parameter β, whatever the input: nothing is learned from it. Batch normalization needs minibatches large enough for their statistics to mean something.",
      "批量规范化要减去小批量的均值。只有一个样本时，均值就是该样本本身，所以每个隐藏单元都变成 0，无论输入是什么，该层都只输出偏移参数 β：什么也学不到。批量规范化需要足够大的小批量，统计量才有意义。",
    ),
  },
];
