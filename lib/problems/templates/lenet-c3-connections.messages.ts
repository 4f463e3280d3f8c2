import { type Catalogue, createTranslators } from "../messages";

/** Messages of `lenet.c3-connections`; terms as NNDL 5.4.1 (连接表, 特征映射, 可训练参数, 连接数, 卷积核) and d2l 6.6 (LeNet). */
const en = {
  title: "LeNet-5's C3: parameters and connections of a connection table",
  prompt: {
    easy:
      "In LeNet-5 an output feature map of a convolutional layer may depend on only some of the previous layer's maps (a connection table). " +
      "{lenet, select, yes {In its C3 layer, the previous layer S2 has {inputMaps} maps of {size}, and C3 uses {kernel} kernels.} other {The previous layer has {inputMaps} maps of {size}, and the layer uses {kernel} kernels.}} " +
      "One output map sees {sees} of the input maps: one {kernel} kernel on each of them, summed, plus one bias; stride 1, no padding." +
      "\n\nHow many {ask, select, params {trainable parameters} other {connections (a weight or a bias meeting one output unit)}} does this one output map have?",
    medium:
      "In LeNet-5 an output feature map of a convolutional layer may depend on only some of the previous layer's maps (a connection table). " +
      "{lenet, select, yes {In its C3 layer, the previous layer S2 has {inputMaps} maps of {size}, and C3 uses {kernel} kernels.} other {The previous layer has {inputMaps} maps of {size}, and the layer uses {kernel} kernels.}} " +
      "A group of {maps} output maps each sees {sees} of the input maps: each output map has one {kernel} kernel per input map it sees, summed, plus one bias; stride 1, no padding." +
      "\n\nHow many {ask, select, params {trainable parameters} other {connections (a weight or a bias meeting one output unit)}} do these {maps} output maps have together?",
    hard:
      "A convolutional layer reads {inputMaps} input maps of {size} with {kernel} kernels (stride 1, no padding) and has {outputMaps} output maps, connected as in LeNet-5's C3 by a connection table $T$: {tpd} when output map $p$ depends on input map $d$. Each output map has one kernel per input map it sees and one bias." +
      "\n\n{table}\n\n" +
      "How many {ask, select, params {trainable parameters} other {connections (a weight or a bias meeting one output unit)}} does the layer have?",
  },
  solution:
    "An output map that sees $m$ input maps is a convolution with $m$ input channels: {perMap} trainable parameters, one kernel per input map it sees and one bias (⟦nndl.lenet5⟧, ⟦d2l.multi-in⟧)." +
    "{hard, select, yes { Add the groups of the table, row by row of $T$:} other {}}" +
    "\n\n{groupLines}\n\n" +
    "So {params} trainable parameters. " +
    "{ask, select, params {} other {Each parameter meets every unit of its output map once, and each output map has {out} units ({positions}), so the connections are {positions} times the parameters: {connections}. }}" +
    "The answer is {answer}." +
    "\n\nLeNet-5's own C3 (6 maps on 3 of S2's maps, 9 on 4, 1 on all 6, with 5×5 kernels on 14×14 maps) counts the same way: {lenetParams} trainable parameters and {lenetConnections} connections (⟦nndl.lenet5⟧). Parameters are what is learned; connections count the multiplications and bias additions of one forward pass, so they grow with the output map, the parameters do not.",
  mistakes: {
    swapped:
      "{ask, select, params {That is the number of connections: every parameter counted once per output unit. Parameters are shared across the map, so count each kernel weight and bias once.} other {That is the number of trainable parameters. Every parameter meets each unit of its output map, so multiply by the number of output positions.}}",
    forgotBias:
      "{ask, select, params {The bias is missing: each output map has one trainable bias besides its kernels.} other {The bias is missing: each output unit also connects to its map's bias, one more connection per unit.}}",
    fullConnection:
      "This counts every output map on all {inputMaps} input maps, a full convolution. The connection table gives each output map only the input maps it marks; count one kernel per marked input map.",
    inputSizeUsed:
      "You used the input maps' size. The connections are counted per output unit, and without padding each output map is {out}.",
  },
} as const;

