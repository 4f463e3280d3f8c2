import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { createRng, LANGS, listTemplates, requireTemplate, sampleProblem, toLearnerView } from "@/lib/problems";
import { CONCEPT_GROUPS, type ConceptItem, conceptItems } from "@/lib/problems/concepts";
import { SOURCES } from "@/lib/problems/sources";
import { conceptTemplates } from "@/lib/problems/templates/concepts";

const SEEDS = Array.from({ length: 200 }, (_, seed) => seed);
const ALL_ITEMS: ConceptItem[] = CONCEPT_GROUPS.flatMap((group) => [...conceptItems[group]]);
const LETTERS = ["A", "B", "C", "D", "E"];
/** Authored letters: a choice item may author more wrong options than a variant shows. */
const AUTHORED = ["A", "B", "C", "D", "E", "F", "G", "H"];
/** How many options a variant of `item` shows. */
const shownCount = (item: ConceptItem) => (item.kind === "boolean" ? 0 : (item.shown ?? item.options.length));
/** The authored letters of an item's right options. */
const rightLetters = (item: ConceptItem): string[] => (item.kind === "boolean" ? [] : item.kind === "choice" ? [item.answer] : [...item.answer]);
const DIFFICULTIES = ["easy", "medium", "hard"];
const itemById = new Map(ALL_ITEMS.map((item) => [item.id, item]));
/** The templates that show options; the true/false ones are tests/problems/concepts-true-false.test.ts's. */
const OPTION_TEMPLATES = conceptTemplates.filter((template) => template.answerKind !== "boolean");

/** The authored option text of a letter as written in the data file (before shuffling). */
function authoredText(item: ConceptItem, letter: string, lang: (typeof LANGS)[number]): string {
  if (item.kind === "boolean") throw new Error("no options");
  return item.options[AUTHORED.indexOf(letter)]?.text[lang] ?? "";
}

