import { createTranslators } from "./catalogue";
import { en } from "./en";
import { zhCN } from "./zh-CN";

/** The problem templates' messages in both languages. */
export const problemCatalogues = { en, "zh-CN": zhCN } as const;

/** `problemMessages(lang)("convOutputSize.title")`. */
export const problemMessages = createTranslators(problemCatalogues);

export { type Catalogue, createTranslators } from "./catalogue";
