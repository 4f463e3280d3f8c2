import { describe, expect, it } from "vitest";
import { conceptCatalogues } from "@/lib/problems/templates/concepts.messages";
import { denseNetBlockChannelsCatalogues } from "@/lib/problems/templates/densenet-block-channels.messages";
import { denseNetTransitionCatalogues } from "@/lib/problems/templates/densenet-transition.messages";
import { inceptionOutputChannelsCatalogues } from "@/lib/problems/templates/inception-output-channels.messages";
import { inceptionParamsCatalogues } from "@/lib/problems/templates/inception-params.messages";
import { ninBlockShapeCatalogues } from "@/lib/problems/templates/nin-block-shape.messages";
import { ninGapVsDenseCatalogues } from "@/lib/problems/templates/nin-gap-vs-dense.messages";
import { textCnnConv1dLengthCatalogues } from "@/lib/problems/templates/textcnn-conv1d-length.messages";
import { textCnnFeaturesCatalogues } from "@/lib/problems/templates/textcnn-features.messages";

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

/** ICU argument names: `{` at even depth opens an argument, at odd depth a plural or select branch's text. */
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
  ["concepts", conceptCatalogues],
  ["densenet.block-channels", denseNetBlockChannelsCatalogues],
  ["densenet.transition", denseNetTransitionCatalogues],
  ["inception.output-channels", inceptionOutputChannelsCatalogues],
  ["inception.params", inceptionParamsCatalogues],
  ["nin.block-shape", ninBlockShapeCatalogues],
  ["nin.gap-vs-dense", ninGapVsDenseCatalogues],
  ["textcnn.conv1d-length", textCnnConv1dLengthCatalogues],
  ["textcnn.features", textCnnFeaturesCatalogues],
])("the %s message catalogue", (_name, catalogues) => {
  const en = flatten(catalogues.en as Tree);
  const zh = flatten(catalogues["zh-CN"] as Tree);

  it("has the same keys and ICU arguments in both languages", () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, message] of en) expect(argumentNames(zh.get(key) ?? ""), key).toEqual(argumentNames(message));
  });

  it("keeps LaTeX commands with braces out of the messages, and writes Chinese in Chinese", () => {
    for (const message of [...en.values(), ...zh.values()]) expect(message).not.toMatch(/\\[a-z]+\{/);
    for (const [key, message] of zh) if (message.length > 30) expect(message, key).toMatch(/[\u4e00-\u9fff]/);
  });
});
