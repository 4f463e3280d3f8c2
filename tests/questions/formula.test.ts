import { describe, expect, it } from "vitest";
import { compileFormula, FormulaError } from "@/lib/questions/formula";
import { formulaNesting, MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING } from "@/lib/questions/formula-limits";

describe("formulas over variables, read by mathjs's parser and walked against an allow-list", () => {
  it("computes d2l's output size and parameter count formulas", () => {
    // d2l zh 6.3 / en 7.3: floor((n + 2p − k)/s) + 1 with n = 224, p = 3, k = 7, s = 2 is 112.
    expect(compileFormula("floor((n + 2*p - k)/s) + 1").evaluate({ n: 224, p: 3, k: 7, s: 2 })).toBe(112);
    expect(compileFormula("k^2 * c_in * c + c").evaluate({ k: 3, c_in: 64, c: 64 })).toBe(36928); // by hand: 9·4096 + 64
    expect(compileFormula("max(ceil(7/2), round(2.5), abs(-1), sqrt(16))").evaluate({})).toBe(4);
    expect(compileFormula("round(-2.5)").evaluate({})).toBe(-3); // halves away from zero, as Moodle (PHP) does
    expect(compileFormula("k >= 3").evaluate({ k: 3 })).toBe(true);
  });

  it("lists the variables it reads", () => {
    expect(compileFormula("a * b + a").symbols).toEqual(["a", "b"]);
  });

  it.each([
    ["exp(1)", 'the function "exp"'],
    ["a = 1", '"a = 1"'],
    ["3!", 'the operator "!"'],
    ["7 mod 2", 'the operator "mod"'],
    ['"text"', "the constant"],
    ["[1, 2]", '"[1, 2]"'],
    ["f(x) = x", '"f(x) = x"'],
  ])("refuses %s, naming %s", (text, named) => {
    expect(() => compileFormula(text)).toThrow(FormulaError);
    expect(() => compileFormula(text)).toThrow(named);
  });

  it("reports division by zero, an unknown variable and a comparison used as a number", () => {
    expect(() => compileFormula("12 / (s - 2)").evaluate({ s: 2 })).toThrow('formula "12 / (s - 2)": division by zero');
    expect(() => compileFormula("k + 1").evaluate({})).toThrow('unknown variable "k"');
    expect(() => compileFormula("(k > 1) * 2").evaluate({ k: 2 })).toThrow("uses the truth of a comparison as a number");
    expect(() => compileFormula("sqrt(-1)").evaluate({})).toThrow("is not finite");
  });

  it("writes Moodle's calculated syntax, or null for a comparison", () => {
    expect(compileFormula("k^2 * c + c").toMoodle((name) => `{${name}}`)).toBe("((pow({k}, 2) * {c}) + {c})");
    expect(compileFormula("floor((n - k)/s) + 1").toMoodle((name) => `{${name}}`)).toBe("(floor((({n} - {k}) / {s})) + 1)");
    expect(compileFormula("k < 3").toMoodle((name) => `{${name}}`)).toBeNull();
  });

  // Issue 11, item 4: the function table was an object literal, so these found Object.prototype's
  // members and failed with a TypeError (a 500) instead of a refusal.
  it.each(["constructor(a)", "toString(a)", "hasOwnProperty(a)", "__proto__(a)", "valueOf(a)", "isPrototypeOf(a)"])("refuses %s as a function outside the allow-list", (text) => {
    const name = text.slice(0, text.indexOf("("));
    expect(() => compileFormula(text)).toThrow(FormulaError);
    expect(() => compileFormula(text)).toThrow(`formula "${text}": the function "${name}" is not allowed; use numbers, variables`);
  });

  it("reads an Object.prototype name as a variable only from the scope's own properties", () => {
    expect(compileFormula("constructor + 1").symbols).toEqual(["constructor"]);
    expect(() => compileFormula("constructor + 1").evaluate({})).toThrow('unknown variable "constructor"');
  });
});

describe("the caps on a formula's size, checked before mathjs's parser recurses", () => {
  it("refuses a 20,000-term formula, naming the length cap", () => {
    const text = Array.from({ length: 20_000 }, () => "a").join(" + ");
    expect(MAX_FORMULA_LENGTH).toBe(1_000);
    expect(() => compileFormula(text)).toThrow(FormulaError);
    expect(() => compileFormula(text)).toThrow(`formula "a + a + a + a + a + a + a + a + a + a + …" is 79,997 characters long, over the limit of 1,000`);
  });

  it("refuses 5,000 nested unary minuses with a FormulaError, not a RangeError", () => {
    const text = `${"-".repeat(5_000)}a`;
    expect(() => compileFormula(text)).toThrow(FormulaError);
    expect(() => compileFormula(text)).toThrow("over the limit of 1,000");
  });

  it.each([
    ["unary minuses", (n: number) => `${"- ".repeat(n)}a`],
    ["parentheses", (n: number) => `${"(".repeat(n)}a${")".repeat(n)}`],
    ["function calls", (n: number) => `${"floor(".repeat(n)}a${")".repeat(n)}`],
    ["powers (right-associative)", (n: number) => `${"a^".repeat(n)}a`],
    ["signed powers", (n: number) => `${"a^-".repeat(Math.floor(n / 2))}a`],
  ])("refuses %s nested past the nesting cap, naming it, and reads them up to it", (_, nest) => {
    expect(MAX_FORMULA_NESTING).toBe(32);
    const atCap = nest(32);
    expect(formulaNesting(atCap)).toBeLessThanOrEqual(32);
    expect(() => compileFormula(atCap).evaluate({ a: 1 })).not.toThrow();
    // Cut to the length cap, so that the nesting cap is the one that answers.
    expect(() => compileFormula(nest(300).slice(0, MAX_FORMULA_LENGTH))).toThrow(/nests \d+ levels deep \(brackets, unary signs and powers\), over the limit of 32$/);
  });

  it("counts a chain only until a binary operator of lower precedence ends it", () => {
    // d2l's output size: floor( ( … ) / s ) nests 2 brackets.
    expect(formulaNesting("floor((n + 2*p - k)/s) + 1")).toBe(2);
    expect(formulaNesting("-a * -b * -c * -d")).toBe(1);
    expect(formulaNesting("a^-b^-c")).toBe(4);
    expect(formulaNesting('"((((((" + a')).toBe(0);
  });

  it("reads a long sum under the cap (its tree is deep, but no walk recurses past it)", () => {
    const text = Array.from({ length: 249 }, (_, i) => `a${i % 10}`).join("+");
    expect(text.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    const scope = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`a${i}`, 1]));
    expect(compileFormula(text).evaluate(scope)).toBe(249);
  });
});

