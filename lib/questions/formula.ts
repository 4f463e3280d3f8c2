import { create, parseDependencies } from "mathjs";
import { FormulaError } from "./formula-error";
import { checkFormulaSize } from "./formula-limits";
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from "mathjs";

/**
 * Only mathjs's parser, never its evaluator (as lib/grading/parse-number.ts does): the tree is
 * walked here against an allow-list, so no symbol outside the scope, function, assignment or
 * matrix can do anything, and `eval`/`Function` are never involved.
 */
const { parse } = create(requireDefined(parseDependencies));

function requireDefined<T>(value: T | undefined): { parseDependencies: T } {
  if (value === undefined) throw new Error("mathjs exports no parseDependencies");
  return { parseDependencies: value };
}

/** A formula's value: a number, or the truth of a comparison. */
export type FormulaValue = number | boolean;

export { FormulaError };

/*
 * The allow-lists are Maps, not object literals: a lookup by the name a formula wrote must never
 * find `Object.prototype` (`constructor(a)`, `toString(a)`, `__proto__(a)`, `hasOwnProperty(a)`
 * would otherwise be "functions", and calling them answers a TypeError, not a refusal).
 */
const ARITHMETIC = new Map<string, { sign: string; apply: (a: number, b: number) => number }>([
  ["add", { sign: "+", apply: (a, b) => a + b }],
  ["subtract", { sign: "-", apply: (a, b) => a - b }],
  ["multiply", { sign: "*", apply: (a, b) => a * b }],
  ["divide", { sign: "/", apply: (a, b) => a / b }],
  ["pow", { sign: "^", apply: (a, b) => a ** b }],
]);
const COMPARISONS = new Map<string, (a: number, b: number) => boolean>([
  ["larger", (a, b) => a > b],
  ["smaller", (a, b) => a < b],
  ["largerEq", (a, b) => a >= b],
  ["smallerEq", (a, b) => a <= b],
  ["equal", (a, b) => a === b],
  ["unequal", (a, b) => a !== b],
]);
/** `round` halves away from zero, as PHP's (Moodle's) `round` does, so an export keys the same. */
const FUNCTIONS = new Map<string, { arity: [number, number]; apply: (...args: number[]) => number }>([
  ["floor", { arity: [1, 1], apply: Math.floor }],
  ["ceil", { arity: [1, 1], apply: Math.ceil }],
  ["round", { arity: [1, 1], apply: (x) => Math.sign(x) * Math.round(Math.abs(x)) }],
  ["sqrt", { arity: [1, 1], apply: Math.sqrt }],
  ["abs", { arity: [1, 1], apply: Math.abs }],
  ["min", { arity: [1, Infinity], apply: Math.min }],
  ["max", { arity: [1, Infinity], apply: Math.max }],
]);

export const ALLOWED_IN_FORMULAS = "numbers, variables, + - * / ^, parentheses, comparisons (< <= > >= == !=) and floor, ceil, round, min, max, sqrt, abs";

/** A formula checked against the allow-list once, evaluated many times. */
export interface Formula {
  text: string;
  /** The variables it reads, in order of first use. */
  symbols: readonly string[];
  /** Its value for these variables; a `FormulaError` for division by zero or a non-finite value. */
  evaluate(scope: Readonly<Record<string, FormulaValue>>): FormulaValue;
  /**
   * The formula in Moodle's calculated-question syntax (`{k}*{k}*{c}`, `pow(a, b)`), each variable
   * written by `symbol`; `null` when Moodle cannot express it (a comparison).
   */
  toMoodle(symbol: (name: string) => string): string | null;
}

/**
 * Parses and checks a formula; a `FormulaError` names what is not allowed. The length and the
 * nesting are checked before mathjs reads it (formula-limits.ts): its parser recurses once per
 * bracket, sign and power, and so does the walk here once per operator.
 */
export function compileFormula(text: string): Formula {
  checkFormulaSize(text);
  let tree: MathNode;
  try {
    tree = parse(text);
  } catch (error) {
    throw new FormulaError(`formula ${JSON.stringify(text)} cannot be read: ${(error as Error).message}`);
  }
  const symbols: string[] = [];
  checkNode(tree, text, symbols);
  return {
    text,
    symbols,
    evaluate: (scope) => {
      const value = evaluateNode(tree, scope, text);
      if (typeof value === "number" && !Number.isFinite(value)) throw new FormulaError(`formula ${JSON.stringify(text)} is not finite (${value})`);
      return value;
    },
    toMoodle: (symbol) => moodleOf(tree, symbol),
  };
}

function refuse(text: string, what: string): never {
  throw new FormulaError(`formula ${JSON.stringify(text)}: ${what} is not allowed; use ${ALLOWED_IN_FORMULAS}`);
}

