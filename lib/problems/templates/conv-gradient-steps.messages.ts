import { type Catalogue, createTranslators } from "../messages";

/** The fold of a long list of gradient entries (`gradientSteps`); terms as NNDL 5.3 (梯度). */
const en = {
  firstEntry: "The first entry, at the top left:",
  otherEntries: "The other {count, plural, one {entry is} other {# entries are}} summed the same way.",
  foldLabel: "All {count} entries, step by step",
} as const;

const zhCN = {
  firstEntry: "第一个元素，位于左上角：",
  otherEntries: "其余 {count} 个元素按同样的方法求和。",
  foldLabel: "全部 {count} 个元素的逐步计算",
} as const satisfies Catalogue<typeof en>;

export const convGradientStepsCatalogues = { en, "zh-CN": zhCN } as const;
export const convGradientStepsMessages = createTranslators(convGradientStepsCatalogues);
