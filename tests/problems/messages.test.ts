import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradingCatalogues } from "@/lib/grading/messages";
import { problemCatalogues } from "@/lib/problems/messages";
import { resolveCitations } from "@/lib/problems/sources";
import { argumentNames, type CatalogueTree, expectSameKeysAndArguments, flattenCatalogue as flatten } from "../support/catalogue-checks";

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

/** Every template's own catalogue (`templates/*.messages.ts`, each exporting `…Catalogues`). */
const TEMPLATES_DIR = fileURLToPath(new URL("../../lib/problems/templates/", import.meta.url));
const templateCatalogues: [string, { en: CatalogueTree; "zh-CN": CatalogueTree }][] = [];
for (const file of readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith(".messages.ts")).sort()) {
  const exported = (await import(`${TEMPLATES_DIR}${file}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exported)) {
    if (name.endsWith("Catalogues")) templateCatalogues.push([name, value as { en: CatalogueTree; "zh-CN": CatalogueTree }]);
  }
}

describe.each(templateCatalogues)("the template catalogue %s", (_name, catalogues) => {
  it("has the same keys and ICU arguments in both languages, Chinese written in Chinese", () => {
    const en = flatten(catalogues.en);
    const zh = flatten(catalogues["zh-CN"]);
    expectSameKeysAndArguments(en, zh);
    // A citation (`⟦d2l.lenet⟧`) is written in Chinese when the text is read: resolve it first.
    for (const [key, message] of zh) if (message.length > 30) expect(resolveCitations(message, "zh-CN"), key).toMatch(/[\u4e00-\u9fff]/);
  });
});
