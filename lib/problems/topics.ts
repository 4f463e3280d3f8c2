import type { Localized } from "./types";

/**
 * The topics of the catalog, in the order the chapters teach them (d2l zh ch. 6–7 / en ch. 7–8,
 * NNDL ch. 5), with their names as the interface shows them. Every template's `topic` is one of
 * these ids (a test checks it).
 */
export const TOPICS = [
  { id: "conv-arithmetic", title: { en: "Output sizes", "zh-CN": "输出形状（填充和步幅）" } },
  { id: "cross-correlation", title: { en: "Cross-correlation", "zh-CN": "互相关运算" } },
  { id: "parameters", title: { en: "Parameter counts", "zh-CN": "参数量" } },
  { id: "pooling", title: { en: "Pooling", "zh-CN": "汇聚层（池化层）" } },
  { id: "channels", title: { en: "Channels", "zh-CN": "多输入多输出通道" } },
  { id: "receptive-field", title: { en: "Receptive fields", "zh-CN": "感受野" } },
  { id: "transposed-conv", title: { en: "Transposed convolution", "zh-CN": "转置卷积" } },
  { id: "dilated-conv", title: { en: "Dilated convolution", "zh-CN": "空洞卷积" } },
  { id: "architectures", title: { en: "Classic architectures", "zh-CN": "经典卷积网络" } },
  { id: "batchnorm", title: { en: "Batch normalization", "zh-CN": "批量规范化（批量归一化）" } },
  { id: "residual", title: { en: "Residual blocks", "zh-CN": "残差块" } },
  { id: "dense-connections", title: { en: "Dense blocks", "zh-CN": "稠密块" } },
  { id: "inception", title: { en: "Inception blocks", "zh-CN": "Inception块" } },
  { id: "nin", title: { en: "Network in network", "zh-CN": "网络中的网络（NiN）" } },
  { id: "text-cnn", title: { en: "TextCNN", "zh-CN": "textCNN" } },
  { id: "gradients", title: { en: "Gradients (backpropagation)", "zh-CN": "卷积网络的梯度（反向传播）" } },
  { id: "cost", title: { en: "Compute and memory cost", "zh-CN": "计算量与内存" } },
  { id: "design", title: { en: "Design a network", "zh-CN": "设计网络" } },
  { id: "concepts", title: { en: "Concepts", "zh-CN": "概念" } },
] as const satisfies readonly { id: string; title: Localized }[];

export type TopicId = (typeof TOPICS)[number]["id"];

/** The topic's name, or its id for a topic this list does not know (a card outliving its topic). */
export function topicTitle(id: string): Localized {
  return TOPICS.find((topic) => topic.id === id)?.title ?? { en: id, "zh-CN": id };
}