describe("the concept items", () => {
  it("number at least 60, with unique kebab-case ids", () => {
    expect(ALL_ITEMS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL_ITEMS.map((item) => item.id)).size).toBe(ALL_ITEMS.length);
    for (const item of ALL_ITEMS) expect(item.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("cover every answer kind in every topic group", () => {
    for (const group of CONCEPT_GROUPS) {
      expect(new Set(conceptItems[group].map((item) => item.kind))).toEqual(new Set(["choice", "choices", "boolean"]));
    }
  });

  it("each have an authored difficulty, and every group, kind and difficulty has at least two items", () => {
    for (const item of ALL_ITEMS) expect(DIFFICULTIES, item.id).toContain(item.difficulty);
    for (const group of CONCEPT_GROUPS) {
      for (const kind of ["choice", "choices", "boolean"] as const) {
        for (const difficulty of DIFFICULTIES) {
          const count = conceptItems[group].filter((item) => item.kind === kind && item.difficulty === difficulty).length;
          expect(count, `${group} ${kind} ${difficulty}`).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it("give question, explanation and options in both languages, and a book section", () => {
    for (const item of ALL_ITEMS) {
      const texts = [item.question, item.explanation, ...(item.kind === "boolean" ? [] : item.options.map((o) => o.text))];
      for (const text of texts) {
        for (const lang of LANGS) {
          expect(text[lang].trim().length, item.id).toBeGreaterThan(0);
          expect(text[lang].split("$").length % 2, `${item.id}: balanced inline maths`).toBe(1);
        }
      }
      for (const text of [item.question, item.explanation]) expect(text["zh-CN"], `${item.id}: Chinese text`).toMatch(/[\u4e00-\u9fff]/);
      const { d2l, nndl } = item.section;
      expect(Boolean(d2l) || Boolean(nndl), `${item.id}: a section`).toBe(true);
      // The rows exist and belong to the right book (the table itself is tested in sources.test.ts).
      if (d2l) expect(SOURCES[d2l].book, item.id).toBe("d2l");
      if (nndl) expect(SOURCES[nndl].book, item.id).toBe("nndl");
    }
  });

  it("show 3 to 5 distinct options (of at most 8 authored) and have keys among them", () => {
    for (const item of ALL_ITEMS) {
      if (item.kind === "boolean") continue;
      expect(shownCount(item), item.id).toBeGreaterThanOrEqual(3);
      expect(shownCount(item), item.id).toBeLessThanOrEqual(5);
      expect(item.options.length, item.id).toBeGreaterThanOrEqual(shownCount(item));
      expect(item.options.length, item.id).toBeLessThanOrEqual(AUTHORED.length);
      for (const lang of LANGS) expect(new Set(item.options.map((o) => o.text[lang])).size, item.id).toBe(item.options.length);
      const keys = item.kind === "choice" ? [item.answer] : [...item.answer];
      for (const key of keys) expect(AUTHORED.slice(0, item.options.length), item.id).toContain(key);
      if (item.kind === "choices") {
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.length, `${item.id}: some option is wrong`).toBeLessThan(item.options.length);
      }
      for (const [index, option] of item.options.entries()) {
        if (option.misconception) expect(keys, `${item.id}: a misconception marks a wrong option`).not.toContain(AUTHORED[index]);
      }
    }
  });

  it("name each misconception id with one feedback", () => {
    const feedback = new Map<string, string>();
    for (const item of ALL_ITEMS) {
      const carried = item.kind === "boolean" ? [item.misconception] : item.options.map((o) => o.misconception);
      for (const misconception of carried) {
        if (!misconception) continue;
        expect(misconception.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        const known = feedback.get(misconception.id);
        if (known !== undefined) expect(misconception.feedback.en).toBe(known);
        feedback.set(misconception.id, misconception.feedback.en);
        expect(misconception.feedback["zh-CN"].length).toBeGreaterThan(0);
      }
    }
    expect(feedback.size).toBeGreaterThanOrEqual(10);
  });

  it("state numbers that the engine agrees with", () => {
    // d2l 7.4.2 zh / 8.4.2 en: the first Inception block maps 192 channels to 64 + 128 + 32 + 32 = 256.
    const inception = analyze({
      input: [192, 28, 28],
      layers: [
        {
          type: "concat",
          branches: [
            [{ type: "conv2d", filters: 64, kernel: 1 }],
            [{ type: "conv2d", filters: 96, kernel: 1 }, { type: "conv2d", filters: 128, kernel: 3, padding: 1 }],
            [{ type: "conv2d", filters: 16, kernel: 1 }, { type: "conv2d", filters: 32, kernel: 5, padding: 2 }],
            [{ type: "maxpool2d", kernel: 3, stride: 1, padding: 1 }, { type: "conv2d", filters: 32, kernel: 1 }],
          ],
        },
      ],
    });
    expect(inception.outputShape).toEqual([256, 28, 28]);
    // d2l 7.7.2 zh / 8.7.2 en: DenseBlock(2, 3, 10) maps 3 channels to 3 + 2·10 = 23.
    const convBlock = (filters: number) => ({
      type: "concat" as const,
      branches: [[], [{ type: "batchnorm" as const }, { type: "relu" as const }, { type: "conv2d" as const, filters, kernel: 3, padding: 1 }]],
    });
    expect(analyze({ input: [3, 8, 8], layers: [convBlock(10), convBlock(10)] }).outputShape).toEqual([23, 8, 8]);
    // d2l 6.3.2 zh: ⌊(32 + 2 − 3)/2⌋ + 1 = 16.
    expect(analyze({ input: [1, 32, 32], layers: [{ type: "conv2d", filters: 1, kernel: 3, padding: 1, stride: 2 }] }).outputShape).toEqual([1, 16, 16]);
    expect(authoredText(itemById.get("inception-first-block-channels") as ConceptItem, "A", "en")).toBe("256");
    expect(authoredText(itemById.get("densenet-growth-rate") as ConceptItem, "A", "en")).toBe("23");
    expect(itemById.get("stride-two-halves")?.answer).toBe(true);
  });
});

describe("the concept templates over 200 seeds", () => {
  it("are registered with topic concepts, titles in both languages and a fixed kind", () => {
    const listed = listTemplates().filter((t) => t.topic === "concepts");
    expect(listed.map((t) => t.template).sort()).toEqual(conceptTemplates.map((t) => t.id).sort());
    expect(listed.length).toBe(9);
    for (const info of listed) {
      expect([...info.difficulties]).toEqual(DIFFICULTIES);
      expect(info.template).toMatch(/^concepts\.[a-z]+(-[a-z]+)*$/);
      expect(info.title.en).toMatch(/^Concepts: /);
      expect(info.title["zh-CN"]).toMatch(/^概念题：/);
    }
  });

  it.each(OPTION_TEMPLATES.map((t) => t.id))("%s gives valid variants whose key points at the authored answer", (id) => {
    const template = OPTION_TEMPLATES.find((t) => t.id === id);
    if (!template) throw new Error("unreachable");
    for (const seed of SEEDS) {
      const params = template.generate(createRng(seed));
      const item = itemById.get(params.itemId);
      if (!item) throw new Error(`unknown item ${params.itemId}`);
      const en = sampleProblem({ template: id, seed, lang: "en" });
      const zh = sampleProblem({ template: id, seed, lang: "zh-CN" });
      expect(en.check).toBeNull();
      expect(zh.answer).toEqual(en.answer);
      expect(en.answer.kind).toBe(template.answerKind);
      expect(en.prompt).toContain(item.question.en);
      expect(zh.prompt).toContain(item.question["zh-CN"]);
      expect(en.solution).toContain(item.explanation.en);
      expect(zh.solution).toContain(item.explanation["zh-CN"]);
      expect(en.solution).toMatch(/Source: /);
      expect(zh.solution).toMatch(/出处：/);
      for (const text of [en.prompt, en.solution, zh.prompt, zh.solution]) expect(text.split("$").length % 2).toBe(1);
      if (item.kind === "boolean") throw new Error(`${id} drew the true/false item ${item.id}`);
      // The shuffled options are the authored ones, and each key letter shows the authored key's text, in both languages.
      for (const [lang, problem] of [["en", en], ["zh-CN", zh]] as const) {
        const options = problem.options ?? [];
        expect(options.map((o) => o.id)).toEqual(LETTERS.slice(0, shownCount(item)));
        const authored = item.options.map((o) => o.text[lang]);
        if (shownCount(item) === item.options.length) expect(options.map((o) => o.text).sort()).toEqual([...authored].sort());
        for (const shownOption of options) expect(authored, item.id).toContain(shownOption.text);
        expect(new Set(options.map((o) => o.text)).size).toBe(options.length);
        const shown = (letter: string) => options.find((o) => o.id === letter)?.text;
        // The key is every right option the variant shows (all of them, but for a subset of a multi-select item's).
        const shownTexts = options.map((o) => o.text);
        const rightShown = rightLetters(item).map((key) => authoredText(item, key, lang)).filter((right) => shownTexts.includes(right));
        const given = en.answer.kind === "choice" ? [en.answer.value] : (en.answer.value as string[]);
        expect(given.map(shown).sort()).toEqual(rightShown.sort());
        expect(given.length).toBeGreaterThan(0);
        expect(given.length).toBeLessThan(options.length);
        expect(problem.solution).toContain(shown(given[0] as string));
      }
    }
  });

  it.each(conceptTemplates.map((t) => t.id))("%s hits all three difficulties over 200 seeds, each with the item's own", (id) => {
    const registered = requireTemplate(id);
    const seen = new Map<string, number>();
    for (const seed of SEEDS) {
      const problem = sampleProblem({ template: id, seed });
      const item = itemById.get((conceptTemplates.find((t) => t.id === id)?.generate(createRng(seed)))?.itemId ?? "");
      expect(problem.difficulty).toBe(item?.difficulty);
      expect(registered.difficultyOf(seed)).toBe(problem.difficulty);
      seen.set(problem.difficulty, (seen.get(problem.difficulty) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual([...DIFFICULTIES].sort());
    // The seed picks the difficulty first, so each is drawn about a third of the time whatever the item counts.
    for (const count of seen.values()) expect(count).toBeGreaterThan(40);
  });

  it("reach every item and shuffle its options", () => {
    const seen = new Map<string, Set<string>>();
    for (const template of conceptTemplates) {
      for (let seed = 0; seed < 1000; seed += 1) {
        const params = template.generate(createRng(seed));
        const orders = seen.get(params.itemId) ?? new Set<string>();
        orders.add(params.order.join());
        seen.set(params.itemId, orders);
      }
    }
    expect([...seen.keys()].sort()).toEqual(ALL_ITEMS.map((item) => item.id).sort());
    for (const item of ALL_ITEMS) if (item.kind !== "boolean") expect(seen.get(item.id)?.size, item.id).toBeGreaterThan(1);
  });

  it("show every set of options of an item that authors more than it shows, each a question with a key", () => {
    const shownOf = new Map<string, Set<number>>();
    const setsOf = new Map<string, Set<string>>();
    for (const template of OPTION_TEMPLATES) {
      for (let seed = 0; seed < 1000; seed += 1) {
        const params = template.generate(createRng(seed));
        const item = itemById.get(params.itemId);
        if (item === undefined || item.kind === "boolean" || item.shown === undefined) continue;
        const right = rightLetters(item).map((letter) => AUTHORED.indexOf(letter));
        if (item.kind === "choice") expect(params.order, item.id).toContain(right[0]);
        expect(params.order.some((index) => right.includes(index)), `${item.id}: a right option shown`).toBe(true);
        expect(params.order.some((index) => !right.includes(index)), `${item.id}: a wrong option shown`).toBe(true);
        expect(new Set(params.order).size).toBe(item.shown);
        const shown = shownOf.get(item.id) ?? new Set<number>();
        for (const authored of params.order) shown.add(authored);
        shownOf.set(item.id, shown);
        setsOf.set(item.id, (setsOf.get(item.id) ?? new Set<string>()).add([...params.order].sort().join()));
      }
    }
    // C(n, k) by the multiplicative formula: the wrong options' subsets a variant can show.
    const choose = (n: number, k: number) => Array.from({ length: k }, (_, i) => (n - i) / (i + 1)).reduce((product, factor) => product * factor, 1);
    const subsetted = ALL_ITEMS.filter((item) => item.kind !== "boolean" && item.shown !== undefined && item.shown < item.options.length);
    expect(subsetted.length).toBeGreaterThan(0);
    for (const item of subsetted) {
      if (item.kind === "boolean" || item.shown === undefined) continue;
      expect(shownOf.get(item.id)?.size, item.id).toBe(item.options.length);
      // A choice item: the key and any shown − 1 wrong ones. A multi-select item: any set but all right or all wrong.
      const right = rightLetters(item).length;
      const wrong = item.options.length - right;
      const expected = item.kind === "choice" ? choose(wrong, item.shown - 1) : choose(item.options.length, item.shown) - choose(right, item.shown) - choose(wrong, item.shown);
      expect(setsOf.get(item.id)?.size, item.id).toBe(Math.round(expected));
    }
  });

  it("lists the options for the learner but neither the key nor the solution", () => {
    const view = toLearnerView(sampleProblem({ template: "concepts.convolution-choice", seed: 3, lang: "zh-CN" }));
    expect(Object.keys(view).sort()).toEqual(["difficulty", "lang", "options", "prompt", "seed", "template", "topic"]);
  });

  it("turns each distractor's misconception into a wrong answer that names it", () => {
    const named = new Set<string>();
    for (const template of conceptTemplates) {
      const registered = requireTemplate(template.id);
      for (const seed of SEEDS) {
        const problem = sampleProblem({ template: template.id, seed });
        const ids = (problem.options ?? []).map((o) => o.id);
        for (const misconception of registered.misconceptions(seed)) {
          expect(misconception.wrongAnswer).not.toEqual(problem.answer);
          expect(misconception.wrongAnswer.kind).toBe(problem.answer.kind);
          if (misconception.wrongAnswer.kind === "choice") expect(ids).toContain(misconception.wrongAnswer.value);
          if (misconception.wrongAnswer.kind === "choices") {
            for (const id of misconception.wrongAnswer.value) expect(ids).toContain(id);
          }
          expect(misconception.feedback.en.length).toBeGreaterThan(0);
          expect(misconception.feedback["zh-CN"].length).toBeGreaterThan(0);
          named.add(misconception.id);
        }
      }
    }
    // Every misconception carried by some item shows up in some variant.
    const carried = new Set(
      ALL_ITEMS.flatMap((item) =>
        item.kind === "boolean" ? [item.misconception?.id] : item.options.map((o) => o.misconception?.id),
      ).filter((id): id is string => id !== undefined),
    );
    expect([...named].sort()).toEqual([...carried].sort());
  });

  it("samples the same problem for the same seed", () => {
    for (const template of conceptTemplates) {
      expect(sampleProblem({ template: template.id, seed: 11 })).toEqual(sampleProblem({ template: template.id, seed: 11 }));
    }
  });
});
