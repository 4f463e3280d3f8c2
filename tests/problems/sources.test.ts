import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradingCatalogues } from "@/lib/grading/messages";
import { LANGS, type Lang, listTemplates, requireTemplate } from "@/lib/problems";
import { CONCEPT_GROUPS, conceptItems } from "@/lib/problems/concepts";
import { problemCatalogues } from "@/lib/problems/messages";
import { cite, citedKeys, isSourceKey, resolveCitations, SOURCES, type SourceKey, sectionNumber } from "@/lib/problems/sources";
import { type CatalogueTree, flattenCatalogue } from "../support/catalogue-checks";
import { D2L_EN_OUTLINE, D2L_ZH_OUTLINE } from "./support/d2l-outline";

const TEMPLATES_DIR = fileURLToPath(new URL("../../lib/problems/templates/", import.meta.url));
const KEYS = Object.keys(SOURCES) as SourceKey[];

/** Every message of every catalogue a problem is written from, with where it comes from. */
const MESSAGES: { source: string; text: string }[] = [];
for (const file of readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith(".messages.ts"))) {
  const exported = (await import(`${TEMPLATES_DIR}${file}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exported)) {
    if (!name.endsWith("Catalogues")) continue;
    const catalogues = value as Record<Lang, CatalogueTree>;
    for (const lang of LANGS) for (const [key, text] of flattenCatalogue(catalogues[lang])) MESSAGES.push({ source: `${file} ${lang} ${key}`, text });
  }
}
for (const [name, catalogues] of [
  ["problems", problemCatalogues],
  ["grading", gradingCatalogues],
] as const) {
  for (const lang of LANGS) {
    for (const [key, text] of flattenCatalogue(catalogues[lang] as unknown as CatalogueTree)) MESSAGES.push({ source: `${name} ${lang} ${key}`, text });
  }
}
for (const group of CONCEPT_GROUPS) {
  for (const item of conceptItems[group]) {
    const texts = [item.question, item.explanation, ...(item.kind === "boolean" ? [item.misconception?.feedback] : item.options.flatMap((o) => [o.text, o.misconception?.feedback]))];
    for (const text of texts) if (text) for (const lang of LANGS) MESSAGES.push({ source: `concept ${item.id} ${lang}`, text: text[lang] });
  }
}

/** A section number written into a text instead of a row of the table: `d2l 6.3`, `NNDL 5.1.3`, `中文版 7.7 节`, `6.4 zh / 7.4 en`. */
const WRITTEN_NUMBER = /(?:d2l|NNDL|中文版|英文版|[Ss]ection)[^⟦⟧\n]{0,12}?\b\d+\.\d+|\b\d+\.\d+(?:\.\d+)? (?:zh|en)\b|\d+\.\d+(?:\.\d+)? 节/;

describe("the sources table", () => {
  it("numbers d2l.ai's chapters one after the Chinese edition's (6 → 7, 7 → 8, 13 → 14, 15 → 16)", () => {
    // Below the chapter the editions part ways (d2l.ai's 8.5.2.3 Layer Normalization has no
    // Chinese counterpart, so prediction is 8.5.2.4 there and 7.5.2.3 here): the outlines decide.
    for (const key of KEYS) {
      const row = SOURCES[key];
      if (row.book !== "d2l") continue;
      expect(Number(row.en.split(".")[0]), key).toBe(Number(row.zh.split(".")[0]) + 1);
      expect(row.title["zh-CN"], key).toMatch(/[\u4e00-\u9fff]|^[A-Za-z]+$/);
      if (row.nndl) expect(SOURCES[row.nndl].book, `${key} → ${row.nndl}`).toBe("nndl");
    }
  });

  it("gives every d2l row the number and title its section has in each edition's sources", () => {
    // Typesetting aside: the books write 1×1 in math, which the table may space.
    const plain = (title: string) => title.replace(/\s*×\s*/g, "×");
    for (const key of KEYS) {
      const row = SOURCES[key];
      if (row.book !== "d2l") continue;
      expect(D2L_EN_OUTLINE[row.en], `${key}: d2l.ai ${row.en}`).toBeDefined();
      expect(plain(row.title.en), `${key}: d2l.ai ${row.en}`).toBe(D2L_EN_OUTLINE[row.en]);
      expect(D2L_ZH_OUTLINE[row.zh], `${key}: 中文版 ${row.zh}`).toBeDefined();
      expect(plain(row.title["zh-CN"]), `${key}: 中文版 ${row.zh}`).toBe(D2L_ZH_OUTLINE[row.zh]);
    }
  });

  it("has the books' numbers and titles for the sections the brief names", () => {
    // d2l.ai (en, current), chapter 7 "Convolutional Neural Networks", chapter 8 "Modern CNNs", 14.10.
    const en = (key: SourceKey) => [sectionNumber(key, "en"), SOURCES[key].title.en];
    expect(en("d2l.fc-to-conv")).toEqual(["7.1", "From Fully Connected Layers to Convolutions"]);
    expect(en("d2l.conv-images")).toEqual(["7.2", "Convolutions for Images"]);
    expect(en("d2l.padding-stride")).toEqual(["7.3", "Padding and Stride"]);
    expect(en("d2l.channels")).toEqual(["7.4", "Multiple Input and Multiple Output Channels"]);
    expect(en("d2l.pooling")).toEqual(["7.5", "Pooling"]);
    expect(en("d2l.lenet")[0]).toBe("7.6");
    expect(en("d2l.alexnet")[0]).toBe("8.1");
    expect(en("d2l.vgg")[0]).toBe("8.2");
    expect(en("d2l.nin")[0]).toBe("8.3");
    expect(en("d2l.googlenet")[0]).toBe("8.4");
    expect(en("d2l.batch-norm")).toEqual(["8.5", "Batch Normalization"]);
    expect(en("d2l.resnet")).toEqual(["8.6", "Residual Networks (ResNet) and ResNeXt"]);
    expect(en("d2l.densenet")[0]).toBe("8.7");
    expect(en("d2l.transposed-conv")).toEqual(["14.10", "Transposed Convolution"]);
    expect(en("d2l.tconv-padding-stride")[0]).toBe("14.10.2");
    // 《动手学深度学习》第二版: 6.x CNN basics, 7.x modern CNNs, 13.10 转置卷积.
    const zh = (key: SourceKey) => [sectionNumber(key, "zh-CN"), SOURCES[key].title["zh-CN"]];
    expect(zh("d2l.padding-stride")).toEqual(["6.3", "填充和步幅"]);
    expect(zh("d2l.batch-norm")).toEqual(["7.5", "批量规范化"]);
    expect(zh("d2l.resnet")[0]).toBe("7.6");
    expect(zh("d2l.densenet")).toEqual(["7.7", "稠密连接网络（DenseNet）"]);
    expect(zh("d2l.transposed-conv")).toEqual(["13.10", "转置卷积"]);
    // NNDL ch. 5.
    expect(zh("nndl.conv-variants")).toEqual(["5.1.3", "卷积的变种"]);
    expect(zh("nndl.pooling")).toEqual(["5.2.3", "汇聚层"]);
    expect(zh("nndl.resnet")).toEqual(["5.4.4", "残差网络"]);
    expect(zh("nndl.transposed-conv")).toEqual(["5.5.1", "转置卷积"]);
    expect(zh("nndl.dilated-conv")).toEqual(["5.5.2", "空洞卷积"]);
    // NNDL ch. 7 "网络优化与正则化", 7.5 逐层归一化: 7.5.1 批量归一化, 7.5.2 层归一化.
    expect(zh("nndl.layer-norm")).toEqual(["7.5.2", "层归一化"]);
  });

  it("gives each section one row per edition: no two rows share a number", () => {
    for (const lang of LANGS) {
      const numbers = KEYS.map((key) => `${SOURCES[key].book} ${sectionNumber(key, lang)}`);
      expect(new Set(numbers).size, lang).toBe(numbers.length);
    }
  });

  it("cites in the reader's edition: d2l.ai's number in English, the Chinese edition's in Chinese", () => {
    expect(cite("d2l.padding-stride", "en")).toBe("d2l 7.3, Padding and Stride");
    expect(cite("d2l.padding-stride", "zh-CN")).toBe("d2l 6.3 节，填充和步幅");
    expect(cite("nndl.conv-variants", "zh-CN")).toBe("NNDL 5.1.3 节，卷积的变种");
    expect(cite("nndl.conv-variants", "en")).toBe("NNDL 5.1.3, 卷积的变种 / Variants of Convolution");
    expect(cite("nndl.lenet5", "en")).toBe("NNDL 5.4.1, LeNet-5");
    expect(resolveCitations("(⟦d2l.tconv-padding-stride⟧)", "en")).toBe("(d2l 14.10.2, Padding, Strides, and Multiple Channels)");
    expect(() => resolveCitations("(⟦d2l.no-such-section⟧)", "en")).toThrow(/no source/);
  });
});

describe("every text a problem is written from", () => {
  it("names its sources by a key of the table, never by a number of one edition", () => {
    for (const { source, text } of MESSAGES) expect(text, source).not.toMatch(WRITTEN_NUMBER);
  });

  it("cites only keys that the table has", () => {
    const cited = MESSAGES.flatMap(({ source, text }) => citedKeys(text).map((key) => ({ source, key })));
    expect(cited.length).toBeGreaterThan(40);
    for (const { source, key } of cited) expect(isSourceKey(key), `${source}: ${key}`).toBe(true);
  });
});

/** Every citation `cite` can write for `lang`, longest first so that 7.5.1 is not read as 7.5. */
const citationsIn = (lang: Lang) =>
  KEYS.map((key) => cite(key, lang)).sort((a, b) => b.length - a.length);

describe("every template's problems, in both languages", () => {
  const SEEDS = Array.from({ length: 24 }, (_, seed) => seed * 7 + 1);
  it.each(listTemplates().map((info) => info.template))("%s cites only sections of the reader's edition, as the table gives them", (id) => {
    const template = requireTemplate(id);
    for (const lang of LANGS) {
      const valid = citationsIn(lang);
      for (const seed of SEEDS) {
        const problem = template.sample(seed, lang);
        const texts = [
          problem.prompt,
          problem.solution,
          ...(problem.options ?? []).map((option) => option.text),
          ...template.misconceptions(seed).map((misconception) => misconception.feedback[lang]),
        ];
        for (const text of texts) {
          expect(text, `${id} seed ${seed} ${lang}: unresolved citation`).not.toMatch(/[⟦⟧]/);
          for (const match of text.matchAll(/\b(?:d2l|NNDL) \d/g)) {
            const at = text.slice(match.index);
            expect(
              valid.some((citation) => at.startsWith(citation)),
              `${id} seed ${seed} ${lang}: "${at.slice(0, 60)}" is not a citation of the table`,
            ).toBe(true);
          }
        }
      }
    }
  });

  it("the sixteen templates the reader found cite d2l.ai's chapters 7, 8 and 14 in English, never the Chinese edition's 6 and 13", () => {
    // Issue 13, item 1: these English solutions cited 6.x and 13.10.2.
    const ids = [
      "conv.output-size", "conv.output-size-stack", "conv.same-padding", "params.dense-vs-conv", "xcorr.values",
      "xcorr.true-convolution", "xcorr.edge-detection", "channels.multi-in-values", "channels.one-by-one",
      "params.conv-layer", "pooling.max-values", "pooling.avg-values", "pooling.output-shape", "arch.layer-shape",
      "arch.zoo-params", "tconv.values",
    ];
    for (const id of ids) {
      const chapters = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => {
        const { prompt, solution } = requireTemplate(id).sample(seed, "en");
        return [...`${prompt}\n${solution}`.matchAll(/\bd2l (\d+)\.\d/g)].map((match) => Number(match[1]));
      });
      expect(chapters.length, id).toBeGreaterThan(0);
      for (const chapter of chapters) expect([7, 8, 14], id).toContain(chapter);
    }
  });
});

describe("papers in the table", () => {
  it("cite a paper by authors, year and title, the same in both languages", () => {
    // arXiv:1704.04861 (MobileNets), arXiv:1611.05431 (ResNeXt), arXiv:1409.4842 (GoogLeNet)
    expect(cite("paper.mobilenet", "en")).toBe("Howard et al. 2017, “MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications”");
    expect(cite("paper.mobilenet", "zh-CN")).toBe(cite("paper.mobilenet", "en"));
    expect(resolveCitations("(⟦paper.resnext⟧)", "zh-CN")).toBe("(Xie et al. 2017, “Aggregated Residual Transformations for Deep Neural Networks”)");
    expect(cite("paper.googlenet", "en")).toBe("Szegedy et al. 2015, “Going Deeper with Convolutions”");
  });
});
