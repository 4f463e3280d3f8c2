import type { Difficulty } from "../types";
import type { ConceptItem } from "./types";

/**
 * The true/false statements of a topic group. An authored true/false item is one statement; so is
 * every option of a choice or multi-select item that shows a subset of its options (`shown`), read
 * as "this option is a right answer to the question". Those items promise that each option is
 * right or wrong on its own, whatever else is shown, which is what lets one option stand alone:
 * an item showing all its options makes no such promise and gives no statements. A statement
 * keeps its item's difficulty, section and explanation, so it is checked against the books once,
 * where the item was written.
 */
export interface ConceptStatement {
  item: ConceptItem;
  /** The authored index of the option claimed to be right; absent for an authored true/false item. */
  option?: number;
  truth: boolean;
}

const AUTHORED_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;

/** Every statement the items give, in the items' order and then the options' authored order. */
export function conceptStatements(items: readonly ConceptItem[]): ConceptStatement[] {
  return items.flatMap((item): ConceptStatement[] => {
    if (item.kind === "boolean") return [{ item, truth: item.answer }];
    if (item.shown === undefined) return [];
    const right = new Set<string>(item.kind === "choice" ? [item.answer] : item.answer);
    return item.options.map((_, option) => ({ item, option, truth: right.has(AUTHORED_LETTERS[option] as string) }));
  });
}

/** The statements of one difficulty and truth value. */
export function statementsOf(statements: readonly ConceptStatement[], difficulty: Difficulty, truth: boolean): ConceptStatement[] {
  return statements.filter((statement) => statement.item.difficulty === difficulty && statement.truth === truth);
}
