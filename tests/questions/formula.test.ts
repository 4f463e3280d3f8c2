import { describe, expect, it } from "vitest";
import { compileFormula, FormulaError } from "@/lib/questions/formula";

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
});