function checkNode(node: MathNode, text: string, symbols: string[]): void {
  switch (node.type) {
    case "ConstantNode":
      if (typeof (node as ConstantNode).value !== "number") refuse(text, `the constant ${node.toString()}`);
      return;
    case "SymbolNode": {
      const name = (node as SymbolNode).name;
      if (!symbols.includes(name)) symbols.push(name);
      return;
    }
    case "ParenthesisNode":
      return checkNode((node as ParenthesisNode).content, text, symbols);
    case "OperatorNode": {
      const { fn, op, args } = node as OperatorNode;
      const known = args.length === 2 ? ARITHMETIC.has(fn) || COMPARISONS.has(fn) : fn === "unaryMinus" || fn === "unaryPlus";
      if (!known) refuse(text, `the operator "${op}"`);
      for (const arg of args) checkNode(arg, text, symbols);
      return;
    }
    case "FunctionNode": {
      const { fn, args } = node as FunctionNode;
      const known = fn.type === "SymbolNode" ? FUNCTIONS.get(fn.name) : undefined;
      if (!known) refuse(text, fn.type === "SymbolNode" ? `the function "${fn.name}"` : `"${node.toString()}"`);
      const [least, most] = known.arity;
      if (args.length < least || args.length > most) throw new FormulaError(`formula ${JSON.stringify(text)}: ${fn.name} takes ${least === most ? least : `${least} or more`} argument(s), not ${args.length}`);
      for (const arg of args) checkNode(arg, text, symbols);
      return;
    }
    default:
      refuse(text, `"${node.toString()}"`);
  }
}

function asNumber(value: FormulaValue, text: string): number {
  if (typeof value !== "number") throw new FormulaError(`formula ${JSON.stringify(text)} uses the truth of a comparison as a number`);
  return value;
}

function evaluateNode(node: MathNode, scope: Readonly<Record<string, FormulaValue>>, text: string): FormulaValue {
  switch (node.type) {
    case "ConstantNode":
      return (node as ConstantNode).value as number;
    case "SymbolNode": {
      const name = (node as SymbolNode).name;
      if (!Object.hasOwn(scope, name)) throw new FormulaError(`formula ${JSON.stringify(text)}: unknown variable "${name}"`);
      return scope[name] as FormulaValue;
    }
    case "ParenthesisNode":
      return evaluateNode((node as ParenthesisNode).content, scope, text);
    case "OperatorNode": {
      const { fn, args } = node as OperatorNode;
      const values = args.map((arg) => asNumber(evaluateNode(arg, scope, text), text));
      if (args.length === 1) return fn === "unaryMinus" ? -(values[0] as number) : (values[0] as number);
      const [a, b] = values as [number, number];
      if (fn === "divide" && b === 0) throw new FormulaError(`formula ${JSON.stringify(text)}: division by zero`);
      const comparison = COMPARISONS.get(fn);
      return comparison ? comparison(a, b) : (ARITHMETIC.get(fn) as NonNullable<ReturnType<typeof ARITHMETIC.get>>).apply(a, b);
    }
    case "FunctionNode": {
      const { fn, args } = node as FunctionNode;
      const values = args.map((arg) => asNumber(evaluateNode(arg, scope, text), text));
      return (FUNCTIONS.get(fn.name) as NonNullable<ReturnType<typeof FUNCTIONS.get>>).apply(...values);
    }
    default:
      throw new FormulaError(`formula ${JSON.stringify(text)} cannot be evaluated`);
  }
}

function moodleOf(node: MathNode, symbol: (name: string) => string): string | null {
  switch (node.type) {
    case "ConstantNode":
      return String((node as ConstantNode).value);
    case "SymbolNode":
      return symbol((node as SymbolNode).name);
    case "ParenthesisNode":
      // Every operation below is written in parentheses already.
      return moodleOf((node as ParenthesisNode).content, symbol);
    case "OperatorNode": {
      const { fn, args } = node as OperatorNode;
      const parts = args.map((arg) => moodleOf(arg, symbol));
      if (parts.some((part) => part === null) || COMPARISONS.has(fn)) return null;
      // Operands are parenthesised: mathjs's tree already fixed the precedence, Moodle must keep it.
      if (args.length === 1) return fn === "unaryMinus" ? `(-${parts[0]})` : (parts[0] as string);
      if (fn === "pow") return `pow(${parts[0]}, ${parts[1]})`;
      return `(${parts[0]} ${(ARITHMETIC.get(fn) as NonNullable<ReturnType<typeof ARITHMETIC.get>>).sign} ${parts[1]})`;
    }
    case "FunctionNode": {
      const { fn, args } = node as FunctionNode;
      const parts = args.map((arg) => moodleOf(arg, symbol));
      return parts.some((part) => part === null) ? null : `${fn.name}(${parts.join(", ")})`;
    }
    default:
      return null;
  }
}
