import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import { checkQuestionDefinition, parseQuestionDefinition, sampleQuestion } from "@/lib/questions";
import { fixedChoice } from "./fixtures";

const base = { kind: "fixed", title: { en: "t" }, topic: "concepts", difficulty: "easy", prompt: { en: "p" }, explanation: { en: "e" } } as const;

describe("fixed questions", () => {
  it("a multiple-choice question keys its correct option by letter, options in the author's order", () => {
    const { problem, untranslated } = sampleQuestion(parseQuestionDefinition(fixedChoice), { templateId: "question:pool", seed: 9, lang: "zh-CN" });
    expect(problem.answer).toEqual({ kind: "choice", value: "B" });
    expect(problem.options).toEqual([
      { id: "A", text: "4" },
      { id: "B", text: "0 个" },
      { id: "C", text: "1" },
    ]);
    expect(problem.prompt).toBe("一个 $2 \\times 2$ 最大汇聚层有多少个可训练参数？");
    expect(problem.solution).toBe("汇聚层没有要学习的卷积核（d2l 6.5）。");
    expect(problem.check).toBeNull();
    // Options "4" and "1" have no Chinese text: the UI is told.
    expect(untranslated).toBe(true);
    expect(gradeAnswer({ problem, answer: "B", misconceptions: [] })).toMatchObject({ gradable: true, correct: true });
  });

  it("multi-select, true/false and numeric keys", () => {
    const multi = parseQuestionDefinition({
      ...base,
      answer: { format: "choices", options: [{ text: { en: "padding" }, correct: true }, { text: { en: "softmax" }, correct: false }, { text: { en: "stride" }, correct: true }] },
    });
    expect(sampleQuestion(multi, { templateId: "q", seed: 0 }).problem.answer).toEqual({ kind: "choices", value: ["A", "C"] });
    const truth = parseQuestionDefinition({ ...base, answer: { format: "boolean", value: false } });
    expect(sampleQuestion(truth, { templateId: "q", seed: 0 }).problem.answer).toEqual({ kind: "boolean", value: false });
    // LeNet-5's C1 has 156 parameters: 6·(5·5 + 1) (d2l zh 6.6 / en 7.6).
    const numeric = parseQuestionDefinition({ ...base, answer: { format: "numeric", value: 156, integer: true } });
    expect(sampleQuestion(numeric, { templateId: "q", seed: 0 }).problem.answer).toEqual({ kind: "integer", value: 156 });
    const real = parseQuestionDefinition({ ...base, answer: { format: "numeric", value: 0.5 } });
    expect(sampleQuestion(real, { templateId: "q", seed: 0 }).problem.answer).toEqual({ kind: "number", value: 0.5, tolerance: 1e-4 });
  });

  it("refuses two correct options in a multiple-choice question, and an empty Chinese text, naming the path", () => {
    const two = checkQuestionDefinition({ ...base, answer: { format: "choice", options: [{ text: { en: "a" }, correct: true }, { text: { en: "b" }, correct: true }] } });
    expect(two).toEqual({ ok: false, issues: [{ path: "answer.options", message: "a multiple-choice question has exactly one correct option" }] });
    const blank = checkQuestionDefinition({ ...base, prompt: { en: "p", "zh-CN": " " }, answer: { format: "boolean", value: true } });
    const whole = checkQuestionDefinition({ ...base, answer: { format: "numeric", value: 2.5, integer: true } });
    expect(whole).toEqual({ ok: false, issues: [{ path: "answer.value", message: "an integer answer is a whole number" }] });
    expect(blank).toEqual({ ok: false, issues: [{ path: "prompt.zh-CN", message: "leave zh-CN out rather than empty" }] });
  });
});
