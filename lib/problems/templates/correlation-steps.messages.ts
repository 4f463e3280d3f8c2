import { type Catalogue, createTranslators } from "../messages";

/** The fold of a long list of windows (`correlationSteps`); terms as d2l 6.2 (窗口, 输出). */
const en = {
  firstWindow: "The first window, at the top left:",
  otherWindows:
    "The other {count, plural, one {window is} other {# windows are}} computed the same way, each moved by the stride; the figure shows where each one lies.",
  foldLabel: "All {count} windows, step by step",
} as const;

const zhCN = {
  firstWindow: "第一个窗口，位于左上角：",
  otherWindows: "其余 {count} 个窗口按同样的方法计算，每次按步幅移动；图中标出了每个窗口的位置。",
  foldLabel: "全部 {count} 个窗口的逐步计算",
} as const satisfies Catalogue<typeof en>;

export const correlationStepsCatalogues = { en, "zh-CN": zhCN } as const;
export const correlationStepsMessages = createTranslators(correlationStepsCatalogues);
