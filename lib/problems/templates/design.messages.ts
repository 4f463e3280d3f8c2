import { type Catalogue, createTranslators } from "../messages";

/**
 * Messages of the design templates (`design.*`): the learner builds a network that meets
 * constraints, listed in the prompt by lib/problems/design/constraints.messages.ts. LaTeX, numbers
 * and the reference spec arrive as arguments.
 */
const en = {
  common: {
    constraintsIntro: "Your network must meet every one of these constraints:",
    howToAnswer:
      "Build the layers with the form (one row a layer), or write the spec as JSON, for example {example}. The engine analyses your own network and checks each constraint; any network that meets them all is right.",
    referenceIntro: "One network that meets every constraint (the engine has checked it; yours may differ):",
    layerTable: "What the engine reports for it, layer by layer:",
    layerLine: "layer {path} ({type}): output {shape}, {params, plural, =1 {one parameter} other {# parameters}}, receptive field {field}",
  },
  downsample: {
    title: "Design: shrink a feature map within a parameter budget",
    prompt: "Design a small convolutional network that turns a {inputShape} input into a {outputShape} feature map, spending few parameters.",
    solution:
      "Each max pooling with a $2 \\times 2$ window and stride $2$ halves the height and width (⟦d2l.pooling-padding-stride⟧); {halvings} of them take {size} pixels to {outSize}. " +
      "A $3 \\times 3$ convolution with padding $1$ keeps the size (⟦d2l.padding⟧) and sets the channels. A convolution with $C_i$ input and $C_o$ output channels has $(3 \\cdot 3 \\cdot C_i + 1) \\cdot C_o$ parameters (⟦d2l.multi-out⟧), so here {paramsWork}.",
    mistakes: {
      shapeOnly:
        "Check the output size layer by layer: a $3 \\times 3$ convolution without padding takes 2 pixels off each side length, and each $2 \\times 2$ pooling of stride $2$ halves it (⟦d2l.padding⟧).",
      budgetOnly:
        "The parameters of a convolution grow with the product of its input and output channels, $(k^2 C_i + 1) C_o$: keep the early layers narrow and reach the asked channels only at the end.",
    },
  },
  keepSize: {
    title: "Design: choose the padding of a dilated convolution",
    promptKeep: "Design a network of dilated convolutions that keeps the height and width of a {inputShape} input and outputs {outputShape}.",
    promptHalve: "Design one dilated convolution that halves the height and width of a {inputShape} input, giving {outputShape}.",
    solution:
      "A $k \\times k$ kernel with dilation $d$ covers $d \\cdot (k - 1) + 1$ pixels (⟦nndl.dilated-conv⟧), here {effective}. " +
      "The output side is $\\lfloor (n + 2p - d \\cdot (k - 1) - 1)/s \\rfloor + 1$ (PyTorch `Conv2d`; ⟦d2l.padding-stride⟧), so padding $p = d \\cdot (k - 1)/2 = {padding}$ gives {outWork}.",
    mistakes: {
      paddingUndilated:
        "If the size changed, check the padding: with dilation $d$ the kernel covers $d \\cdot (k - 1) + 1$ pixels, so keeping the size takes $p = d \\cdot (k - 1)/2$, not $(k - 1)/2$.",
      budget: "Every layer here has $(k^2 C_i + 1) C_o$ parameters: narrower layers stay within the budget.",
    },
  },
  receptiveField: {
    title: "Design: reach a receptive field with few layers",
    prompt: "Design a network whose output units each see at least {field} pixels of a {inputShape} input along each axis, using exactly {count} convolutional layers.",
    promptKeep:
      "Design a network whose output units each see at least {field} pixels of a {inputShape} input along each axis, using exactly {count} convolutional layers and keeping the height and width.",
    solution:
      "Walking from input to output, a layer with kernel $k$, dilation $d$ and stride $s$ widens the receptive field by $d \\cdot (k - 1) \\cdot j$, where the jump $j$ is the product of the strides before it, and multiplies the jump by $s$ (⟦d2l.receptive-field⟧). " +
      "{count} plain layers of kernel $k$ and stride $1$ reach only $1 + {count} \\cdot (k - 1) = {plain}$. {how}",
    howPlain: "That is enough here: stack them.",
    howPool: "A $2 \\times 2$ max pooling of stride $2$ between them doubles the jump, so each later convolution adds twice as much.",
    howDilate: "Without strides (the size is kept), grow the dilation instead: rates $1, 2, 4, \\ldots$ with padding equal to the rate keep the size and double what each layer adds.",
    mistakes: {
      fieldOnly:
        "The receptive field grows by $d \\cdot (k - 1) \\cdot j$ a layer: to reach further with the same number of convolutions, raise the jump $j$ (pooling or stride) or the dilation $d$.",
      shapeOnly: "Striding or pooling shrinks the map; to keep the size, use padding $d \\cdot (k - 1)/2$ at stride $1$ and gain the field with dilation instead.",
    },
  },
} as const;

