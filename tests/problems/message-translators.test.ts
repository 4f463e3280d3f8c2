import { describe, expect, it } from "vitest";
import { createTranslators } from "@/lib/problems";

const en = {
  items: "{n, plural, one {# kernel} other {# kernels}}",
  shape: "Output {c} × {h} × {w}, stride {s, number}",
  plain: "No arguments here",
} as const;
const zh = {
  items: "{n, plural, one {# kernel} other {# kernels}}",
  shape: "输出 {c} × {h} × {w}，步幅 {s, number}",
  plain: "这里没有参数",
};

describe("createTranslators (each message compiled once per language)", () => {
  const messages = createTranslators({ en, "zh-CN": zh });

  it("formats a message again with new values, never the first call's", () => {
    const t = messages("en");
    expect(t("shape", { c: "16", h: "15", w: "15", s: 2 })).toBe("Output 16 × 15 × 15, stride 2");
    expect(t("shape", { c: "3", h: "224", w: "224", s: 1 })).toBe("Output 3 × 224 × 224, stride 1");
    expect(t("shape", { c: "16", h: "15", w: "15", s: 12_345 })).toBe("Output 16 × 15 × 15, stride 12,345");
    expect(t("plain")).toBe("No arguments here");
  });

  it("keeps each language's compiled messages apart: the same text follows its own locale's plural rules", () => {
    // English has a "one" form; Chinese has only "other". The text is identical in both catalogues.
    expect(messages("en")("items", { n: 1 })).toBe("1 kernel");
    expect(messages("zh-CN")("items", { n: 1 })).toBe("1 kernels");
    expect(messages("en")("items", { n: 1 })).toBe("1 kernel");
    expect(messages("zh-CN")("shape", { c: "1", h: "2", w: "3", s: 4 })).toBe("输出 1 × 2 × 3，步幅 4");
  });

  it("still throws on a missing argument (a message with a hole is our bug)", () => {
    expect(() => (messages("en") as unknown as (key: string, values: object) => string)("shape", { c: "1" })).toThrow();
  });
});
