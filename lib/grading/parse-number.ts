import { create, parseDependencies } from "mathjs";
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode } from "mathjs";
import { checkLength, type LengthProblem, normalizeAnswer, quoteToken } from "./normalize-answer";

/** Why an answer could not be read as a number. */
export type NumberFormatProblem =
  | LengthProblem
  /** A symbol, function, or operator outside the allow-list (`x`, `pi`, `3!`, `a = 1`). */
  | { problem: "not-allowed"; token: string }
  /** Not an expression at all (`1,5`, `3 +`, `((2)`). */
  | { problem: "unreadable"; token: string }
  /** Infinite or not a number (`1/0`, `2^5000`). */
  | { problem: "not-finite" }
  /** An integer key, and the value is not a whole number (`15.5`, `29/2`). */
  | { problem: "not-whole"; value: number };

export type NumberParse = { ok: true; value: number } | { ok: false; format: NumberFormatProblem };

/**
 * Only mathjs's parser, never its evaluator: the tree is walked here against an allow-list, so
 * no symbol, function call, assignment or matrix can do anything (never `eval` or `Function`).
 */
const { parse } = create(requireDefined(parseDependencies));

function requireDefined<T>(value: T | undefined): { parseDependencies: T } {
  if (value === undefined) throw new Error("mathjs exports no parseDependencies");
  return { parseDependencies: value };
}

/** Binary and unary operators accepted, by mathjs's `fn` name. */
const OPERATORS: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => a ** b,
};
const UNARY: Record<string, (a: number) => number> = { unaryMinus: (a) => -a, unaryPlus: (a) => a };
const FUNCTIONS: Record<string, (a: number) => number> = { sqrt: Math.sqrt };

/** Characters an accepted expression can contain (after `normalizeAnswer`), besides `sqrt`. */
const ALLOWED_CHARS = /^[0-9.eE+\-*/^()\s]$/;
/** Parentheses nested deeper than this are refused before parsing (mathjs parses recursively). */
const MAX_DEPTH = 40;

class Refused extends Error {
  constructor(readonly token: string) {
    super(token);
  }
}

function evaluateNode(node: MathNode): number {
  switch (node.type) {
    case "ConstantNode": {
      const value = (node as ConstantNode).value as unknown;
      if (typeof value !== "number") throw new Refused(node.toString());
      return value;
    }
    case "ParenthesisNode":
      return evaluateNode((node as ParenthesisNode).content);
    case "OperatorNode": {
      const { fn, args, op } = node as OperatorNode;
      const unary = UNARY[fn];
      if (unary && args.length === 1) return unary(evaluateNode(args[0] as MathNode));
      const binary = OPERATORS[fn];
      if (binary && args.length === 2) return binary(evaluateNode(args[0] as MathNode), evaluateNode(args[1] as MathNode));
      throw new Refused(op);
    }
    case "FunctionNode": {
      const { fn, args } = node as FunctionNode;
      const apply = FUNCTIONS[fn.name];
      if (apply && args.length === 1) return apply(evaluateNode(args[0] as MathNode));
      throw new Refused(fn.name);
    }
    case "SymbolNode":
      throw new Refused(node.toString());
    default:
      throw new Refused(quoteToken(node.toString()));
  }
}

/**
 * Rewrites digit grouping into plain digits: `196,609,000` and `196 609 000` (groups of three
 * after a first group of one to three digits). Any other comma is left for the parser to refuse,
 * so `1,5` is never read as 15 nor as 1.5.
 */
function ungroupDigits(text: string): string {
  return text
    .replace(/(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])/g, (run) => run.replace(/,/g, ""))
    .replace(/(?<![\d.])\d{1,3}(?: \d{3})+(?![\d.])/g, (run) => run.replace(/ /g, ""));
}

/**
 * Reads a number as learners write it: digits grouped by commas or spaces (`196,609,000`,
 * `196 609 000`, thin and no-break spaces too), full-width digits and Chinese punctuation
 * (`１９６，６０９，０００`, `0。5`), scientific notation (`1.96e8`, `1.96×10^8`, `1.96*10^8`,
 * `1.96×10⁸`), and arithmetic with + − * / ^, parentheses and `sqrt` (`3*256*256*1000 + 1000`,
 * `(32+2*1-3)/1+1`, `2^10`). Anything else is a format error naming what is not accepted.
 */
export function parseNumber(text: string): NumberParse {
  const length = checkLength(text);
  if (length) return { ok: false, format: length };
  const normalized = ungroupDigits(normalizeAnswer(text).replace(/\.$/, ""));
  const stray = [...normalized.replace(/sqrt/g, "")].find((char) => !ALLOWED_CHARS.test(char));
  if (stray !== undefined) return { ok: false, format: { problem: "not-allowed", token: strayToken(normalized, stray) } };
  let depth = 0;
  for (const char of normalized) {
    depth += char === "(" ? 1 : char === ")" ? -1 : 0;
    if (depth > MAX_DEPTH) return { ok: false, format: { problem: "unreadable", token: quoteToken(text.trim()) } };
  }

  let tree: MathNode;
  try {
    tree = parse(normalized);
  } catch {
    return { ok: false, format: { problem: "unreadable", token: quoteToken(text.trim()) } };
  }
  let value: number;
  try {
    value = evaluateNode(tree);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, format: { problem: "not-allowed", token: error.token } };
    throw error;
  }
  if (!Number.isFinite(value)) return { ok: false, format: { problem: "not-finite" } };
  return { ok: true, value: value === 0 ? 0 : value };
}

/** The word holding a refused character (`pi`, `exp`, `x`), or the character itself, for the message. */
function strayToken(text: string, stray: string): string {
  const word = [...text.matchAll(/[\p{L}_]+/gu)].map((match) => match[0]).find((w) => w !== "sqrt" && !/^[eE]$/.test(w));
  return quoteToken(word !== undefined && word.includes(stray) ? word : stray);
}

/**
 * Values this close to a whole number are that number: `1.96*10^8` is 196000000.00000003 in
 * floating point, and must read as the whole number the learner meant.
 */
const WHOLE_EPSILON = 1e-9;

/** `parseNumber`, then a whole number is expected (`15.5` and `29/2` are format errors). */
export function parseInteger(text: string): NumberParse {
  const parsed = parseNumber(text);
  if (!parsed.ok) return parsed;
  const rounded = Math.round(parsed.value);
  if (Math.abs(parsed.value - rounded) > WHOLE_EPSILON * Math.max(1, Math.abs(rounded))) {
    return { ok: false, format: { problem: "not-whole", value: parsed.value } };
  }
  return { ok: true, value: rounded === 0 ? 0 : rounded };
}

/**
 * Whether `given` is `expected` within a relative tolerance, with the same absolute floor near
 * zero: `|given − expected| ≤ tolerance · max(|expected|, 1)` (a key of 0 with tolerance 1e-4
 * accepts 0.00005).
 */
export function withinTolerance(given: number, expected: number, tolerance: number): boolean {
  return Math.abs(given - expected) <= tolerance * Math.max(Math.abs(expected), 1);
}
