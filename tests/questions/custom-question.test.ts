import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import { checkQuestionDefinition, parseQuestionDefinition, QuestionError, sampleQuestion } from "@/lib/questions";
import { convBlockQuestion, outputSizeQuestion } from "./fixtures";

/** d2l zh 6.4 / en 7.4: a conv layer has c_out·c_in·k·k weights and c_out biases. */
const convParams = (k: number, cIn: number, cOut: number) => k * k * cIn * cOut + cOut;

describe("a custom question keyed by an engine spec", () => {
  const question = parseQuestionDefinition(convBlockQuestion());

  it("keys k = 3, 3 → 16 channels as 3·3·3·16 + 16 = 448, and fills the placeholders", () => {
    const only = parseQuestionDefinition(convBlockQuestion({ variables: [{ name: "k", values: [3] }, { name: "c", values: [16] }, { name: "c_in", values: [3] }] }));
    const { problem, untranslated, variables } = sampleQuestion(only, { templateId: "question:conv-block", seed: 5 });
    expect(problem.answer).toEqual({ kind: "integer", value: 448 }); // by hand: 432 weights + 16 biases
    expect(variables).toEqual({ k: 3, c: 16, c_in: 3, p: 1 });
    expect(problem.prompt).toBe(
      "A convolutional layer maps $[3, 32, 32]$ to 16 output channels with a $3 \\times 3$ kernel and padding 1. How many trainable parameters does it have?",
    );
    expect(problem.solution).toBe("$16 \\cdot (3 \\cdot 3^2) + 16 = 448$");
    expect(problem.check).toEqual({
      mode: "analyze",
      spec: { input: [3, 32, 32], layers: [{ type: "conv2d", filters: 16, kernel: 3, padding: 1 }] },
      select: "totalParams",
    });
    expect(problem).toMatchObject({ template: "question:conv-block", seed: 5, lang: "en", topic: "parameters", difficulty: "medium" });
    expect(untranslated).toBe(false);
  });

  it("keys every variant as the hand formula over its variables, and reaches all six of them", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 60; seed += 1) {
      const { problem, variables } = sampleQuestion(question, { templateId: "q", seed });
      const { k, c, c_in } = variables as { k: number; c: number; c_in: number };
      expect([3, 4, 5]).toContain(k);
      expect([16, 32]).toContain(c);
      expect(problem.answer).toEqual({ kind: "integer", value: convParams(k, c_in, c) });
      seen.add(`${k},${c}`);
    }
    expect(seen.size).toBe(6);
  });

  it("renders Chinese where written, and the solution falls back to English with the flag set only for the prompt", () => {
    const zh = sampleQuestion(question, { templateId: "q", seed: 3, lang: "zh-CN" });
    expect(zh.problem.prompt).toMatch(/^一个卷积层把 \$\[3, 32, 32\]\$ 映射到 (16|32) 个输出通道/);
    expect(zh.untranslated).toBe(false);
    expect(zh.problem.solution).toMatch(/^\$(16|32) \\cdot/);
    const englishOnly = parseQuestionDefinition(convBlockQuestion({ prompt: { en: "Parameters of a {{k}}x{{k}} conv to {{c}} channels?" } }));
    const fallback = sampleQuestion(englishOnly, { templateId: "q", seed: 3, lang: "zh-CN" });
    expect(fallback.untranslated).toBe(true);
    expect(fallback.problem.prompt).toMatch(/^Parameters of a \dx\d conv/);
    expect(fallback.problem.lang).toBe("zh-CN");
  });

  it("names the forgotten bias when the answer equals the misconception's formula, through gradeAnswer's misconceptions argument", () => {
    const only = parseQuestionDefinition(convBlockQuestion({ variables: [{ name: "k", values: [5] }, { name: "c", values: [32] }, { name: "c_in", values: [3] }] }));
    const { problem, misconceptions } = sampleQuestion(only, { templateId: "question:conv-block", seed: 0 });
    // By hand: 5·5·3·32 = 2400 weights, + 32 biases = 2432.
    expect(problem.answer.value).toBe(2432);
    expect(misconceptions).toEqual([
      { id: "forgot-bias", wrongAnswer: { kind: "integer", value: 2400 }, feedback: { en: "You left out the 32 biases.", "zh-CN": "你漏掉了 32 个偏置。" } },
    ]);
    expect(gradeAnswer({ problem, answer: "2400", misconceptions })).toMatchObject({ gradable: true, correct: false, mistake: "forgot-bias" });
    expect(gradeAnswer({ problem, answer: "2,432", misconceptions })).toMatchObject({ gradable: true, correct: true });
  });
});

