import type { Catalogue } from "../../problems";
import type { en } from "./en";

/** 中文评分消息：判定与格式错误，适用于所有模板。ICU 语法。 */
export const zhCN = {
  verdict: {
    correct: "正确：答案是 {answer}。",
    partial: "部分正确：{total} 个维度中有 {right, plural, other {#}} 个正确。答案是 {answer}。",
    wrong: "不对。答案是 {answer}。",
  },
  format: {
    expectedShape: "请输入 {rank} 个整数，用 x、逗号或空格分隔，例如 {example}。",
    empty: "答案为空。{expected}",
    tooLong: "答案超过了 {max} 个字符。{expected}",
    wrongRank: "形状应有 {rank} 个维度，但答案有 {given} 个。{expected}",
    notInteger: "“{token}”不是整数。{expected}",
  },
} as const satisfies Catalogue<typeof en>;
