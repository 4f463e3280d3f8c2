import { expect } from "vitest";

/** A message catalogue: nested keys, strings at the leaves. */
export type CatalogueTree = { readonly [key: string]: string | CatalogueTree };

/** Every message by its dotted key. */
export function flattenCatalogue(tree: CatalogueTree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flattenCatalogue(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** ICU argument names: `{` at even depth opens an argument, at odd depth a plural or select branch's text. */
export function argumentNames(message: string): string[] {
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

/** The same keys and the same ICU arguments in both languages. */
export function expectSameKeysAndArguments(en: Map<string, string>, zh: Map<string, string>): void {
  expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  for (const [key, message] of en) expect(argumentNames(zh.get(key) ?? ""), key).toEqual(argumentNames(message));
}
