import { createTranslators } from "../../problems";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export const cliCatalogues = { en, "zh-CN": zhCN } as const;

/** Labels of the human-readable output, in the language asked for with `--lang`. */
export const cliMessages = createTranslators(cliCatalogues);
