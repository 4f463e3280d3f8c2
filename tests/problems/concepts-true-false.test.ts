import { describe, expect, it } from "vitest";
import { createRng, LANGS, requireTemplate, sampleProblem } from "@/lib/problems";
import { CONCEPT_GROUPS, type ConceptGroup, type ConceptItem, conceptItems } from "@/lib/problems/concepts";
import { conceptTemplates } from "@/lib/problems/templates/concepts";
import { SELECT_ALL } from "@/lib/problems/templates/concepts-true-false";

const AUTHORED = ["A", "B", "C", "D", "E", "F", "G", "H"];
const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const SEEDS = Array.from({ length: 1500 }, (_, seed) => seed);
const templateOf = (group: ConceptGroup) => `concepts.${group}-true-false`;

interface Expected {
  item: ConceptItem;
  option: number | undefined;
  truth: boolean;
}

/**
 * The statements a group should give, read off the items as authored (not through
 * `conceptStatements`): a true/false item with its answer; every option of an item that shows a
 * subset, true exactly when its letter is the item's key (choice) or among its keys (multi-select).
 */
function expectedStatements(group: ConceptGroup): Map<string, Expected> {
  const expected = new Map<string, Expected>();
  for (const item of conceptItems[group]) {
    if (item.kind === "boolean") expected.set(item.id, { item, option: undefined, truth: item.answer });
    else if (item.shown !== undefined) {
      item.options.forEach((_, option) => {
        const letter = AUTHORED[option] as string;
        const truth = item.kind === "choice" ? item.answer === letter : item.answer.includes(letter as never);
        expected.set(`${item.id}/${letter}`, { item, option, truth });
      });
    }
  }
  return expected;
}

const keyOf = (itemId: string, option: number | undefined) => (option === undefined ? itemId : `${itemId}/${AUTHORED[option]}`);

