import { describe, expect, it } from "vitest";
import { listTemplates, TOPICS, topicTitle } from "@/lib/problems";

describe("the topics of the catalog", () => {
  it("name every template's topic, and every topic has at least two templates (issue 5)", () => {
    const ids = TOPICS.map((topic) => topic.id);
    const used = listTemplates().map((template) => template.topic);
    expect(used.filter((topic) => !ids.includes(topic as never))).toEqual([]);
    for (const id of ids) expect(used.filter((topic) => topic === id).length, id).toBeGreaterThanOrEqual(2);
  });

  it("have names in both languages, the Chinese ones in the books' terms", () => {
    expect(topicTitle("pooling")).toEqual({ en: "Pooling", "zh-CN": "汇聚层（池化层）" });
    expect(topicTitle("batchnorm")["zh-CN"]).toMatch(/^批量规范化/);
    for (const topic of TOPICS) {
      expect(topic.title.en.trim()).not.toBe("");
      expect(topic.title["zh-CN"].trim()).not.toBe("");
    }
  });

  it("falls back to the id for a topic it does not know", () => {
    expect(topicTitle("retired-topic")).toEqual({ en: "retired-topic", "zh-CN": "retired-topic" });
  });
});
