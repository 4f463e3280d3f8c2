import type { QuestionDefinition } from "@/lib/questions";

/** The demo bank: one question of each kind, as an instructor would write them. */
export const DEMO_QUESTIONS: QuestionDefinition[] = [
  {
    kind: "builtin",
    title: { en: "Output shape with stride 2", "zh-CN": "步幅为 2 时的输出形状" },
    template: "conv.output-size",
    constraints: [
      { path: "spec.layers.0.stride", in: [2] },
      { path: "spec.layers.0.kernel", min: 3, max: 5 },
    ],
  },
  {
    kind: "custom",
    title: { en: "Parameters of a convolutional layer", "zh-CN": "卷积层的参数个数" },
    topic: "parameters",
    difficulty: "medium",
    prompt: {
      en: "A convolutional layer takes $c_i = {{c}}$ input channels to $c_o = {{f}}$ output channels with ${{k}} \\times {{k}}$ kernels and a bias. How many trainable parameters does it have?",
      "zh-CN": "一个卷积层把 $c_i = {{c}}$ 个输入通道变为 $c_o = {{f}}$ 个输出通道，卷积核为 ${{k}} \\times {{k}}$，带偏置。它有多少个可训练参数？",
    },
    variables: [
      { name: "c", values: [1, 3, 16] },
      { name: "f", values: [8, 16, 32] },
      { name: "k", min: 3, max: 5 },
    ],
    answer: {
      kind: "integer",
      engine: { mode: "analyze", spec: { input: ["{{c}}", 32, 32], layers: [{ type: "conv2d", filters: "{{f}}", kernel: "{{k}}" }] }, select: "totalParams" },
    },
    solution: {
      en: "Each of the ${{f}}$ kernels has $c_i \\cdot k \\cdot k = {{c}} \\cdot {{k}} \\cdot {{k}}$ weights, plus one bias per output channel: ${{f}} \\cdot {{c}} \\cdot {{k}}^2 + {{f}} = {{answer}}$ (d2l 6.4, Multiple Input and Multiple Output Channels).",
      "zh-CN": "${{f}}$ 个卷积核各有 $c_i \\cdot k \\cdot k = {{c}} \\cdot {{k}} \\cdot {{k}}$ 个权重，每个输出通道另有一个偏置：${{f}} \\cdot {{c}} \\cdot {{k}}^2 + {{f}} = {{answer}}$（《动手学深度学习》6.4 节，多输入多输出通道）。",
    },
    misconceptions: [
      { id: "forgot-bias", formula: "f * c * k * k", message: { en: "You left out the biases: one per output channel.", "zh-CN": "你漏掉了偏置：每个输出通道一个。" } },
      { id: "input-channels-ignored", formula: "f * k * k + f", message: { en: "Each kernel spans every input channel: multiply by $c_i$.", "zh-CN": "每个卷积核覆盖所有输入通道：要乘以 $c_i$。" } },
    ],
  },
  {
    kind: "fixed",
    title: { en: "Parameters of a pooling layer", "zh-CN": "汇聚层的参数" },
    topic: "pooling",
    difficulty: "easy",
    prompt: { en: "How many trainable parameters does a $2 \\times 2$ max-pooling layer on 64 channels have?", "zh-CN": "作用于 64 个通道的 $2 \\times 2$ 最大汇聚层有多少个可训练参数？" },
    answer: {
      format: "choice",
      options: [
        { text: { en: "0", "zh-CN": "0" }, correct: true },
        { text: { en: "4", "zh-CN": "4" }, correct: false },
        { text: { en: "256", "zh-CN": "256" }, correct: false },
        { text: { en: "4 per channel plus a bias", "zh-CN": "每个通道 4 个，另加一个偏置" }, correct: false },
      ],
    },
    explanation: {
      en: "A pooling layer computes a fixed function of each window (its maximum) and has nothing to learn; it also keeps the number of channels (d2l 6.5).",
      "zh-CN": "汇聚层对每个窗口计算固定的函数（最大值），没有要学习的参数；它也不改变通道数（《动手学深度学习》6.5 节）。",
    },
  },
];
