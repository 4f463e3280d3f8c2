import type { Bank } from "@/lib/questions";
import { convBlockQuestion, fixedChoice, outputSizeQuestion } from "./fixtures";

/** A bank with one question of each kind, a draft version before a published one, and GIFT's special characters. */
export function demoBank(): Bank {
  return {
    title: "CNN basics: {week 1}",
    questions: [
      {
        key: "conv-block",
        versions: [
          { version: 1, published: false, definition: convBlockQuestion({ misconceptions: undefined }) },
          { version: 2, published: true, definition: convBlockQuestion() },
        ],
      },
      {
        key: "output-size",
        versions: [
          {
            version: 1,
            published: true,
            definition: {
              ...outputSizeQuestion,
              variables: [
                { name: "n", values: [28, 32] },
                { name: "k", values: [3] },
                { name: "p", values: [1] },
                { name: "s", min: 1, max: 2 },
              ],
            },
          },
        ],
      },
      { key: "pool-params", versions: [{ version: 1, published: true, definition: fixedChoice }] },
      {
        key: "hyperparameters",
        versions: [
          {
            version: 1,
            published: true,
            definition: {
              kind: "fixed",
              title: { en: "Which are hyperparameters? a=b" },
              topic: "conv-arithmetic",
              difficulty: "easy",
              prompt: { en: "Pick every hyperparameter of a conv layer: ~ = # { } : all appear here.", "zh-CN": "选出卷积层的所有超参数。" },
              answer: {
                format: "choices",
                options: [
                  { text: { en: "padding", "zh-CN": "填充" }, correct: true },
                  { text: { en: "the bias b", "zh-CN": "偏置 b" }, correct: false },
                  { text: { en: "stride", "zh-CN": "步幅" }, correct: true },
                ],
              },
              explanation: { en: "Padding and stride are chosen; the bias is learned.", "zh-CN": "填充和步幅是选定的；偏置是学习得到的。" },
            },
          },
        ],
      },
      {
        key: "pool-is-linear",
        versions: [
          {
            version: 1,
            published: true,
            definition: {
              kind: "fixed",
              title: { en: "Max pooling is linear" },
              topic: "pooling",
              difficulty: "easy",
              prompt: { en: "Max pooling is a linear map." },
              answer: { format: "boolean", value: false },
              explanation: { en: "max(a, b) is not linear." },
            },
          },
        ],
      },
      { key: "never-published", versions: [{ version: 1, published: false, definition: fixedChoice }] },
    ],
  };
}
