import { describe, expect, it } from "vitest";
import { gradingCatalogues } from "@/lib/grading/messages";
import { problemCatalogues } from "@/lib/problems/messages";
import { argumentNames, flattenCatalogue as flatten } from "../support/catalogue-checks";

describe.each([
  ["problems", problemCatalogues],
  ["grading", gradingCatalogues],
])("the %s message catalogues", (_name, catalogues) => {
  const en = flatten(catalogues.en);
  const zh = flatten(catalogues["zh-CN"]);

  it("have the same keys in both languages", () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("use the same ICU arguments in both languages", () => {
    for (const [key, message] of en) {
      expect(argumentNames(zh.get(key) ?? ""), key).toEqual(argumentNames(message));
    }
  });

  it("keep LaTeX out of the messages: its braces would read as ICU arguments", () => {
    for (const message of [...en.values(), ...zh.values()]) expect(message).not.toMatch(/\\[a-z]+\{/);
  });
});
