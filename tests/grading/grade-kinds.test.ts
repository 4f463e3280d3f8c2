import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import type { Answer, ChoiceOption, Problem, VariantMisconception } from "@/lib/problems";

/** A hand-made problem: no template behind it, so misconceptions are passed in. */
function problemOf(answer: Answer, options?: ChoiceOption[]): Problem {
  return { template: "test.hand-made", seed: 1, lang: "en", topic: "test", difficulty: "easy", prompt: "?", answer, check: null, solution: "", ...(options ? { options } : {}) };
}
const misconception = (id: string, wrongAnswer: Answer): VariantMisconception => ({
  id,
  wrongAnswer,
  feedback: { en: `Mistake ${id}.`, "zh-CN": `错误 ${id}。` },
});

describe("gradeAnswer on integers", () => {
  // by hand: a dense layer from 3·256·256 inputs to 1000 units has 3·256·256·1000 + 1000 = 196,609,000 params
  const problem = problemOf({ kind: "integer", value: 196_609_000 });
  const forgotBias = [misconception("forgot-bias", { kind: "integer", value: 196_608_000 })];

  it.each(["196609000", "196,609,000", "196 609 000", "3*256*256*1000 + 1000"])("gives %j full marks, echoing the key", (answer) => {
    const grade = gradeAnswer({ problem, answer, misconceptions: forgotBias });
    expect(grade).toEqual({
      gradable: true,
      score: 1,
      correct: true,
      feedback: { en: "Correct: the answer is $196{,}609{,}000$.", "zh-CN": "正确：答案是 $196{,}609{,}000$。" },
    });
  });

  it("names the mistake when the answer is its wrong value", () => {
    const grade = gradeAnswer({ problem, answer: "3*256*256*1000", misconceptions: forgotBias });
    expect(grade).toMatchObject({ gradable: true, score: 0, correct: false, mistake: "forgot-bias" });
    if (grade.gradable) expect(grade.feedback["zh-CN"]).toBe("不对。答案是 $196{,}609{,}000$。\n\n错误 forgot-bias。");
  });

  it("calls a non-integer a format error", () => {
    const grade = gradeAnswer({ problem, answer: "1.5" });
    expect(grade.gradable).toBe(false);
    if (!grade.gradable) expect(grade.formatError.en).toMatch(/^The answer is 1\.5, but a whole number is expected\. Enter a whole number/);
  });

  it("says what is accepted when a symbol is used", () => {
    const grade = gradeAnswer({ problem, answer: "n*1000" });
    if (grade.gradable) throw new Error("expected a format error");
    expect(grade.formatError.en).toMatch(/^“n” is not accepted: only numbers, the operators/);
    expect(grade.formatError["zh-CN"]).toMatch(/^不接受“n”/);
  });
});

describe("gradeAnswer on numbers", () => {
  // by hand: sigmoid(1) = 1/(1 + e^−1) = 0.7310585786…
  const problem = problemOf({ kind: "number", value: 0.7310585786, tolerance: 1e-3 });

  it("accepts an answer within the relative tolerance and refuses one outside", () => {
    expect(gradeAnswer({ problem, answer: "0.731" })).toMatchObject({ score: 1, correct: true }); // |0.731 − 0.73106| = 6e-5 ≤ 1e-3
    expect(gradeAnswer({ problem, answer: "0.733" })).toMatchObject({ score: 0, correct: false }); // 2e-3 > 1e-3
  });

  it("uses the tolerance as an absolute floor near zero", () => {
    const zero = problemOf({ kind: "number", value: 0, tolerance: 1e-4 });
    expect(gradeAnswer({ problem: zero, answer: "0.00005" })).toMatchObject({ correct: true });
    expect(gradeAnswer({ problem: zero, answer: "0.0002" })).toMatchObject({ correct: false });
  });

  it("matches a misconception within the tolerance", () => {
    const misconceptions = [misconception("forgot-negation", { kind: "number", value: 0.2689414214, tolerance: 1e-3 })];
    expect(gradeAnswer({ problem, answer: "0.269", misconceptions })).toMatchObject({ correct: false, mistake: "forgot-negation" });
  });
});

describe("gradeAnswer on matrices", () => {
  // d2l 6.2.1: the cross-correlation of [[0,1,2],[3,4,5],[6,7,8]] with [[0,1],[2,3]] is [[19,25],[37,43]]
  const problem = problemOf({ kind: "matrix", value: [[19, 25], [37, 43]] });
  // the true convolution (kernel flipped 180°), by hand: [[11,17],[29,35]]
  const flipped = [misconception("kernel-flipped", { kind: "matrix", value: [[11, 17], [29, 35]] })];

  it.each(["[[19,25],[37,43]]", "19 25; 37 43", "19, 25\n37, 43"])("gives %j full marks", (answer) => {
    expect(gradeAnswer({ problem, answer, misconceptions: flipped })).toMatchObject({ score: 1, correct: true });
  });

  it("scores the fraction of entries right", () => {
    const grade = gradeAnswer({ problem, answer: "19 25; 37 44", misconceptions: flipped });
    expect(grade).toMatchObject({ score: 3 / 4, correct: false });
    expect(grade).not.toHaveProperty("mistake");
    if (grade.gradable) expect(grade.feedback.en).toMatch(/^Partly right: 3 of 4 entries are correct\./);
  });

  it("names the misconception when every wrong entry is its rule's", () => {
    expect(gradeAnswer({ problem, answer: "11 17; 29 35", misconceptions: flipped })).toMatchObject({ score: 0, mistake: "kernel-flipped" });
    expect(gradeAnswer({ problem, answer: "19 17; 37 35", misconceptions: flipped })).toMatchObject({ score: 2 / 4, mistake: "kernel-flipped" });
  });

  it("names the expected and given sizes when the dimensions are wrong", () => {
    const grade = gradeAnswer({ problem, answer: "19 25 1; 37 43 1" });
    if (grade.gradable) throw new Error("expected a format error");
    expect(grade.formatError.en).toMatch(/^The matrix should be 2×2, but the answer is 2×3\. Enter 2 rows of 2 numbers/);
    expect(grade.formatError["zh-CN"]).toMatch(/^矩阵应为 2×2，但答案是 2×3。/);
  });

  it("compares within the per-entry tolerance when the key has one", () => {
    // by hand: average of [1, 2] = 1.5; 1.4999 is within 1e-3 relative
    const tolerant = problemOf({ kind: "matrix", value: [[1.5]], tolerance: 1e-3 });
    expect(gradeAnswer({ problem: tolerant, answer: "1.4999" })).toMatchObject({ correct: true });
  });
});

