import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { createTranslator } from "use-intl";
import { messagesByLocale } from "@/lib/i18n/messages";

const { en, "zh-CN": zh } = messagesByLocale;

function keysOf(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe("localeFromAcceptLanguage", () => {
  it("reads any Chinese variant as zh-CN", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-TW")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh")).toBe("zh-CN");
  });

  it("follows the q weights, not the order", () => {
    expect(localeFromAcceptLanguage("en;q=0.5, zh-CN;q=0.9")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-CN;q=0.4, en-GB;q=0.8")).toBe("en");
  });

  it("falls back to English for other languages, q=0 and no header", () => {
    expect(localeFromAcceptLanguage("fr-FR, de;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("zh-CN;q=0")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
  });

  it("knows its own locales", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("zh")).toBe(false);
  });
});

describe("the interface's message catalogue", () => {
  it("has every English message in Chinese and no extra ones", () => {
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
  });

  it("has no empty message in either language", () => {
    for (const catalogue of [en, zh]) {
      for (const key of keysOf(catalogue)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      }
    }
  });
});

describe("counts in the interface's messages", () => {
  const t = createTranslator({ locale: "en", messages: en });
  const tz = createTranslator({ locale: "zh-CN", messages: zh });

  it("read in the singular for one and the plural for several, in English", () => {
    expect(t("settings.optimizer.notYet", { reviews: 1, needed: 400 })).toBe("You have 1 review; the optimizer needs 400.");
    expect(t("settings.optimizer.notYet", { reviews: 12, needed: 400 })).toBe("You have 12 reviews; the optimizer needs 400.");
    expect(t("settings.optimizer.ready", { reviews: 401 })).toBe("401 reviews: enough to optimise.");
    expect(t("review.newLimitReached", { count: 1, unstarted: 1 })).toBe("You have started your 1 new skill for today; 1 more is waiting for tomorrow.");
    expect(t("review.newLimitReached", { count: 10, unstarted: 3 })).toBe("You have started your 10 new skills for today; 3 more are waiting for tomorrow.");
    expect(t("review.walkthrough.lead", { lapses: 4 })).toMatch(/^You have forgotten this skill 4 times,/);
    expect(t("progress.masteryTooltip", { mastery: 0.5, mastered: 1, started: 1, total: 1 })).toBe("50% · 1 of 1 skill mastered, 1 started");
    expect(t("progress.masteryTooltip", { mastery: 0.5, mastered: 1, started: 2, total: 2 })).toBe("50% · 1 of 2 skills mastered, 2 started");
    expect(t("teach.banks.importedDraft", { title: "T", version: 2, failed: 1, checked: 1, message: "" }).trim()).toBe("T (version 2): 1 of 1 variant could not be built.");
  });

  it("read the same for one and several in Chinese, which has no plural", () => {
    expect(tz("settings.optimizer.notYet", { reviews: 1, needed: 400 })).toBe("你已有 1 次复习；优化需要 400 次。");
    expect(tz("review.newLimitReached", { count: 1, unstarted: 1 })).toBe("今天的 1 个新技能已经开始；还有 1 个留到明天。");
  });
});
