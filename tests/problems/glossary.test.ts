import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradingCatalogues } from "@/lib/grading/messages";
import { messagesByLocale } from "@/lib/i18n/messages";
import { CONCEPT_GROUPS, type ConceptItem, conceptItems } from "@/lib/problems/concepts";
import { type GlossaryKey, type GlossaryTerm, glossary, glossaryTopics } from "@/lib/problems/glossary";
import { figureLabels } from "@/lib/problems/figures/figure-labels";
import { figureCatalogues } from "@/lib/problems/figures/figure.messages";
import { problemCatalogues } from "@/lib/problems/messages";
import { misconceptionNameCatalogues } from "@/lib/problems/misconception-names.messages";
import { type CatalogueTree, flattenCatalogue } from "../support/catalogue-checks";

/** One text a person reads, with where it comes from. */
interface Text {
  source: string;
  lang: "en" | "zh-CN";
  text: string;
}

const TEMPLATES_DIR = fileURLToPath(new URL("../../lib/problems/templates/", import.meta.url));

/** Every `*Catalogues` export of every `*.messages.ts` beside the templates, by export name. */
const templateCatalogues = new Map<string, { en: CatalogueTree; "zh-CN": CatalogueTree }>();
const MESSAGE_FILES = readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith(".messages.ts")).sort();
for (const file of MESSAGE_FILES) {
  const exported = (await import(`${TEMPLATES_DIR}${file}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exported)) {
    if (name.endsWith("Catalogues")) templateCatalogues.set(name, value as { en: CatalogueTree; "zh-CN": CatalogueTree });
  }
}

function catalogueTexts(name: string, catalogues: { en: CatalogueTree; "zh-CN": CatalogueTree }): Text[] {
  return (["en", "zh-CN"] as const).flatMap((lang) =>
    [...flattenCatalogue(catalogues[lang]).entries()].map(([key, text]) => ({ source: `${name} ${lang} ${key}`, lang, text })),
  );
}

function conceptTexts(item: ConceptItem): Text[] {
  const localized = [
    item.question,
    item.explanation,
    ...(item.kind === "boolean" ? [item.misconception?.feedback] : item.options.flatMap((o) => [o.text, o.misconception?.feedback])),
  ];
  return localized.flatMap((text) =>
    text ? (["en", "zh-CN"] as const).map((lang) => ({ source: `concept ${item.id} ${lang}`, lang, text: text[lang] })) : [],
  );
}

const ALL_ITEMS: ConceptItem[] = CONCEPT_GROUPS.flatMap((group) => [...conceptItems[group]]);

const ALL_TEXTS: Text[] = [
  ...[...templateCatalogues].flatMap(([name, catalogues]) => catalogueTexts(name, catalogues)),
  ...catalogueTexts("problemCatalogues", problemCatalogues as unknown as { en: CatalogueTree; "zh-CN": CatalogueTree }),
  ...catalogueTexts("gradingCatalogues", gradingCatalogues as unknown as { en: CatalogueTree; "zh-CN": CatalogueTree }),
  ...catalogueTexts("interface", messagesByLocale as unknown as { en: CatalogueTree; "zh-CN": CatalogueTree }),
  ...catalogueTexts("figureCatalogues", figureCatalogues as unknown as { en: CatalogueTree; "zh-CN": CatalogueTree }),
  ...catalogueTexts("misconceptionNameCatalogues", misconceptionNameCatalogues as unknown as { en: CatalogueTree; "zh-CN": CatalogueTree }),
  ...Object.entries(figureLabels).flatMap(([key, label]) => (["en", "zh-CN"] as const).map((lang) => ({ source: `figure label ${key} ${lang}`, lang, text: label[lang] }))),
  ...ALL_ITEMS.flatMap(conceptTexts),
];

const TERMS = Object.entries(glossary) as [GlossaryKey, GlossaryTerm][];

/** Whether the character at `index` lies inside parentheses (full-width or ASCII). */
function insideParentheses(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const open = Math.max(before.lastIndexOf("（"), before.lastIndexOf("("));
  const close = Math.max(before.lastIndexOf("）"), before.lastIndexOf(")"));
  return open > close;
}

/** Spacing between Latin letters and Chinese is typography, not terminology: `NiN 块` and `NiN块` are one term. */
const withoutMixedSpacing = (text: string): string => text.replace(/(?<=[A-Za-z0-9×])\s+(?=[\u4e00-\u9fff])/g, "");

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) found.push(index);
  return found;
}

describe("the glossary", () => {
  it("gives every term in both languages, Chinese in Chinese, with no variant equal to the book's term", () => {
    for (const [key, entry] of TERMS) {
      expect(entry.en.trim().length, key).toBeGreaterThan(0);
      expect(entry["zh-CN"], key).toMatch(/[\u4e00-\u9fff]|[A-Za-z]+ ?块|^1×1/);
      for (const variant of [...(entry.alsoKnownAs ?? []), ...(entry.avoid ?? [])]) expect(variant, key).not.toBe(entry["zh-CN"]);
    }
  });

  it("puts every term in exactly one chapter topic", () => {
    const listed = glossaryTopics.flatMap((topic) => [...topic.terms]);
    expect([...listed].sort()).toEqual(TERMS.map(([key]) => key).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("uses the books' words: d2l zh 2nd ed. 6.3 步幅, 6.5 汇聚层, 7.5 批量规范化, 7.7 稠密块 and 增长率, 15.3 最大时间汇聚层; NNDL 5.5.2 膨胀率", () => {
    expect(glossary.stride["zh-CN"]).toBe("步幅");
    expect(glossary.poolingLayer["zh-CN"]).toBe("汇聚层");
    expect(glossary.batchNormalization["zh-CN"]).toBe("批量规范化");
    expect(glossary.denseBlock["zh-CN"]).toBe("稠密块");
    expect(glossary.growthRate["zh-CN"]).toBe("增长率");
    expect(glossary.maxOverTimePooling["zh-CN"]).toBe("最大时间汇聚");
    expect(glossary.dilationRate["zh-CN"]).toBe("膨胀率");
    expect(glossary.equalWidthConvolution["zh-CN"]).toBe("等宽卷积");
  });
});

describe("every text a person reads", () => {
  it("is scanned: template catalogues, problem and grading messages, the interface and the concept items", () => {
    // Every messages file beside the templates exports its catalogues, so none escapes the scan.
    expect(templateCatalogues.size).toBe(MESSAGE_FILES.length);
    expect(ALL_TEXTS.length).toBeGreaterThan(1000);
  });

  it("never writes a variant the glossary avoids", () => {
    const found: string[] = [];
    for (const { source, text } of ALL_TEXTS) {
      for (const [key, entry] of TERMS) {
        for (const variant of entry.avoid ?? []) if (text.includes(variant)) found.push(`${source}: "${variant}" (write ${entry["zh-CN"]}, ${key})`);
      }
    }
    expect(found).toEqual([]);
  });

  it("writes another name only in parentheses, beside the book's term", () => {
    const found: string[] = [];
    for (const { source, lang, text } of ALL_TEXTS) {
      if (lang !== "zh-CN") continue;
      for (const [key, entry] of TERMS) {
        for (const variant of entry.alsoKnownAs ?? []) {
          for (const index of occurrences(text, variant)) {
            if (!insideParentheses(text, index) || !text.includes(entry["zh-CN"])) found.push(`${source}: "${variant}" outside "（…）" after ${entry["zh-CN"]} (${key})`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });
});

/**
 * Where each idea is used, the catalogue says it with the glossary's term in both languages: the
 * catalogue's export name and the terms its texts must contain.
 */
const TERMS_BY_CATALOGUE: Record<string, readonly GlossaryKey[]> = {
  channelsMultiInValuesCatalogues: ["channel", "kernel", "crossCorrelation"],
  channelsOneByOneCatalogues: ["channel"],
  convOutputSizeStackCatalogues: ["padding", "stride"],
  denseNetBlockChannelsCatalogues: ["denseBlock", "growthRate", "channel"],
  denseNetTransitionCatalogues: ["transitionLayer", "channel"],
  dilatedConvCatalogues: ["dilatedConvolution", "dilationRate"],
  inceptionOutputChannelsCatalogues: ["inceptionBlock", "channel"],
  ninBlockShapeCatalogues: ["ninBlock"],
  ninGapVsDenseCatalogues: ["globalAveragePooling", "fullyConnectedLayer"],
  paramsConvLayerCatalogues: ["parameters", "bias"],
  poolingAvgValuesCatalogues: ["averagePooling", "stride"],
  poolingMaxValuesCatalogues: ["maxPooling", "stride"],
  poolingOutputShapeCatalogues: ["stride", "padding"],
  receptiveFieldStackCatalogues: ["receptiveField"],
  residualCatalogues: ["residualBlock"],
  batchnormCatalogues: ["batchNormalization", "runningStatistics"],
  architecturesCatalogues: ["parameters", "kernel"],
  stackedSmallKernelsCatalogues: ["receptiveField", "parameters"],
  inceptionParamsCatalogues: ["inceptionBlock", "parameters"],
  paramsDenseVsConvCatalogues: ["fullyConnectedLayer", "parameters"],
  textCnnFeaturesCatalogues: ["maxOverTimePooling", "channel"],
  textCnnConv1dLengthCatalogues: ["kernel"],
  transposedConvOutputSizeCatalogues: ["transposedConvolution", "stride", "padding"],
  transposedConvValuesCatalogues: ["transposedConvolution"],
  xcorrValuesCatalogues: ["crossCorrelation", "kernel"],
  xcorrTrueConvolutionCatalogues: ["crossCorrelation", "convolution", "kernel"],
  xcorrEdgeDetectionCatalogues: ["edgeDetection", "kernel"],
};

describe.each(Object.entries(TERMS_BY_CATALOGUE))("the catalogue %s", (name, keys) => {
  it.each(keys)("says %s with the glossary's term in both languages", (key) => {
    const catalogues = templateCatalogues.get(name);
    expect(catalogues, `${name} is exported by some templates/*.messages.ts`).toBeDefined();
    if (!catalogues) return;
    const en = [...flattenCatalogue(catalogues.en).values()].join("\n").toLowerCase();
    const zh = withoutMixedSpacing([...flattenCatalogue(catalogues["zh-CN"]).values()].join("\n"));
    expect(en).toContain(glossary[key].en.toLowerCase());
    expect(zh).toContain(withoutMixedSpacing(glossary[key]["zh-CN"]));
  });
});

/** Concept items that name an idea say it with the glossary's term: item id and the terms it must contain. */
const TERMS_BY_CONCEPT_ITEM: Record<string, readonly GlossaryKey[]> = {
  "conv-principles": ["translationInvariance", "locality"],
  "conv-is-cross-correlation": ["crossCorrelation", "kernel"],
  "nndl-wide-convolution": ["wideConvolution"],
  "padding-same-odd-kernel": ["equalWidthConvolution", "padding"],
  "textcnn-max-over-time": ["maxOverTimePooling"],
  "densenet-growth-rate": ["growthRate", "denseBlock"],
  "densenet-transition-role": ["transitionLayer"],
  "batchnorm-prediction-statistics": ["batchNormalization", "movingAverage"],
  "batchnorm-parameters": ["scaleParameter", "shiftParameter"],
  "transposed-conv-use": ["transposedConvolution"],
  "one-by-one-computes": ["channel"],
  "alexnet-dense-regularization": ["dropout"],
};

describe("the concept items", () => {
  it.each(Object.entries(TERMS_BY_CONCEPT_ITEM))("%s uses the glossary's terms in both languages", (id, keys) => {
    const item = ALL_ITEMS.find((candidate) => candidate.id === id);
    expect(item, id).toBeDefined();
    if (!item) return;
    const texts = conceptTexts(item);
    const en = texts.filter((t) => t.lang === "en").map((t) => t.text).join("\n").toLowerCase();
    const zh = withoutMixedSpacing(texts.filter((t) => t.lang === "zh-CN").map((t) => t.text).join("\n"));
    for (const key of keys) {
      expect(en, `${id}: ${key}`).toContain(glossary[key].en.toLowerCase());
      expect(zh, `${id}: ${key}`).toContain(withoutMixedSpacing(glossary[key]["zh-CN"]));
    }
  });
});