const options: ChoiceOption[] = [
  { id: "A", text: "Translation invariance and locality" },
  { id: "B", text: "Fewer layers" },
  { id: "C", text: "Parameter sharing" },
  { id: "D", text: "Larger kernels" },
];

describe("gradeAnswer on single choice", () => {
  const problem = problemOf({ kind: "choice", value: "A" }, options);
  const misconceptions = [misconception("depth-confusion", { kind: "choice", value: "B" })];

  it.each(["A", "a", "(a)", "Ａ", "translation invariance and LOCALITY"])("gives %j full marks", (answer) => {
    const grade = gradeAnswer({ problem, answer, misconceptions });
    expect(grade).toMatchObject({ score: 1, correct: true });
    if (grade.gradable) expect(grade.feedback.en).toBe("Correct: the answer is A (Translation invariance and locality).");
  });

  it("names the misconception a distractor was written for", () => {
    expect(gradeAnswer({ problem, answer: "B", misconceptions })).toMatchObject({ score: 0, mistake: "depth-confusion" });
    expect(gradeAnswer({ problem, answer: "D", misconceptions })).not.toHaveProperty("mistake");
  });

  it("lists the letters when the answer matches no option", () => {
    const grade = gradeAnswer({ problem, answer: "E" });
    if (grade.gradable) throw new Error("expected a format error");
    expect(grade.formatError.en).toBe("“E” matches none of the options. Enter the letter of one option (A, B, C, D) or its text.");
  });
});

describe("gradeAnswer on multi-select, PrairieLearn's PC rule max(0, t − f)/n", () => {
  const problem = problemOf({ kind: "choices", value: ["A", "C"] }, options);

  it.each([
    ["A, C", 1], // t = 2, f = 0: 2/2
    ["CA", 1],
    ["A", 1 / 2], // t = 1, f = 0: 1/2
    ["A, C, D", 1 / 2], // t = 2, f = 1: 1/2
    ["A, B", 0], // t = 1, f = 1: 0/2
    ["B, D", 0], // t = 0, f = 2: max(0, −2)/2 = 0
  ])("scores %j as %d", (answer, score) => {
    expect(gradeAnswer({ problem, answer })).toMatchObject({ score, correct: score === 1 });
  });

  it("says how many right and wrong options were chosen", () => {
    const grade = gradeAnswer({ problem, answer: "A, C, D" });
    if (!grade.gradable) throw new Error("expected a grade");
    expect(grade.feedback.en).toBe("Partly right: you chose 2 of the 2 right options and one wrong one. The answer is A, C.");
    expect(grade.feedback["zh-CN"]).toBe("部分正确：2 个正确选项中选对了 2 个，另外选错了 1 个。答案是 A, C。");
  });

  it("names the misconception whose selection explains every difference", () => {
    const misconceptions = [misconception("bigger-kernels", { kind: "choices", value: ["A", "C", "D"] })];
    expect(gradeAnswer({ problem, answer: "A C D", misconceptions })).toMatchObject({ mistake: "bigger-kernels" });
    expect(gradeAnswer({ problem, answer: "A C B", misconceptions })).not.toHaveProperty("mistake");
  });
});

describe("gradeAnswer on booleans", () => {
  const problem = problemOf({ kind: "boolean", value: false });
  const misconceptions = [misconception("pooling-has-weights", { kind: "boolean", value: true })];

  it.each(["false", "No", "错", "否", "×"])("gives %j full marks", (answer) => {
    const grade = gradeAnswer({ problem, answer, misconceptions });
    expect(grade).toMatchObject({ score: 1, correct: true });
    if (grade.gradable) expect(grade.feedback["zh-CN"]).toBe("正确：答案是 错（错误）。");
  });

  it("names the misconception of the wrong value", () => {
    expect(gradeAnswer({ problem, answer: "对", misconceptions })).toMatchObject({ score: 0, mistake: "pooling-has-weights" });
  });

  it("refuses 1 as a format error", () => {
    expect(gradeAnswer({ problem, answer: "1" })).toMatchObject({ gradable: false });
  });
});

describe("gradeAnswer on every kind", () => {
  it.each([
    problemOf({ kind: "integer", value: 1 }),
    problemOf({ kind: "matrix", value: [[1]] }),
    problemOf({ kind: "choice", value: "A" }, options),
    problemOf({ kind: "choices", value: ["A"] }, options),
    problemOf({ kind: "boolean", value: true }),
  ])("refuses an empty answer and one over 1,000 characters ($answer.kind)", (problem) => {
    expect(gradeAnswer({ problem, answer: " " })).toMatchObject({ gradable: false, formatError: { en: expect.stringMatching(/^The answer is empty\./) } });
    expect(gradeAnswer({ problem, answer: "1".repeat(1001) })).toMatchObject({
      gradable: false,
      formatError: { en: expect.stringMatching(/^The answer is longer than 1000 characters\./) },
    });
  });
});