describe("a custom question keyed by a formula", () => {
  it("computes a derived variable: floor((32 + 2 − 3)/2) + 1 = 16 (d2l zh 6.3 / en 7.3), with no engine check", () => {
    const { problem, variables } = sampleQuestion(parseQuestionDefinition(outputSizeQuestion), { templateId: "q", seed: 0 });
    expect(variables).toMatchObject({ out: 16 });
    expect(problem.answer).toEqual({ kind: "integer", value: 16 });
    expect(problem.check).toBeNull();
    expect(problem.solution).toBe("$\\lfloor (32 + 2 \\cdot 1 - 3)/2 \\rfloor + 1 = 16$");
  });

  it("gives a number key its tolerance and a boolean key from a comparison", () => {
    const ratio = parseQuestionDefinition({ ...outputSizeQuestion, answer: { kind: "number", formula: "k*k / (n*n)", tolerance: 0.01 } });
    // By hand: 9/1024 = 0.0087890625.
    expect(sampleQuestion(ratio, { templateId: "q", seed: 0 }).problem.answer).toEqual({ kind: "number", value: 0.0087890625, tolerance: 0.01 });
    const shrinks = parseQuestionDefinition({ ...outputSizeQuestion, answer: { kind: "boolean", formula: "out < n" } });
    expect(sampleQuestion(shrinks, { templateId: "q", seed: 0 }).problem.answer).toEqual({ kind: "boolean", value: true });
  });

  it("refuses a non-integer where an integer key is expected", () => {
    const third = parseQuestionDefinition({ ...outputSizeQuestion, answer: { kind: "integer", formula: "n / 3" } });
    expect(() => sampleQuestion(third, { templateId: "q", seed: 0 })).toThrow(new QuestionError("invalid-variant", "the answer formula is 10.6666666667, not an integer"));
  });
});

describe("a custom definition's mistakes, each at its field path", () => {
  it("an unknown placeholder in the prompt or solution", () => {
    const checked = checkQuestionDefinition(convBlockQuestion({ prompt: { en: "Kernel {{kk}}", "zh-CN": "卷积核 {{k}}" }, solution: { en: "{{answer}} {{nope}}" } }));
    expect(checked).toEqual({
      ok: false,
      issues: [
        { path: "prompt.en", message: "unknown placeholder {{kk}}" },
        { path: "solution.en", message: "unknown placeholder {{nope}}" },
      ],
    });
  });

  it("a function outside the allow-list, a variable used before it is derived, a bad range", () => {
    const checked = checkQuestionDefinition(
      convBlockQuestion({
        variables: [{ name: "k", min: 5, max: 3 }, { name: "c", values: [16] }, { name: "c_in", values: [3] }],
        derived: [{ name: "p", formula: "exp(k)" }, { name: "q", formula: "r + 1" }, { name: "r", formula: "1" }],
      }),
    );
    expect(checked.ok).toBe(false);
    const issues = checked.ok ? [] : checked.issues;
    expect(issues.map((issue) => issue.path)).toEqual(["variables.0.max", "derived.0.formula", "derived.1.formula"]);
    expect(issues[1]?.message).toMatch(/the function "exp" is not allowed; use .*floor, ceil, round, min, max, sqrt, abs/);
    expect(issues[2]?.message).toBe("unknown variable r (known: k, c, c_in, p)");
  });

  it("a range too long to be meant, before any value is listed", () => {
    const checked = checkQuestionDefinition({ ...outputSizeQuestion, variables: [{ name: "n", min: 0, max: 1_000_000_000 }, ...outputSizeQuestion.variables.slice(1)] });
    expect(checked).toEqual({ ok: false, issues: [{ path: "variables.0.max", message: "a range takes at most 10000 values; raise step or narrow it" }] });
  });

  it("an answer with both or neither of engine and formula, and a shape from a formula", () => {
    const neither = checkQuestionDefinition({ ...outputSizeQuestion, answer: { kind: "integer" } });
    expect(neither).toMatchObject({ ok: false, issues: [{ path: "answer.engine", message: "give exactly one of engine (a spec or op the engine keys) or formula" }] });
    const shape = checkQuestionDefinition({ ...outputSizeQuestion, answer: { kind: "shape", formula: "out" } });
    expect(shape).toMatchObject({ ok: false, issues: [{ path: "answer.formula" }] });
  });

  it("a placeholder in an engine spec that names no variable fails the variant, naming it", () => {
    const bad = parseQuestionDefinition(
      convBlockQuestion({
        answer: { kind: "integer", engine: { mode: "analyze", spec: { input: [3, 8, 8], layers: [{ type: "conv2d", filters: "{{filters}}", kernel: 3 }] }, select: "totalParams" } },
      }),
    );
    expect(() => sampleQuestion(bad, { templateId: "q", seed: 0 })).toThrow("answer.engine: unknown placeholder {{filters}}");
  });
});
