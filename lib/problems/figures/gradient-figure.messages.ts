import { type Catalogue, createTranslators } from "../messages";

/**
 * Captions, titles and alt texts of the gradient figures (`gradient-figure.ts`); terms as NNDL 5.3
 * (误差项 δ, 宽卷积, 旋转 180°) and d2l 6.2.4 / 7.2.4 (学习率). No Latin words in the Chinese
 * captions but the symbols (δ, L, W, X, η).
 */
const en = {
  input: "input X",
  paddedInput: "padded input X",
  delta: "δ = ∂L/∂Y",
  deltaSpread: "δ, {stride} apart",
  deltaWide: "δ with zeros around{stride, select, 1 {} other { and between}}",
  rotated: "W rotated 180°",
  kernel: "kernel W",
  gradKernel: "∂L/∂W",
  gradInput: "∂L/∂X",
  updated: "W after the step",
  kernelTitle: "∂L/∂W: the input cross-correlated with δ",
  kernelAlt:
    "The {inRows} by {inCols} input{padded, select, yes { with its padding} other {}}, cross-correlated with the {dRows} by {dCols} upstream gradient δ{spread, select, yes { (its entries {stride} apart)} other {}}, gives the {kRows} by {kCols} gradient of the kernel; the shaded window gives its top-left entry, {value}.",
  inputTitle: "∂L/∂X: the wide convolution of δ with the kernel",
  inputAlt:
    "The upstream gradient δ, {spread, select, yes {with zeros between its entries and } other {}}padded with zeros, cross-correlated with the {kRows} by {kCols} kernel rotated by 180 degrees, gives the {outRows} by {outCols} gradient of the input; the shaded window gives its top-left entry, {value}.",
  poolTitle: "{pool, select, max {Max pooling sends each δ to its window's maximum} other {Average pooling spreads each δ over its window}}",
  poolAlt:
    "The {inRows} by {inCols} input{padded, select, yes { with its padding} other {}} with its first {k} by {k} window shaded, the upstream gradient δ, and the gradient of the input, {pool, select, max {where the first δ lands on the window's maximum} other {where the first δ, divided by {area}, lands on every cell of the window}}; its top-left entry is {value}.",
  stepTitle: "One step of gradient descent, learning rate {rate}",
  stepAlt:
    "The {kRows} by {kCols} kernel W, minus {rate} times the gradient ∂L/∂W, gives the kernel after the step; its top-left entry is {value}.",
} as const;

const zhCN = {
  input: "输入 X",
  paddedInput: "填充后的输入 X",
  delta: "δ = ∂L/∂Y",
  deltaSpread: "δ，相隔 {stride}",
  deltaWide: "四周{stride, select, 1 {} other {和元素之间}}填充零的 δ",
  rotated: "旋转 180° 的 W",
  kernel: "卷积核 W",
  gradKernel: "∂L/∂W",
  gradInput: "∂L/∂X",
  updated: "更新一步后的 W",
  kernelTitle: "∂L/∂W：输入与 δ 的互相关",
  kernelAlt:
    "{inRows}×{inCols} 的输入{padded, select, yes {（含填充）} other {}}与 {dRows}×{dCols} 的误差项 δ{spread, select, yes {（元素相隔 {stride}）} other {}} 做互相关运算，得到 {kRows}×{kCols} 的卷积核梯度；阴影窗口给出其左上角元素 {value}。",
  inputTitle: "∂L/∂X：δ 与卷积核的宽卷积",
  inputAlt:
    "误差项 δ {spread, select, yes {在元素之间插入零并} other {}}在四周用零填充，与旋转 180° 的 {kRows}×{kCols} 卷积核做互相关运算，得到 {outRows}×{outCols} 的输入梯度；阴影窗口给出其左上角元素 {value}。",
  poolTitle: "{pool, select, max {最大汇聚把每个 δ 传给窗口中的最大值} other {平均汇聚把每个 δ 平均分给窗口}}",
  poolAlt:
    "{inRows}×{inCols} 的输入{padded, select, yes {（含填充）} other {}}及其第一个 {k}×{k} 窗口（阴影）、误差项 δ 和输入的梯度，{pool, select, max {第一个 δ 落在该窗口的最大值上} other {第一个 δ 除以 {area} 后落在窗口的每个位置上}}；梯度左上角元素为 {value}。",
  stepTitle: "梯度下降一步，学习率 {rate}",
  stepAlt: "{kRows}×{kCols} 的卷积核 W 减去 {rate} 乘以梯度 ∂L/∂W，得到更新一步后的卷积核；其左上角元素为 {value}。",
} as const satisfies Catalogue<typeof en>;

export const gradientFigureCatalogues = { en, "zh-CN": zhCN } as const;
export const gradientFigureMessages = createTranslators(gradientFigureCatalogues);
