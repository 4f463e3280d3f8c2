import { type Catalogue, createTranslators } from "../messages";

/**
 * Messages of `grad.pool-routing`; terms as d2l 6.5 (汇聚层 / 池化层, 最大汇聚, 平均汇聚, 汇聚窗口)
 * and NNDL 5.3 (误差项, 反向传播).
 */
const en = {
  title: "Backpropagation through a pooling layer",
  prompt:
    "A 2-D {pool, select, max {max-pooling} other {average-pooling}} layer with a {window} pooling window, stride {stride} and padding {padding} on every side ({pool, select, max {as PyTorch's `nn.MaxPool2d`; if a window's maximum occurs more than once, PyTorch treats the first one, reading the window row by row, as the maximum} other {as PyTorch's `nn.AvgPool2d`, whose average counts padded zeros: `count_include_pad=True`}}) has the input" +
    "\n\n{input}\n\n" +
    "Backpropagation has brought the gradient of the loss with respect to the layer's output, {deltaName}:" +
    "\n\n{delta}\n\n" +
    "What is {asked}, the gradient of the loss with respect to the input? Answer with the matrix, rows separated by `;` (for example `1 2; 3 4`), decimals to two places.",
  solution:
    "{pool, select, max {A max-pooling output is its window's largest entry, so it changes with that entry alone: its derivative is 1 at the maximum and 0 at every other cell of the window. Each δ therefore goes to its window's maximum, and nowhere else{tie, select, yes {; on a tie, to the first maximum row by row, as PyTorch} other {}}} other {An average-pooling output is the sum of its window divided by the window's area, {area}{padded, select, yes { (padded zeros counted)} other {}}, so its derivative is {share} at every cell of the window. Each δ is therefore divided by {area} and added to every cell of its window{padded, select, yes {; the shares that fall on the padding belong to no input and are lost} other {}}}} (⟦nndl.learning⟧; ⟦d2l.max-avg-pooling⟧).{overlap, select, yes { The windows overlap: a cell in several windows receives the sum of what each sends it.} other {}}" +
    "\n\n{windows}\n\n" +
    "Each input entry sums what it receives:" +
    "\n\n{entries}\n\n" +
    "{zeros, plural, =0 {} one {The one other entry receives nothing: 0.} other {The # other entries receive nothing: 0.}}" +
    "\n\n{answer}",
  maxWindow: "- {output}: {max}, at {cell}, which receives {delta}",
  avgWindow: "- {output}: each of its {count, plural, one {# input cell} other {# input cells}} receives {share}",
  windowsFold: "All {count} windows",
  entriesFold: "All {count} entries that receive a gradient",
  mistakes: {
    tieToEveryMaximum:
      "You sent δ to every cell that ties for the maximum. A window's output is one of its entries, so only one cell receives the gradient; PyTorch takes the first maximum, reading the window row by row.",
    tieToLastMaximum:
      "You sent δ to the last of the tied maxima. PyTorch keeps the first maximum it meets, reading the window row by row (a later equal value does not replace it), and routes δ there.",
    maxSpreadEvenly:
      "You spread δ over the window as average pooling does. A max-pooling output depends only on the window's largest entry, so the whole δ goes to that one cell and the others receive 0.",
    averageNotDivided:
      "You copied δ to every cell of the window without dividing it. The average divides the window's sum by {area}, so each cell receives δ divided by {area}.",
    averageToMaximum:
      "You sent δ to the window's largest entry, as max pooling does. An average depends on every entry of its window equally, so δ is shared evenly among them.",
    paddingNotCounted:
      "You divided δ only among the window's input cells. PyTorch's average counts the padded zeros (`count_include_pad=True`), so every window divides by {area}, and the shares on the padding are lost.",
    overlapOverwritten:
      "It looks like a later window's share replaced an earlier one's. Where windows overlap, a cell receives from each window that contains it, and the gradients add up.",
  },
} as const;

