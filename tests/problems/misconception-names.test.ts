import { describe, expect, it } from "vitest";
import { listTemplates, misconceptionLabel, misconceptionName, requireTemplate } from "@/lib/problems";

describe("misconception names", () => {
  // Every template × 200 seeds: about 4 s alone, so a loaded machine gets a minute.
  it("name every misconception any template records, in both languages, never as the raw id", { timeout: 60_000 }, () => {
    const missing: string[] = [];
    for (const { template } of listTemplates()) {
      // Some rules apply to some variants only; 200 seeds meet every rule of the catalogue.
      for (let seed = 0; seed < 200; seed += 1) {
        for (const { id } of requireTemplate(template).misconceptions(seed)) {
          const name = misconceptionName(id);
          if (!name || !name.en || !name["zh-CN"] || name.en === id || name["zh-CN"] === id) missing.push(`${template}: ${id}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it("labels the issue's examples in the reader's language", () => {
    expect(misconceptionLabel("kernel-not-flipped", "en")).toBe("Did not flip the kernel");
    expect(misconceptionLabel("kernel-not-flipped", "zh-CN")).toBe("没有翻转卷积核");
    expect(misconceptionLabel("forgot-plus-one", "zh-CN")).toBe("漏掉了 +1");
  });

  it("keeps a course author's own rule id, which only the catalogue cannot name", () => {
    expect(misconceptionName("rule-1")).toBeNull();
    expect(misconceptionName("toString")).toBeNull();
    expect(misconceptionLabel("my-own-rule", "zh-CN")).toBe("my-own-rule");
  });
});
