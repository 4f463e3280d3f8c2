import type { QuestionDefinition } from "@/lib/questions";

/**
 * Course questions with independently known keys, shared by the integration tests and the
 * browser journeys (which plant wrong keys in copies of them to test regrading).
 */

/** Pooling has no parameters (d2l zh 6.5 / en 7.5): a fixed multiple-choice question. */
export const poolingChoice: QuestionDefinition = {
  kind: "fixed",
  title: { en: "Parameters of max pooling", "zh-CN": "最大汇聚层的参数" },
  topic: "pooling",
  difficulty: "easy",
  prompt: { en: "How many trainable parameters does a $2 \\times 2$ max-pooling layer have?", "zh-CN": "一个 $2 \\times 2$ 最大汇聚层有多少个可训练参数？" },
  answer: {
    format: "choice",
    options: [
      { text: { en: "4" }, correct: false },
      { text: { en: "0" }, correct: true },
    ],
  },
  explanation: { en: "A pooling layer has no kernel to learn.", "zh-CN": "汇聚层没有要学习的卷积核。" },
};

/** The stride question's key: d2l 7.3's ⌊(n − k)/s⌋ + 1 with n = 8, k = 3. */
export const STRIDE_FORMULA = "floor((8 - 3) / s) + 1";

/**
 * Output width of a convolution by formula (d2l zh 6.3 / en 7.3): ⌊(n − k)/s⌋ + 1 with n = 8,
 * k = 3, so 6 for stride 1 and 3 for stride 2.
 */
export const strideQuestion: QuestionDefinition = {
  kind: "custom",
  title: { en: "Output width with a stride", "zh-CN": "带步幅的输出宽度" },
  topic: "conv-arithmetic",
  difficulty: "easy",
  prompt: { en: "Input width 8, kernel width 3, no padding, stride {{s}}: how wide is the output?", "zh-CN": "输入宽度 8，卷积核宽度 3，无填充，步幅 {{s}}：输出宽度是多少？" },
  variables: [{ name: "s", values: [1, 2] }],
  answer: { kind: "integer", formula: STRIDE_FORMULA },
  misconceptions: [{ id: "stride-ignored", formula: "8 - 3 + 1", message: { en: "You ignored the stride.", "zh-CN": "你忽略了步幅。" } }],
};

/**
 * The stride question's version 1 with a planted slip: the key forgets the "+ 1", so a right
 * answer is graded wrong (5 or 2 instead of 6 or 3) until a new version fixes it.
 */
export const strideQuestionPlantedWrong: QuestionDefinition = { ...strideQuestion, answer: { kind: "integer", formula: "floor((8 - 3) / s)" }, misconceptions: [] };

/** The stride a variant's prompt names ("…, stride 2: how wide…"). */
export const strideOf = (prompt: string) => Number(/stride (\d+)/.exec(prompt)?.[1]);
/** d2l 7.3: ⌊(8 − 3)/s⌋ + 1. */
export const rightWidth = (prompt: string) => Math.floor((8 - 3) / strideOf(prompt)) + 1;
/** The planted slip's answer: ⌊(8 − 3)/s⌋. */
export const plantedWidth = (prompt: string) => Math.floor((8 - 3) / strideOf(prompt));