const zhCN = {
  title: "LeNet-5 的 C3 层：连接表的参数与连接数",
  prompt: {
    easy:
      "在 LeNet-5 中，卷积层的一个输出特征映射可以只依赖于前一层的部分特征映射（连接表）。" +
      "{lenet, select, yes {在它的 C3 层中，前一层 S2 有 {inputMaps} 个 {size} 的特征映射，C3 使用 {kernel} 的卷积核。} other {前一层有 {inputMaps} 个 {size} 的特征映射，这一层使用 {kernel} 的卷积核。}}" +
      "一个输出特征映射依赖于其中 {sees} 个输入特征映射：每个输入特征映射对应一个 {kernel} 的卷积核，结果相加，再加一个偏置；步幅为 1，不填充。" +
      "\n\n这一个输出特征映射有多少{ask, select, params {可训练参数} other {连接（一个权重或偏置与一个输出单元相连算一个连接）}}？",
    medium:
      "在 LeNet-5 中，卷积层的一个输出特征映射可以只依赖于前一层的部分特征映射（连接表）。" +
      "{lenet, select, yes {在它的 C3 层中，前一层 S2 有 {inputMaps} 个 {size} 的特征映射，C3 使用 {kernel} 的卷积核。} other {前一层有 {inputMaps} 个 {size} 的特征映射，这一层使用 {kernel} 的卷积核。}}" +
      "有一组共 {maps} 个输出特征映射，每个依赖于其中 {sees} 个输入特征映射：每个输出特征映射对它依赖的每个输入特征映射有一个 {kernel} 的卷积核，结果相加，再加一个偏置；步幅为 1，不填充。" +
      "\n\n这 {maps} 个输出特征映射一共有多少{ask, select, params {可训练参数} other {连接（一个权重或偏置与一个输出单元相连算一个连接）}}？",
    hard:
      "一个卷积层读入 {inputMaps} 个 {size} 的输入特征映射，使用 {kernel} 的卷积核（步幅为 1，不填充），有 {outputMaps} 个输出特征映射，像 LeNet-5 的 C3 层一样由连接表 $T$ 连接：输出特征映射 $p$ 依赖于输入特征映射 $d$ 时 {tpd}。每个输出特征映射对它依赖的每个输入特征映射有一个卷积核，另有一个偏置。" +
      "\n\n{table}\n\n" +
      "这一层有多少{ask, select, params {可训练参数} other {连接（一个权重或偏置与一个输出单元相连算一个连接）}}？",
  },
  solution:
    "依赖于 $m$ 个输入特征映射的输出特征映射，就是输入通道数为 $m$ 的卷积：有 {perMap} 个可训练参数，即每个依赖的输入特征映射一个卷积核，外加一个偏置（⟦nndl.lenet5⟧，⟦d2l.multi-in⟧）。" +
    "{hard, select, yes {按连接表 $T$ 的各组相加：} other {}}" +
    "\n\n{groupLines}\n\n" +
    "所以可训练参数共 {params} 个。" +
    "{ask, select, params {} other {每个参数与它所在输出特征映射的每个单元各相连一次，每个输出特征映射有 {out} 个单元（{positions} 个），所以连接数是参数量的 {positions} 倍：{connections}。}}" +
    "答案是 {answer}。" +
    "\n\nLeNet-5 自己的 C3 层（6 个特征映射依赖 S2 的 3 个，9 个依赖 4 个，1 个依赖全部 6 个，5×5 卷积核，14×14 的特征映射）也这样计算：可训练参数 {lenetParams} 个，连接数 {lenetConnections}（⟦nndl.lenet5⟧）。参数是要学习的量；连接数是一次前向计算中的乘法和加偏置的次数，所以连接数随输出特征映射变大而增长，参数量不变。",
  mistakes: {
    swapped:
      "{ask, select, params {这是连接数：每个参数对每个输出单元都计了一次。参数在整个特征映射上共享，每个卷积核权重和偏置只算一次。} other {这是可训练参数的个数。每个参数都与它所在输出特征映射的每个单元相连，所以要乘以输出位置数。}}",
    forgotBias:
      "{ask, select, params {漏掉了偏置：每个输出特征映射除了卷积核之外还有一个可训练的偏置。} other {漏掉了偏置：每个输出单元还与它所在特征映射的偏置相连，每个单元多一个连接。}}",
    fullConnection: "这是把每个输出特征映射都连到全部 {inputMaps} 个输入特征映射上，即普通的卷积。连接表只让每个输出特征映射依赖它标出的输入特征映射；每个标出的输入特征映射算一个卷积核。",
    inputSizeUsed: "你用了输入特征映射的大小。连接数按输出单元计，不填充时每个输出特征映射是 {out}。",
  },
} as const satisfies Catalogue<typeof en>;

export const lenetC3ConnectionsCatalogues = { en, "zh-CN": zhCN } as const;
export const lenetC3ConnectionsMessages = createTranslators(lenetC3ConnectionsCatalogues);
