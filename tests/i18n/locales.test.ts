import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
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