describe.each(CONCEPT_GROUPS)("the %s true/false template", (group) => {
  const id = templateOf(group);
  const template = conceptTemplates.find((t) => t.id === id);
  if (!template) throw new Error(`${id} is not registered`);
  const expected = expectedStatements(group);
  const drawn = SEEDS.map((seed) => ({ seed, params: template.generate(createRng(seed)) }));

  it("keys every statement with its item's truth: the key option or a right option true, every other option false", () => {
    for (const { seed, params } of drawn.slice(0, 400)) {
      const statement = expected.get(keyOf(params.itemId, params.option));
      if (!statement) throw new Error(`seed ${seed}: ${keyOf(params.itemId, params.option)} is no statement of ${group}`);
      const en = sampleProblem({ template: id, seed, lang: "en" });
      const zh = sampleProblem({ template: id, seed, lang: "zh-CN" });
      expect(en.answer, `seed ${seed}`).toEqual({ kind: "boolean", value: statement.truth });
      expect(zh.answer).toEqual(en.answer);
      expect(en.difficulty).toBe(statement.item.difficulty);
      expect(en.options).toBeUndefined();
      expect(en.solution).toMatch(statement.truth ? /^\*\*Answer:\*\* true\./ : /^\*\*Answer:\*\* false\./);
      expect(zh.solution).toMatch(statement.truth ? /^\*\*答案：\*\*对。/ : /^\*\*答案：\*\*错。/);
    }
  });

  it("states the question and the option in both languages, and explains with the item's explanation, right answers and source", () => {
    for (const { seed, params } of drawn.slice(0, 400)) {
      const { item, option } = expected.get(keyOf(params.itemId, params.option)) as Expected;
      for (const lang of LANGS) {
        const problem = sampleProblem({ template: id, seed, lang });
        const stem = item.kind === "choices" ? item.question[lang].slice(0, -SELECT_ALL[lang].length) : item.question[lang];
        expect(problem.prompt.startsWith(stem), `seed ${seed} ${lang}`).toBe(true);
        expect(problem.prompt).not.toContain(SELECT_ALL[lang].trim());
        expect(problem.solution).toContain(item.explanation[lang]);
        expect(problem.solution).toMatch(lang === "en" ? /Source: / : /出处：/);
        for (const text of [problem.prompt, problem.solution]) expect(text.split("$").length % 2).toBe(1);
        if (item.kind === "boolean") continue;
        expect(problem.prompt).toContain(`“${item.options[option as number]?.text[lang]}”`);
        const right = item.kind === "choice" ? [item.answer] : item.answer;
        for (const letter of right) expect(problem.solution).toContain(item.options[AUTHORED.indexOf(letter)]?.text[lang]);
      }
      if (item.kind !== "boolean") expect(sampleProblem({ template: id, seed, lang: "zh-CN" }).prompt).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("serves every statement of its group, and at least 30 in each difficulty", () => {
    const served = new Set(drawn.map(({ params }) => keyOf(params.itemId, params.option)));
    expect([...served].sort()).toEqual([...expected.keys()].sort());
    for (const difficulty of DIFFICULTIES) {
      const ofDifficulty = [...expected.values()].filter((statement) => statement.item.difficulty === difficulty);
      expect(ofDifficulty.length, difficulty).toBeGreaterThanOrEqual(30);
    }
  });

  it("serves true and false about equally often in each difficulty, though its wrong options outnumber its right ones", () => {
    for (const difficulty of DIFFICULTIES) {
      const pool = [...expected.values()].filter((statement) => statement.item.difficulty === difficulty);
      const trueCount = pool.filter((statement) => statement.truth).length;
      // Each difficulty has both, with false ahead (a choice item has one key and several wrong options).
      expect(trueCount, `${difficulty}: true statements`).toBeGreaterThanOrEqual(9);
      expect(pool.length - trueCount, `${difficulty}: false statements`).toBeGreaterThan(trueCount);
      const served = drawn.filter(({ params }) => expected.get(keyOf(params.itemId, params.option))?.item.difficulty === difficulty);
      const servedTrue = served.filter(({ params }) => expected.get(keyOf(params.itemId, params.option))?.truth).length;
      expect(served.length).toBeGreaterThan(400);
      expect(servedTrue / served.length, `${difficulty}: share of true variants`).toBeGreaterThan(0.4);
      expect(servedTrue / served.length, `${difficulty}: share of true variants`).toBeLessThan(0.6);
    }
  });

  it("names a distractor's misconception when a learner calls that wrong option right", () => {
    const registered = requireTemplate(id);
    let named = 0;
    for (const { seed, params } of drawn.slice(0, 600)) {
      const { item, option } = expected.get(keyOf(params.itemId, params.option)) as Expected;
      const carried = item.kind === "boolean" ? item.misconception : item.options[option as number]?.misconception;
      const found = registered.misconceptions(seed);
      expect(found.map((misconception) => misconception.id)).toEqual(carried ? [carried.id] : []);
      if (!carried || item.kind === "boolean") continue;
      expect(found[0]?.wrongAnswer).toEqual({ kind: "boolean", value: true });
      expect(sampleProblem({ template: id, seed }).answer).toEqual({ kind: "boolean", value: false });
      named += 1;
    }
    const distractorsWithOne = [...expected.values()].filter(({ item, option }) => item.kind !== "boolean" && item.options[option as number]?.misconception);
    if (distractorsWithOne.length > 0) expect(named, "a distractor with a misconception is served").toBeGreaterThan(0);
  });

  it("is a pure function of the seed", () => {
    for (const seed of [0, 7, 123, 1499]) {
      expect(template.generate(createRng(seed))).toEqual(template.generate(createRng(seed)));
      expect(sampleProblem({ template: id, seed, lang: "zh-CN" })).toEqual(sampleProblem({ template: id, seed, lang: "zh-CN" }));
    }
  });
});

describe("multi-select questions put as true/false", () => {
  it("each end with the instruction to select all, in both languages, which a true/false prompt leaves out", () => {
    const multiSelect = CONCEPT_GROUPS.flatMap((group) => conceptItems[group].filter((item) => item.kind === "choices"));
    expect(multiSelect.length).toBeGreaterThan(10);
    for (const item of multiSelect) for (const lang of LANGS) expect(item.question[lang].endsWith(SELECT_ALL[lang]), `${item.id} ${lang}`).toBe(true);
  });
});
