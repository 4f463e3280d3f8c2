import type { Catalogue } from "./catalogue";
import type { en } from "./en";

/**
 * 题目模板的中文消息，术语依照《动手学深度学习》第二版（卷积核、填充、步幅、通道、输出形状）。
 * ICU 消息语法；LaTeX 与数字作为参数传入（见 `catalogue.ts`）。
 */
export const zhCN = {
  convOutputSize: {
    title: "卷积层的输出形状",
    prompt:
      "一个二维卷积层的输入形状为 {inputShape}（通道、高度、宽度；不含批量维度）。" +
      "它有 {filters} 个输出通道，每个输出通道对应一个卷积核。" +
      "卷积核大小：{kernel}；每侧填充：{padding}（上下、左右两侧都要填充）；步幅：{stride}。" +
      "{form, select, rect {成对的数按（高度，宽度）给出。} other {}}" +
      "\n\n输出形状是什么？请按通道、高度、宽度的顺序写出三个整数，例如 `C x H x W`。",
    solution:
      "在每侧填充 $p$、卷积核大小为 $k$、步幅为 $s$ 时，大小为 $n$ 的每个空间维度的输出大小为（⟦d2l.padding-stride⟧）" +
      "\n\n{formula}\n\n" +
      "- 高度：{heightWork}\n" +
      "- 宽度：{widthWork}\n" +
      "- 通道：{filters} 个卷积核各自对{channelCount, plural, =1 {唯一的输入通道} other {全部 {channelsIn} 个输入通道}}求和，各产生一个输出通道，所以 {channelsWork}。\n\n" +
      "输出形状为 {answer}。",
    mistakes: {
      forgotPlusOne: "看起来你漏掉了 $+1$：第一个窗口位置本身也要计数，所以窗口位置数比能容纳的步幅数多 1。",
      paddingOnce: "看起来你只加了一次填充。填充 $p$ 会加在每个维度的两侧，所以填充后的大小是 $n + 2p$。",
      ceilInsteadOfFloor: "看起来你向上取整了。超出填充后输入范围的窗口不会被使用，所以除以步幅后要向下取整。",
      strideIgnored: "看起来你忽略了步幅。步幅为 $s$ 时，窗口每次移动 $s$ 个位置，所以要先除以 $s$（向下取整）再加 1。",
      inputChannelsKept:
        "输出通道数等于卷积核的个数 {filters}，而不是输入通道数 {channelsIn}：每个卷积核对全部输入通道求和，只产生一个输出通道。",
    },
  },
} as const satisfies Catalogue<typeof en>;
