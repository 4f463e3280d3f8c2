import type { Catalogue } from "../../problems";
import type { en } from "./en";

/** CLI 人类可读输出的中文标签。ICU 语法。 */
export const zhCN = {
  sample: {
    heading: "{template} · 种子 {seed} · {topic}",
    answer: "答案：{answer}",
    solution: "解答：",
  },
  grade: {
    score: "得分：{score}（{verdict, select, correct {正确} other {不正确}}）",
    mistake: "错误类型：{mistake}",
    formatError: "未评分，格式错误：{message}",
  },
} as const satisfies Catalogue<typeof en>;
