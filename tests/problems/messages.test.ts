import { describe, expect, it } from "vitest";
import { gradingCatalogues } from "@/lib/grading/messages";
import { problemCatalogues } from "@/lib/problems/messages";

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/**
 * The ICU argument names of a message, nested ones included. In ICU, `{` at even depth opens an
 * argument (`{name}`, `{name, plural, …}`), at odd depth a plural or select branch's text.
 */
function argumentNames(message: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (let index = 0; index < message.length; index += 1) {
    const char = message[index];
    if (char === "{") {
      if (depth % 2 === 0) names.push(/^\s*(\w+)/.exec(message.slice(index + 1))?.[1] ?? "");
      depth += 1;
    } else if (char === "}") depth -= 1;
  }
  expect(depth, message).toBe(0);
  return [...new Set(names)].sort();
}

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
