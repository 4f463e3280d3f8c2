import { createTranslators } from "../../problems";
import { en } from "./en";
import { zhCN } from "./zh-CN";

/** Grading messages in both languages. */
export const gradingCatalogues = { en, "zh-CN": zhCN } as const;

/** `gradingMessages(lang)("verdict.correct", { answer })`. */
export const gradingMessages = createTranslators(gradingCatalogues);
