import type { CustomQuestion, QuestionDefinition } from "@/lib/questions";

/**
 * A conv block whose parameter count is asked, keyed by the engine: one 2-D convolution with a
 * k×k kernel from c_in to c channels, padding (k−1)/2 so the size is kept. By hand (d2l zh 6.4 /
 * en 7.4, multiple input and output channels): c·(c_in·k·k) weights plus c biases.
 */
export function convBlockQuestion(overrides: Partial<CustomQuestion> = {}): CustomQuestion {
  return {
    kind: "custom",
    title: { en: "Parameters of a conv block", "zh-CN": "卷积块的参数量" },
    topic: "parameters",
    difficulty: "medium",
    prompt: {
      en: "A convolutional layer maps $[{{c_in}}, 32, 32]$ to {{c}} output channels with a ${{k}} \\times {{k}}$ kernel and padding {{p}}. How many trainable parameters does it have?",
      "zh-CN": "一个卷积层把 $[{{c_in}}, 32, 32]$ 映射到 {{c}} 个输出通道，卷积核为 ${{k}} \\times {{k}}$，填充为 {{p}}。它有多少个可训练参数？",
    },
    variables: [
      { name: "k", min: 3, max: 5 },
      { name: "c", values: [16, 32] },
      { name: "c_in", values: [3] },
    ],
    derived: [{ name: "p", formula: "floor((k - 1) / 2)" }],
    answer: {
      kind: "integer",
      engine: {
        mode: "analyze",
        spec: { input: ["{{c_in}}", 32, 32], layers: [{ type: "conv2d", filters: "{{c}}", kernel: "{{k}}", padding: "{{p}}" }] },
        select: "totalParams",
      },
    },
    solution: { en: "${{c}} \\cdot ({{c_in}} \\cdot {{k}}^2) + {{c}} = {{answer}}$" },
    misconceptions: [{ id: "forgot-bias", formula: "answer - c", message: { en: "You left out the {{c}} biases.", "zh-CN": "你漏掉了 {{c}} 个偏置。" } }],
    ...overrides,
  };
}

/** The output size by formula (d2l zh 6.3 / en 7.3): floor((n + 2p − k)/s) + 1, times c channels. */
export const outputSizeQuestion: CustomQuestion = {
  kind: "custom",
  title: { en: "Output size" },
  topic: "conv-arithmetic",
  difficulty: "easy",
  prompt: { en: "Input {{n}}×{{n}}, kernel {{k}}, padding {{p}}, stride {{s}}: how many outputs per channel row?" },
  variables: [
    { name: "n", values: [32] },
    { name: "k", values: [3] },
    { name: "p", values: [1] },
    { name: "s", values: [2] },
  ],
  derived: [{ name: "out", formula: "floor((n + 2*p - k) / s) + 1" }],
  answer: { kind: "integer", formula: "out" },
  solution: { en: "$\\lfloor ({{n}} + 2 \\cdot {{p}} - {{k}})/{{s}} \\rfloor + 1 = {{out}}$" },
};

export const fixedChoice: QuestionDefinition = {
  kind: "fixed",
  title: { en: "Pooling has parameters?", "zh-CN": "汇聚层有参数吗？" },
  topic: "pooling",
  difficulty: "easy",
  prompt: { en: "How many trainable parameters does a $2 \\times 2$ max-pooling layer have?", "zh-CN": "一个 $2 \\times 2$ 最大汇聚层有多少个可训练参数？" },
  answer: {
    format: "choice",
    options: [
      { text: { en: "4" }, correct: false },
      { text: { en: "0", "zh-CN": "0 个" }, correct: true },
      { text: { en: "1" }, correct: false },
    ],
  },
  explanation: { en: "Pooling has no kernel to learn (d2l 6.5).", "zh-CN": "汇聚层没有要学习的卷积核（d2l 6.5）。" },
};