const zhCN = {
  title: "汇聚层的反向传播",
  prompt:
    "一个二维{pool, select, max {最大汇聚层（最大池化层）} other {平均汇聚层（平均池化层）}}，汇聚窗口为 {window}，步幅为 {stride}，每侧填充 {padding}（{pool, select, max {与 PyTorch 的 `nn.MaxPool2d` 相同；若窗口中的最大值出现不止一次，PyTorch 按行逐个读取窗口，取第一个最大值} other {与 PyTorch 的 `nn.AvgPool2d` 相同，平均值计入填充的零：`count_include_pad=True`}}），输入为" +
    "\n\n{input}\n\n" +
    "反向传播已经求得损失对该层输出的梯度（误差项）{deltaName}：" +
    "\n\n{delta}\n\n" +
    "损失对输入的梯度 {asked} 是什么？请写出矩阵，各行之间用 `;` 分隔（例如 `1 2; 3 4`），小数保留两位。",
  solution:
    "{pool, select, max {最大汇聚的输出是窗口中最大的元素，所以只随这个元素变化：它对最大值的导数为 1，对窗口中其他位置为 0。因此每个 δ 只传给其窗口的最大值{tie, select, yes {；并列时按行读取取第一个最大值，与 PyTorch 相同} other {}}} other {平均汇聚的输出是窗口元素之和除以窗口面积 {area}{padded, select, yes {（计入填充的零）} other {}}，所以它对窗口中每个位置的导数都是 {share}。因此每个 δ 除以 {area} 后加到其窗口的每个位置上{padded, select, yes {；落在填充上的份额不属于任何输入，被丢弃} other {}}}}（⟦nndl.learning⟧；⟦d2l.max-avg-pooling⟧）。{overlap, select, yes {窗口相互重叠：位于多个窗口中的位置得到各窗口传来的梯度之和。} other {}}" +
    "\n\n{windows}\n\n" +
    "每个输入元素把收到的梯度相加：" +
    "\n\n{entries}\n\n" +
    "{zeros, plural, =0 {} other {其余 # 个元素没有收到梯度：为 0。}}" +
    "\n\n{answer}",
  maxWindow: "- {output}：{max}，位于 {cell}，它收到 {delta}",
  avgWindow: "- {output}：窗口中的 {count, plural, other {# 个输入位置}}各收到 {share}",
  windowsFold: "全部 {count} 个窗口",
  entriesFold: "收到梯度的全部 {count} 个元素",
  mistakes: {
    tieToEveryMaximum:
      "你把 δ 传给了所有并列最大的位置。窗口的输出只是其中一个元素，所以只有一个位置收到梯度；PyTorch 按行读取窗口，取第一个最大值。",
    tieToLastMaximum: "你把 δ 传给了并列最大值中的最后一个。PyTorch 按行读取窗口，保留遇到的第一个最大值（后面相等的值不会替换它），δ 传到那里。",
    maxSpreadEvenly: "你像平均汇聚那样把 δ 分给了整个窗口。最大汇聚的输出只取决于窗口中最大的元素，所以整个 δ 传给那一个位置，其他位置为 0。",
    averageNotDivided: "你把 δ 原样复制到了窗口的每个位置，没有相除。平均值是窗口元素之和除以 {area}，所以每个位置收到 δ 除以 {area}。",
    averageToMaximum: "你像最大汇聚那样把 δ 传给了窗口中最大的元素。平均值同等地依赖窗口中的每个元素，所以 δ 平均分给它们。",
    paddingNotCounted:
      "你只在窗口的输入位置之间分配了 δ。PyTorch 的平均值计入填充的零（`count_include_pad=True`），所以每个窗口都除以 {area}，落在填充上的份额被丢弃。",
    overlapOverwritten: "看起来后一个窗口的份额覆盖了前一个。窗口重叠时，一个位置从包含它的每个窗口都收到梯度，这些梯度要相加。",
  },
} as const satisfies Catalogue<typeof en>;

export const gradPoolRoutingCatalogues = { en, "zh-CN": zhCN } as const;
export const gradPoolRoutingMessages = createTranslators(gradPoolRoutingCatalogues);
