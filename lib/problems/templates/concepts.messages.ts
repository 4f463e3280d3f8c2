import { type Catalogue, createTranslators } from "../messages/catalogue";

/**
 * Messages of the concept templates (`concepts.ts`). The items' own texts live in
 * `lib/problems/concepts/`; they arrive here as arguments, with their LaTeX.
 */
const en = {
  title:
    "Concepts: {group, select, convolution {convolutional layers} modern {modern CNN architectures} other {training deep CNNs}} " +
    "({kind, select, choice {single choice} choices {multiple selection} other {true or false}})",
  prompt: {
    choice: "{question}\n\nAnswer with the letter of the one correct option.",
    choices: "{question}\n\nAnswer with the letters of every correct option, for example `A, C`.",
    boolean: "{question}\n\nAnswer `true` or `false`.",
    statement: {
      choice: "{question}\n\nTrue or false: “{option}” is the correct answer to this question.\n\nAnswer `true` or `false`.",
      choices: "{question}\n\nTrue or false: “{option}” is one of the correct answers to this question.\n\nAnswer `true` or `false`.",
    },
  },
  solution: {
    choice: "**Answer:** {option}\n\n{explanation}\n\n{source}",
    choices: "**Answer:**\n\n{options}\n\n{explanation}\n\n{source}",
    boolean: "**Answer:** {value, select, true {true} other {false}}.\n\n{explanation}\n\n{source}",
    statement: {
      choice:
        "**Answer:** {value, select, true {true} other {false}}. The correct answer to the question is “{key}”.\n\n{explanation}\n\n{source}",
      choices:
        "**Answer:** {value, select, true {true} other {false}}. The correct answers to the question are:\n\n{keys}\n\n{explanation}\n\n{source}",
      listedKey: "- {text}",
    },
    option: "{id}. {text}",
    listedOption: "- {id}. {text}",
    sourceBoth: "Source: {d2l} (Dive into Deep Learning, d2l.ai); {nndl} (Qiu Xipeng, Neural Networks and Deep Learning).",
    sourceD2l: "Source: {d2l} (Dive into Deep Learning, d2l.ai).",
    sourceNndl: "Source: {nndl} (Qiu Xipeng, Neural Networks and Deep Learning).",
  },
} as const;

const zhCN = {
  title:
    "概念题：{group, select, convolution {卷积层} modern {现代卷积神经网络} other {深度卷积网络的训练}}" +
    "（{kind, select, choice {单选} choices {多选} other {判断}}）",
  prompt: {
    choice: "{question}\n\n请回答唯一正确选项的字母。",
    choices: "{question}\n\n请回答所有正确选项的字母，例如 `A, C`。",
    boolean: "{question}\n\n请回答“对”或“错”。",
    statement: {
      choice: "{question}\n\n判断：“{option}”是这道题的正确答案。\n\n请回答“对”或“错”。",
      choices: "{question}\n\n判断：“{option}”是这道题的正确答案之一。\n\n请回答“对”或“错”。",
    },
  },
  solution: {
    choice: "**答案：**{option}\n\n{explanation}\n\n{source}",
    choices: "**答案：**\n\n{options}\n\n{explanation}\n\n{source}",
    boolean: "**答案：**{value, select, true {对} other {错}}。\n\n{explanation}\n\n{source}",
    statement: {
      choice: "**答案：**{value, select, true {对} other {错}}。这道题的正确答案是“{key}”。\n\n{explanation}\n\n{source}",
      choices: "**答案：**{value, select, true {对} other {错}}。这道题的正确答案是：\n\n{keys}\n\n{explanation}\n\n{source}",
      listedKey: "- {text}",
    },
    option: "{id}. {text}",
    listedOption: "- {id}. {text}",
    sourceBoth: "出处：{d2l}（《动手学深度学习》第二版）；{nndl}（邱锡鹏《神经网络与深度学习》）。",
    sourceD2l: "出处：{d2l}（《动手学深度学习》第二版）。",
    sourceNndl: "出处：{nndl}（邱锡鹏《神经网络与深度学习》）。",
  },
} as const satisfies Catalogue<typeof en>;

/** `conceptMessages(lang)("prompt.choice", { question })`. */
export const conceptMessages = createTranslators({ en, "zh-CN": zhCN });
export const conceptCatalogues = { en, "zh-CN": zhCN } as const;
