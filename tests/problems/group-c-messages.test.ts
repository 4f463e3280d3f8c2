import { describe, expect, it } from "vitest";
import { type CatalogueTree, expectSameKeysAndArguments, flattenCatalogue } from "../support/catalogue-checks";
import { conceptCatalogues } from "@/lib/problems/templates/concepts.messages";
import { denseNetBlockChannelsCatalogues } from "@/lib/problems/templates/densenet-block-channels.messages";
import { denseNetTransitionCatalogues } from "@/lib/problems/templates/densenet-transition.messages";
import { inceptionOutputChannelsCatalogues } from "@/lib/problems/templates/inception-output-channels.messages";
import { inceptionParamsCatalogues } from "@/lib/problems/templates/inception-params.messages";
import { ninBlockShapeCatalogues } from "@/lib/problems/templates/nin-block-shape.messages";
import { ninGapVsDenseCatalogues } from "@/lib/problems/templates/nin-gap-vs-dense.messages";
import { textCnnConv1dLengthCatalogues } from "@/lib/problems/templates/textcnn-conv1d-length.messages";
import { textCnnFeaturesCatalogues } from "@/lib/problems/templates/textcnn-features.messages";

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
  const en = flattenCatalogue(catalogues.en as CatalogueTree);
  const zh = flattenCatalogue(catalogues["zh-CN"] as CatalogueTree);

  it("has the same keys and ICU arguments in both languages", () => {
    expectSameKeysAndArguments(en, zh);
  });

  it("keeps LaTeX commands with braces out of the messages, and writes Chinese in Chinese", () => {
    for (const message of [...en.values(), ...zh.values()]) expect(message).not.toMatch(/\\[a-z]+\{/);
    for (const [key, message] of zh) if (message.length > 30) expect(message, key).toMatch(/[\u4e00-\u9fff]/);
  });
});
