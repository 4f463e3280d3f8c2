import { type Catalogue, createTranslators } from "../messages";

/** Messages of `cost.activation-memory`; terms as d2l zh (前向传播, 反向传播, 特征映射, 展平). */
const en = {
  title: "Activation memory in float32",
  layerPrompt:
    "An input of shape {inputShape} (channels, height, width, batch size 1) goes through\n\n{layers}\n\n" +
    "In training, the forward pass keeps each layer's output for backpropagation. Values are float32 (4 bytes each). " +
    "How much memory does the output of layer {target} take, in {unit, select, bytes {bytes} KiB {KiB (1 KiB = 1024 bytes)} other {MiB (1 MiB = 1024 · 1024 bytes)}}?" +
    "{unit, select, bytes {} other { Give at least four significant figures.}}",
  networkPrompt:
    "An input of shape {inputShape} (channels, height, width, batch size 1) goes through\n\n{layers}\n\n" +
    "In training, the forward pass keeps every layer's output for backpropagation. Count the output of every listed layer, ReLU and flatten included (nothing is computed in place), " +
    "and not the input itself, the parameters or the gradients. Values are float32 (4 bytes each). " +
    "How much memory do these outputs take in all, in {unit, select, bytes {bytes} KiB {KiB (1 KiB = 1024 bytes)} other {MiB (1 MiB = 1024 · 1024 bytes)}}? Give at least four significant figures.",
  row: "- Layer {number}: {shape}, {count} values",
  solution:
    "Each layer's output holds as many values as the product of its shape; a float32 value takes 4 bytes, and 1 KiB is 2¹⁰ = 1024 bytes, 1 MiB 2²⁰ bytes (binary prefixes; 1 kB would be 1000).\n\n" +
    "{rows}\n\n{work}\n\nThe answer is {answer} {unit, select, bytes {bytes} KiB {KiB} other {MiB}}.",
  mistakes: {
    elementsNotBytes: "That is the number of values. In float32 each value takes 4 bytes, so multiply by 4 before changing units.",
    decimalKilobytes: "You divided by powers of 1000. KiB and MiB are binary units: 1 KiB = 1024 bytes and 1 MiB = 1024 · 1024 bytes.",
    inputCounted: "You counted the input too. The question asks for the outputs the layers produce; the input is held by whoever passed it in.",
    activationsInPlace:
      "You left out the outputs of ReLU (and flatten). Here nothing is computed in place, so each of them keeps its own copy for backpropagation.",
  },
} as const;

const zhCN = {
  title: "float32 下的激活内存",
  layerPrompt:
    "形状为 {inputShape}（通道、高、宽，批量大小 1）的输入依次经过\n\n{layers}\n\n" +
    "训练时，前向传播会保存每一层的输出以供反向传播使用。数值为 float32（每个 4 字节）。" +
    "第 {target} 层的输出占多少内存，以{unit, select, bytes {字节} KiB { KiB（1 KiB = 1024 字节）} other { MiB（1 MiB = 1024 · 1024 字节）}}计？" +
    "{unit, select, bytes {} other {请至少给出四位有效数字。}}",
  networkPrompt:
    "形状为 {inputShape}（通道、高、宽，批量大小 1）的输入依次经过\n\n{layers}\n\n" +
    "训练时，前向传播会保存每一层的输出以供反向传播使用。请计入列出的每一层的输出，包括 ReLU 和展平层（不做原地计算），" +
    "不计输入本身、参数和梯度。数值为 float32（每个 4 字节）。" +
    "这些输出合计占多少内存，以{unit, select, bytes {字节} KiB { KiB（1 KiB = 1024 字节）} other { MiB（1 MiB = 1024 · 1024 字节）}}计？请至少给出四位有效数字。",
  row: "- 第 {number} 层：{shape}，{count} 个值",
  solution:
    "每层输出的值的个数是其形状各维的乘积；一个 float32 值占 4 字节，1 KiB 是 2¹⁰ = 1024 字节，1 MiB 是 2²⁰ 字节（二进制前缀；1 kB 才是 1000 字节）。\n\n" +
    "{rows}\n\n{work}\n\n答案是 {answer} {unit, select, bytes {字节} KiB {KiB} other {MiB}}。",
  mistakes: {
    elementsNotBytes: "这是值的个数。float32 下每个值占 4 字节，换算单位之前要先乘以 4。",
    decimalKilobytes: "你除以的是 1000 的幂。KiB 和 MiB 是二进制单位：1 KiB = 1024 字节，1 MiB = 1024 · 1024 字节。",
    inputCounted: "你把输入也算进去了。题目问的是各层产生的输出；输入由传入它的一方保存。",
    activationsInPlace: "你漏掉了 ReLU（和展平层）的输出。这里不做原地计算，所以它们各自保存一份输出供反向传播使用。",
  },
} as const satisfies Catalogue<typeof en>;

export const costActivationMemoryCatalogues = { en, "zh-CN": zhCN } as const;
export const costActivationMemoryMessages = createTranslators(costActivationMemoryCatalogues);
