import { FormulaError } from "./formula-error";

/**
 * Caps on a formula checked before mathjs parses it. mathjs's parser is recursive descent: each
 * bracket, each unary sign (`- - - a`), each `^` (right-associative, `a^b^c`) and each `?`, `=` or
 * `not` recurses once more (through a dozen frames a level), so 5,000 unary minuses overflow the
 * stack ("Maximum call stack size exceeded") before any allow-list could refuse them; and the
 * tree of a 20,000-term sum is 20,000 levels deep for every walk after it. A formula of a question
 * is a line of arithmetic (d2l's output size `floor((n + 2*p - k)/s) + 1` is 25 characters and
 * nests 3): these caps are far above any, and each message names its cap.
 */

/** The longest formula, in characters. */
export const MAX_FORMULA_LENGTH = 1_000;
/** The deepest nesting of brackets, unary signs and powers (see `formulaNesting`). */
export const MAX_FORMULA_NESTING = 32;

/** The formula for a message: whole when short, else its start. */
export function quoteFormula(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Refuses a formula over either cap with a `FormulaError` naming the cap; returns quietly otherwise. */
export function checkFormulaSize(text: string): void {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(`formula ${quoteFormula(text)} is ${text.length.toLocaleString("en-US")} characters long, over the limit of ${MAX_FORMULA_LENGTH.toLocaleString("en-US")}`);
  }
  const nesting = formulaNesting(text);
  if (nesting > MAX_FORMULA_NESTING) {
    throw new FormulaError(
      `formula ${quoteFormula(text)} nests ${nesting.toLocaleString("en-US")} levels deep (brackets, unary signs and powers), over the limit of ${MAX_FORMULA_NESTING}`,
    );
  }
}

const OPEN = new Set(["(", "[", "{"]);
const CLOSE = new Set([")", "]", "}"]);
/** Prefix operators, and operators whose right side mathjs parses by recursing (`^`, `?`, `=`). */
const RECURSING = new Set(["^", "?", "~"]);
const WORD = /[A-Za-z0-9_.$\u00C0-\uFFFF]/;

/**
 * An upper bound of how deep mathjs's parser recurses into a formula, from one pass over its
 * characters: per open bracket one level, plus, at each bracket level, the chain of unary signs,
 * powers, `?`, `=`, `~` and `not` since the last binary operator of lower precedence (`+ - * /`,
 * comparisons, `,`), which ends the chain because the parser returns to that level's loop. A
 * string literal is skipped whole. Overestimating is harmless (the cap is far above real formulas);
 * underestimating is what the caps exist to prevent, so every doubtful character counts.
 */
export function formulaNesting(text: string): number {
  const chains: number[] = [0];
  let depth = 0;
  let deepest = 0;
  let afterOperand = false;
  const endChain = () => {
    depth -= chains[chains.length - 1] as number;
    chains[chains.length - 1] = 0;
  };
  const extendChain = () => {
    chains[chains.length - 1] = (chains[chains.length - 1] as number) + 1;
    depth += 1;
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (/\s/.test(char)) continue;
    if (char === '"' || (char === "'" && !afterOperand)) {
      index = endOfString(text, index);
      afterOperand = true;
    } else if (char === "'") {
      // A transpose after an operand: postfix, read in a loop.
    } else if (OPEN.has(char)) {
      chains.push(0);
      depth += 1;
      afterOperand = false;
    } else if (CLOSE.has(char)) {
      if (chains.length > 1) depth -= 1 + (chains.pop() as number);
      afterOperand = true;
    } else if (WORD.test(char)) {
      let end = index;
      while (end + 1 < text.length && WORD.test(text[end + 1] as string)) end += 1;
      const word = text.slice(index, end + 1);
      index = end;
      if (word === "not" && !afterOperand) extendChain();
      else if (afterOperand && ["and", "or", "xor", "mod", "in", "to"].includes(word)) {
        endChain();
        afterOperand = false;
      } else afterOperand = true;
    } else if ((char === "-" || char === "+") && !afterOperand) {
      extendChain();
    } else if (RECURSING.has(char) || (char === "=" && !"=<>!".includes(text[index - 1] ?? "") && text[index + 1] !== "=")) {
      extendChain();
      afterOperand = false;
    } else if (char === "!" && afterOperand && text[index + 1] !== "=") {
      // A factorial: postfix, read in a loop.
    } else if (char === ":") {
      // A conditional's `:` (its false branch is parsed by recursing, so the chain goes on) or a range's.
      afterOperand = false;
    } else {
      // A binary operator of lower precedence than the signs (+ - * / % < > == , ; & |).
      endChain();
      afterOperand = false;
    }
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** The index of the quote closing the string that opens at `start` (backslash escapes skipped). */
function endOfString(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index += 1) {
    if (text[index] === "\\") index += 1;
    else if (text[index] === quote) return index;
  }
  return text.length;
}
