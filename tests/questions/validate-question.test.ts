import { describe, expect, it } from "vitest";
import { parseQuestionDefinition, validateQuestion } from "@/lib/questions";
import { convBlockQuestion, fixedChoice } from "./fixtures";

/** One conv layer on an n×n input with a k×k kernel, no padding: its output shape is asked. */
const outputShape = (variables: { name: string; values: number[] }[], prompt = "Input {{n}}×{{n}}, kernel {{k}}: the output shape?") =>
  parseQuestionDefinition({
    kind: "custom",
    title: { en: "Output shape" },
    topic: "conv-arithmetic",
    difficulty: "easy",
    prompt: { en: prompt },
    variables,
    answer: {
      kind: "shape",
      engine: { mode: "analyze", spec: { input: [1, "{{n}}", "{{n}}"], layers: [{ type: "conv2d", filters: 4, kernel: "{{k}}" }] }, select: "outputShape" },
    },
  });

describe("the validation run", () => {
  it("checks the whole space of the conv block question and finds nothing wrong", () => {
    const report = validateQuestion(parseQuestionDefinition(convBlockQuestion()));
    expect(report).toEqual({ checked: 6, exhaustive: true, failures: [], duplicates: [], ok: true });
  });

  it("finds the planted variant whose output would be smaller than 1: n = 4, k = 5 (4 − 5 + 1 = 0, d2l 6.3)", () => {
    const report = validateQuestion(outputShape([{ name: "n", values: [4, 8] }, { name: "k", values: [3, 5] }]));
    expect(report.checked).toBe(4);
    expect(report.ok).toBe(false);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ code: "engine-error", variables: { n: 4, k: 5 } });
    expect(report.failures[0]?.message).toMatch(/^the engine cannot compute the key: layer 0 \(conv2d\)/);
  });

  it("reports a derived variable dividing by zero, with the variables", () => {
    const question = parseQuestionDefinition({
      ...convBlockQuestion(),
      variables: [{ name: "s", values: [1, 2, 3] }],
      derived: [{ name: "x", formula: "6 / (s - 2)" }],
      prompt: { en: "s = {{s}}, x = {{x}}" },
      answer: { kind: "number", formula: "x" },
      solution: undefined,
      misconceptions: undefined,
    });
    const report = validateQuestion(question);
    expect(report.failures).toEqual([{ code: "invalid-variant", message: 'derived variable x: formula "6 / (s - 2)": division by zero', variables: { s: 2 } }]);
  });

  it("finds duplicates: a variable the prompt never shows makes variants a learner cannot tell apart", () => {
    const report = validateQuestion(outputShape([{ name: "n", values: [8] }, { name: "k", values: [3] }, { name: "unused", values: [1, 2] }]));
    expect(report.ok).toBe(true);
    // By hand: 8 − 3 + 1 = 6, so both variants ask the same and are keyed [4, 6, 6].
    expect(report.duplicates).toEqual([
      { prompt: "Input 8×8, kernel 3: the output shape?", key: [4, 6, 6], variants: [{ variables: { n: 8, k: 3, unused: 1 } }, { variables: { n: 8, k: 3, unused: 2 } }] },
    ]);
  });

  it("checks 1,000 variants of a small conv spec in well under a few seconds, exhaustively up to 1,000", () => {
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const question = outputShape([{ name: "n", values: range(11, 20) }, { name: "k", values: range(1, 10) }, { name: "c", values: range(1, 10) }], "{{n}} {{k}} {{c}}");
    const started = performance.now();
    const report = validateQuestion(question);
    const elapsed = performance.now() - started;
    expect(report).toMatchObject({ checked: 1000, exhaustive: true, failures: [] });
    expect(elapsed).toBeLessThan(3000);
  });

  it("samples 1,000 seeds past 1,000 combinations", () => {
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const report = validateQuestion(outputShape([{ name: "n", values: range(10, 60) }, { name: "k", values: range(1, 30) }]));
    expect(report.checked).toBe(1000);
    expect(report.exhaustive).toBe(false);
    expect(report.failures.length).toBeGreaterThan(0);
    // Every failure is a kernel wider than the input: n − k + 1 < 1 (d2l 6.3).
    for (const failure of report.failures) expect((failure.variables?.k ?? 0) > (failure.variables?.n ?? 0)).toBe(true);
  });

  it("builds a fixed question once in both languages", () => {
    expect(validateQuestion(parseQuestionDefinition(fixedChoice))).toEqual({ checked: 1, exhaustive: true, failures: [], duplicates: [], ok: true });
  });
});