const zhCN = {
  common: {
    constraintsIntro: "你的网络必须满足以下每一项约束：",
    howToAnswer:
      "用表单逐层搭建（每行一层），或用 JSON 写出网络描述，例如 {example}。引擎会分析你自己的网络并逐项检查约束；满足全部约束的任何网络都是对的。",
    referenceIntro: "一个满足全部约束的网络（已由引擎检查；你的可以不同）：",
    layerTable: "引擎对它逐层给出的结果：",
    layerLine: "第 {path} 层（{type}）：输出 {shape}，参数 {params, plural, other {#}} 个，感受野 {field}",
  },
  downsample: {
    title: "设计：在参数预算内缩小特征映射",
    prompt: "设计一个小型卷积网络，把 {inputShape} 的输入变成 {outputShape} 的特征映射，并且少用参数。",
    solution:
      "窗口为 $2 \\times 2$、步幅为 $2$ 的最大汇聚层把高和宽各减半（⟦d2l.pooling-padding-stride⟧）；{halvings} 个这样的汇聚层把 {size} 个像素变成 {outSize} 个。" +
      "填充为 $1$ 的 $3 \\times 3$ 卷积保持大小（⟦d2l.padding⟧）并决定通道数。输入 $C_i$、输出 $C_o$ 个通道的卷积层有 $(3 \\cdot 3 \\cdot C_i + 1) \\cdot C_o$ 个参数（⟦d2l.multi-out⟧），所以这里 {paramsWork}。",
    mistakes: {
      shapeOnly: "逐层检查输出大小：不加填充的 $3 \\times 3$ 卷积使每边减少 2 个像素，步幅为 $2$ 的 $2 \\times 2$ 汇聚层使边长减半（⟦d2l.padding⟧）。",
      budgetOnly: "卷积层的参数量随输入和输出通道数之积增长，为 $(k^2 C_i + 1) C_o$：前面的层保持窄一些，到最后才达到要求的通道数。",
    },
  },
  keepSize: {
    title: "设计：选择空洞卷积的填充",
    promptKeep: "设计一个由空洞卷积组成的网络，保持 {inputShape} 输入的高和宽，输出 {outputShape}。",
    promptHalve: "设计一个空洞卷积层，把 {inputShape} 输入的高和宽减半，得到 {outputShape}。",
    solution:
      "$k \\times k$、膨胀率为 $d$ 的卷积核覆盖 $d \\cdot (k - 1) + 1$ 个像素（⟦nndl.dilated-conv⟧），这里是 {effective}。" +
      "输出边长为 $\\lfloor (n + 2p - d \\cdot (k - 1) - 1)/s \\rfloor + 1$（PyTorch `Conv2d`；⟦d2l.padding-stride⟧），所以填充 $p = d \\cdot (k - 1)/2 = {padding}$ 时得到 {outWork}。",
    mistakes: {
      paddingUndilated: "如果大小变了，请检查填充：膨胀率为 $d$ 时卷积核覆盖 $d \\cdot (k - 1) + 1$ 个像素，保持大小需要 $p = d \\cdot (k - 1)/2$，而不是 $(k - 1)/2$。",
      budget: "这里每层有 $(k^2 C_i + 1) C_o$ 个参数：层窄一些就不会超出预算。",
    },
  },
  receptiveField: {
    title: "设计：用少数几层达到感受野",
    prompt: "设计一个网络，使输出的每个单元在每个维度上至少看到 {inputShape} 输入中的 {field} 个像素，并且恰好使用 {count} 个卷积层。",
    promptKeep: "设计一个网络，使输出的每个单元在每个维度上至少看到 {inputShape} 输入中的 {field} 个像素，恰好使用 {count} 个卷积层，并且保持高和宽不变。",
    solution:
      "从输入走到输出，卷积核为 $k$、膨胀率为 $d$、步幅为 $s$ 的层使感受野增加 $d \\cdot (k - 1) \\cdot j$，其中跳跃 $j$ 是它之前各层步幅的乘积，并把跳跃乘以 $s$（⟦d2l.receptive-field⟧）。" +
      "{count} 个卷积核为 $k$、步幅为 $1$ 的普通卷积层只能达到 $1 + {count} \\cdot (k - 1) = {plain}$。{how}",
    howPlain: "这里这样就够了：把它们堆叠起来。",
    howPool: "在它们之间加入步幅为 $2$ 的 $2 \\times 2$ 最大汇聚层，跳跃加倍，后面每个卷积层增加的感受野也加倍。",
    howDilate: "不能用步幅（要保持大小）时，就增大膨胀率：膨胀率 $1, 2, 4, \\ldots$、填充等于膨胀率，既保持大小，又使每层增加的感受野加倍。",
    mistakes: {
      fieldOnly: "感受野每层增加 $d \\cdot (k - 1) \\cdot j$：卷积层数不变时，要看得更远，就得增大跳跃 $j$（汇聚或步幅）或膨胀率 $d$。",
      shapeOnly: "步幅或汇聚会缩小特征映射；要保持大小，就在步幅为 $1$ 时用填充 $d \\cdot (k - 1)/2$，改用膨胀率来扩大感受野。",
    },
  },
} as const satisfies Catalogue<typeof en>;

export const designCatalogues = { en, "zh-CN": zhCN } as const;
export const designMessages = createTranslators(designCatalogues);
