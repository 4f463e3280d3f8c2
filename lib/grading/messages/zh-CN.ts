import type { Catalogue } from "../../problems";
import type { en } from "./en";

/** 中文评分消息：判定与格式错误，适用于所有模板。ICU 语法。 */
export const zhCN = {
  verdict: {
    correct: "正确：答案是 {answer}。",
    partial: "部分正确：{total} 个维度中有 {right, plural, other {#}} 个正确。答案是 {answer}。",
    partialEntries: "部分正确：{total} 个元素中有 {right, plural, other {#}} 个正确。答案是 {answer}。",
    partialOptions:
      "部分正确：{total} 个正确选项中选对了 {right} 个{extra, plural, =0 {} other {，另外选错了 # 个}}。答案是 {answer}。",
    wrong: "不对。答案是 {answer}。",
  },
  value: {
    true: "对（正确）",
    false: "错（错误）",
  },
  format: {
    expectedShape: "请输入 {rank} 个整数，用 x、逗号或空格分隔，例如 {example}。",
    expectedInteger: "请输入一个整数，例如 {examples}。",
    expectedNumber: "请输入一个数，例如 {examples}。",
    expectedMatrix:
      "请输入 {rows} 行、每行 {cols} 个数：行之间用“;”或换行分隔，数之间用逗号或空格分隔，例如 {example}，也可以用 JSON，例如 {json}。",
    expectedChoice: "请输入一个选项的字母（{letters}）或该选项的内容。",
    expectedChoices: "请输入所有符合的选项的字母，顺序不限，例如 {example}。选项有 {letters}。",
    expectedBoolean: "请输入“对”或“错”（也可以用 是/否、true/false、T/F）。",
    empty: "答案为空。{expected}",
    tooLong: "答案超过了 {max} 个字符。{expected}",
    wrongRank: "形状应有 {rank} 个维度，但答案有 {given} 个。{expected}",
    notInteger: "“{token}”不是整数。{expected}",
    notWhole: "答案是 {value}，但这里要求整数。{expected}",
    notAllowed: "不接受“{token}”：只能使用数字、运算符 + − * / ^、括号和 sqrt( )。{expected}",
    unreadable: "无法把“{token}”读成一个数。{expected}",
    notFinite: "答案算出来不是有限的数。{expected}",
    entryNotNumber: "“{token}”不是数。{expected}",
    wrongDimensions: "矩阵应为 {rows}×{cols}，但答案是 {givenRows}×{givenCols}。{expected}",
    ragged: "各行的长度不同（{lengths}）。{expected}",
    noSuchOption: "“{token}”与任何选项都不对应。{expected}",
    severalOptions: "只能选一个选项，但答案给出了 {count} 个。{expected}",
    notBoolean: "“{token}”既不是“对”也不是“错”。{expected}",
  },
} as const satisfies Catalogue<typeof en>;
