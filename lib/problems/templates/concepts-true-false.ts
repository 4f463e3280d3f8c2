import { type ConceptGroup, type ConceptItem, conceptItems } from "../concepts";
import { type ConceptStatement, conceptStatements, statementsOf } from "../concepts/statements";
import { ProblemError } from "../errors";
import type { Misconception, ProblemTemplate } from "../template";
import type { Answer, Difficulty, Lang } from "../types";
import { conceptSourceLine, DIFFICULTIES, leastCommonMultiple, misconceptionsOf } from "./concept-shared";
import type { ConceptParams } from "./concepts";
import { conceptMessages } from "./concepts.messages";

/**
 * `concepts.<group>-true-false`: one statement of a topic group (`lib/problems/concepts/statements.ts`),
 * picked by the seed: an authored true/false item, or one option of a choice or multi-select item
 * put to the learner as "this is a correct answer to the question". The key is the item's own (the
 * option is its key, or one of its right options), so the statement is as checked as the item.
 * The seed picks the difficulty, then the truth value, then a statement: the books give more wrong
 * options than right ones, and a learner who always answered `false` should not score well.
 */

const AUTHORED_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;
const TRUTHS = [true, false] as const;

/**
 * A multi-select question's closing instruction, left out of a true/false prompt, which asks about
 * one option only. Every multi-select item ends with it (tests/problems/concepts-true-false.test.ts).
 */
export const SELECT_ALL: Readonly<Record<Lang, string>> = { en: " Select all that apply.", "zh-CN": "选出所有正确项。" };

/** The question as a true/false prompt states it: a multi-select question without its instruction. */
export function statementQuestion(item: ConceptItem, lang: Lang): string {
  const question = item.question[lang];
  return item.kind === "choices" && question.endsWith(SELECT_ALL[lang]) ? question.slice(0, -SELECT_ALL[lang].length) : question;
}

/** The text of an item's authored option. */
function optionText(item: ConceptItem, option: number, lang: Lang): string {
  if (item.kind === "boolean") throw new ProblemError("invalid-variant", `concept item ${item.id} has no options`);
  const text = item.options[option]?.text[lang];
  if (text === undefined) throw new ProblemError("invalid-variant", `concept item ${item.id} has no option ${option}`);
  return text;
}

export function createTrueFalseTemplate(group: ConceptGroup): ProblemTemplate<ConceptParams> {
  const id = `concepts.${group}-true-false`;
  const statements = conceptStatements(conceptItems[group]);
  const poolOf = (difficulty: Difficulty, truth: boolean): ConceptStatement[] => {
    const pool = statementsOf(statements, difficulty, truth);
    if (pool.length === 0) throw new ProblemError("invalid-variant", `${id}: no ${difficulty} statement that is ${truth}`);
    return pool;
  };
  const poolSpan = DIFFICULTIES.flatMap((difficulty) => TRUTHS.map((truth) => poolOf(difficulty, truth).length)).reduce(leastCommonMultiple, 1);
  const drawSpan = DIFFICULTIES.length * TRUTHS.length * poolSpan;
  const statementOf = (p: ConceptParams): ConceptStatement => {
    const found = statements.find((statement) => statement.item.id === p.itemId && statement.option === p.option);
    if (!found) throw new ProblemError("invalid-variant", `${id}: no statement of item ${JSON.stringify(p.itemId)}, option ${String(p.option)}`);
    return found;
  };

  const misconceptions: Misconception<ConceptParams>[] = misconceptionsOf(conceptItems[group]).map((misconception) => ({
    id: misconception.id,
    wrongAnswer(p: ConceptParams): Answer["value"] | null {
      const { item, option, truth } = statementOf(p);
      if (item.kind === "boolean") return item.misconception?.id === misconception.id ? !truth : null;
      // A distractor naming the belief is a wrong option: holding the belief is calling it right.
      return option !== undefined && item.options[option]?.misconception?.id === misconception.id ? true : null;
    },
    feedback: (_p: ConceptParams, lang: Lang) => misconception.feedback[lang],
  }));

  return {
    id,
    topic: "concepts",
    answerKind: "boolean",
    difficulties: DIFFICULTIES,
    title: (lang) => conceptMessages(lang)("title", { group: group === "modern-architectures" ? "modern" : group, kind: "boolean" }),

    generate(rng) {
      // One draw: its residue mod 3 is the difficulty, then mod 2 the truth value, the rest the statement.
      const draw = rng.int(0, drawSpan - 1);
      const difficulty = DIFFICULTIES[draw % DIFFICULTIES.length] as Difficulty;
      const rest = Math.floor(draw / DIFFICULTIES.length);
      const pool = poolOf(difficulty, TRUTHS[rest % TRUTHS.length] as boolean);
      const { item, option } = pool[Math.floor(rest / TRUTHS.length) % pool.length] as ConceptStatement;
      return { difficulty, itemId: item.id, order: [], ...(option === undefined ? {} : { option }) };
    },

    // The item's authored difficulty, so a params object naming another one cannot mislabel it.
    difficultyOf: (p) => statementOf(p).item.difficulty,

    check: () => null,

    conceptKey: (p) => ({ kind: "boolean", value: statementOf(p).truth }),

    render(p, key, lang) {
      const t = conceptMessages(lang);
      const { item, option, truth } = statementOf(p);
      if (key.kind !== "boolean" || key.value !== truth) throw new ProblemError("invalid-variant", `${id}: the key of ${item.id} is not its truth`);
      const value = String(truth);
      const explanation = item.explanation[lang];
      const source = conceptSourceLine(item.section, lang);
      if (item.kind === "boolean") {
        return { prompt: t("prompt.boolean", { question: item.question[lang] }), solution: t("solution.boolean", { value, explanation, source }) };
      }
      if (option === undefined) throw new ProblemError("invalid-variant", `${id}: a statement of ${item.id} names no option`);
      const question = statementQuestion(item, lang);
      const claimed = optionText(item, option, lang);
      if (item.kind === "choice") {
        const right = optionText(item, AUTHORED_LETTERS.indexOf(item.answer), lang);
        return {
          prompt: t("prompt.statement.choice", { question, option: claimed }),
          solution: t("solution.statement.choice", { value, key: right, explanation, source }),
        };
      }
      const keys = item.answer.map((letter) => t("solution.statement.listedKey", { text: optionText(item, AUTHORED_LETTERS.indexOf(letter), lang) }));
      return {
        prompt: t("prompt.statement.choices", { question, option: claimed }),
        solution: t("solution.statement.choices", { value, keys: keys.join("\n"), explanation, source }),
      };
    },

    misconceptions,
  };
}
