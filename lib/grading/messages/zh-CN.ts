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
    specCorrect: "正确：你的网络满足全部 {total, plural, other {#}} 项约束。",
    specPartial: "不完全对：你的网络满足 {total} 项约束中的 {met} 项。",
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
    expectedSpec: "请用表单逐层搭建网络，或用 JSON 写出网络：一个含层列表的对象，例如 {example}；输入形状可以省略。",
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
    nulByte: "答案含有 NUL 字符（\\u0000），网络描述中不能有它。{expected}",
    notJson: "答案不是有效的 JSON{position, select, none {} other {（第一个问题在第 {position} 个字符处）}}。{expected}",
    notSpec: "这段 JSON 既不是对象，也不是层的列表。{expected}",
    noLayers: "网络描述需要一个非空的层列表 “layers”。{expected}",
    tooDeep: "网络描述中列表和对象的嵌套超过了 {max} 层。{expected}",
    tooManyLayers: "网络有 {given} 层，最多只接受 {max} 层。{expected}",
    layerNotObject: "第 {path} 层不是对象，应写成例如 {example} 的形式。{expected}",
    layerNoType: "第 {path} 层没有 “type”（例如 “conv2d” 或 “maxpool2d”）。{expected}",
    engineRefused: "引擎无法构建这个网络：{message}",
  },
} as const satisfies Catalogue<typeof en>;
