import { type Catalogue, createTranslators } from "../messages";

/**
 * How the cost templates name a layer and state their conventions; terms as d2l 6.4 zh / NNDL 5
 * (卷积核, 输出通道, 步幅, 填充, 偏置, 乘加运算, 分组卷积).
 */
const en = {
  conv: "a {kernel} convolution with {filters} output channels, stride {stride}, padding {padding}{bias, select, no {, without bias} other {, with bias}}",
  grouped:
    "a {kernel} convolution with {filters} output channels in {groups} groups, stride {stride}, padding {padding}{bias, select, no {, without bias} other {, with bias}}",
  relu: "ReLU",
  maxpool: "{kernel} max pooling with stride {stride}",
  flatten: "flatten",
  dense: "a fully connected layer with {units} outputs (with bias)",
  macsConvention:
    "One multiply–accumulate (MAC) is one product of a weight and an input value added to a sum; padded zeros count as inputs, and biases, activations and pooling count no MACs. One MAC is two floating-point operations (FLOPs): FLOPs = 2 · MACs.",
} as const;

const zhCN = {
  conv: "{kernel} 卷积，{filters} 个输出通道，步幅 {stride}，填充 {padding}{bias, select, no {，无偏置} other {，有偏置}}",
  grouped: "{kernel} 卷积，{filters} 个输出通道，分为 {groups} 组（分组卷积），步幅 {stride}，填充 {padding}{bias, select, no {，无偏置} other {，有偏置}}",
  relu: "ReLU",
  maxpool: "{kernel} 最大汇聚，步幅 {stride}",
  flatten: "展平",
  dense: "全连接层，{units} 个输出（有偏置）",
  macsConvention:
    "一次乘加运算（MAC）是一个权重与一个输入值相乘再累加到和里；填充的零也算作输入，偏置、激活函数和汇聚层不计乘加运算。一次乘加运算算作两次浮点运算（FLOPs）：FLOPs = 2 · MACs。",
} as const satisfies Catalogue<typeof en>;

export const costLayersCatalogues = { en, "zh-CN": zhCN } as const;
export const costLayersMessages = createTranslators(costLayersCatalogues);
