import { describe, expect, it } from "vitest";
import { type GradedTry, type QuestionRules, questionScore, triesAllowed, tryPoints } from "@/lib/grading/assessments";

const right: GradedTry = { score: 1, credit: 1 };
const wrong: GradedTry = { score: 0, credit: 1 };
const half: GradedTry = { score: 0.5, credit: 1 };

const homework: QuestionRules = { kind: "homework", points: 10, pointsPerTry: null };
const decliningHomework: QuestionRules = { kind: "homework", points: 10, pointsPerTry: [10, 7, 5] };
// The example of an exam question: tries worth 10, 7 and 5.
const exam: QuestionRules = { kind: "exam", points: 10, pointsPerTry: [10, 7, 5] };
const oneTryExam: QuestionRules = { kind: "exam", points: 4, pointsPerTry: null };

describe("what each try is worth", () => {
  it.each([
    ["homework, flat", homework, [10, 10, 10, 10]],
    ["homework, declining: the last value repeats", decliningHomework, [10, 7, 5, 5]],
    ["exam, declining: three tries only", exam, [10, 7, 5, null]],
    ["exam, one try", oneTryExam, [4, null, null, null]],
  ] as const)("%s", (_, rules, expected) => {
    expect([0, 1, 2, 3].map((index) => tryPoints(rules, index))).toEqual(expected);
  });

  it("has no try before the first or between tries", () => {
    expect(tryPoints(homework, -1)).toBeNull();
    expect(tryPoints(homework, 0.5)).toBeNull();
  });

  it("allows unlimited homework tries and as many exam tries as declining values", () => {
    expect(triesAllowed(homework)).toBe(Infinity);
    expect(triesAllowed(decliningHomework)).toBe(Infinity);
    expect(triesAllowed(exam)).toBe(3);
    expect(triesAllowed(oneTryExam)).toBe(1);
  });
});

describe("a question's score keeps the best try", () => {
  it.each<[string, QuestionRules, GradedTry[], { awarded: number; bestTry: number | null; triesLeft: number; nextTryPoints: number | null }]>([
    ["no try yet", exam, [], { awarded: 0, bestTry: null, triesLeft: 3, nextTryPoints: 10 }],
    ["exam right at once: 10 and done", exam, [right], { awarded: 10, bestTry: 0, triesLeft: 0, nextTryPoints: null }],
    ["exam right at the second try: 7 and done", exam, [wrong, right], { awarded: 7, bestTry: 1, triesLeft: 0, nextTryPoints: null }],
    ["exam right at the third try: 5", exam, [wrong, wrong, right], { awarded: 5, bestTry: 2, triesLeft: 0, nextTryPoints: null }],
    ["exam wrong three times: 0, no try left", exam, [wrong, wrong, wrong], { awarded: 0, bestTry: null, triesLeft: 0, nextTryPoints: null }],
    // Half of 10 on the first try beats half of 7 on the second: 5, not 3.5.
    ["exam partial credit keeps the best: ½·10 then ½·7", exam, [half, half], { awarded: 5, bestTry: 0, triesLeft: 1, nextTryPoints: 5 }],
    ["exam partial then right: max(½·10, 7) = 7", exam, [half, right], { awarded: 7, bestTry: 1, triesLeft: 0, nextTryPoints: null }],
    ["a try past the exam's last is not counted", exam, [wrong, wrong, wrong, right], { awarded: 0, bestTry: null, triesLeft: 0, nextTryPoints: null }],
    ["homework right, then wrong: the right one stays", homework, [right, wrong], { awarded: 10, bestTry: 0, triesLeft: Infinity, nextTryPoints: 10 }],
    ["declining homework right at the fifth try: 5", decliningHomework, [wrong, wrong, wrong, wrong, right], { awarded: 5, bestTry: 4, triesLeft: Infinity, nextTryPoints: 5 }],
    ["declining homework right at once, then practising", decliningHomework, [right, right], { awarded: 10, bestTry: 0, triesLeft: Infinity, nextTryPoints: 5 }],
    ["one-try exam, wrong", oneTryExam, [wrong], { awarded: 0, bestTry: null, triesLeft: 0, nextTryPoints: null }],
  ])("%s", (_, rules, tries, expected) => {
    expect(questionScore(rules, tries)).toEqual(expected);
  });

  it("applies a late try's credit: right but late at 50 % on a 10-point try earns 5", () => {
    expect(questionScore(homework, [{ score: 1, credit: 0.5 }]).awarded).toBe(5);
    // On time and wrong, then late and right: 0 against ½·10.
    expect(questionScore(exam, [wrong, { score: 1, credit: 0.5 }]).awarded).toBe(3.5);
  });

  it("keeps decimal products exact to a millionth (0.7 × 7 is 4.9, not 4.8999…)", () => {
    expect(questionScore(exam, [wrong, { score: 0.7, credit: 1 }]).awarded).toBe(4.9);
    expect(questionScore({ kind: "homework", points: 3, pointsPerTry: null }, [{ score: 0.1, credit: 1 }]).awarded).toBe(0.3);
  });

  it("reads a score or credit outside 0 to 1 (or not a number) as the nearest bound", () => {
    expect(questionScore(homework, [{ score: 1.5, credit: 1 }]).awarded).toBe(10);
    expect(questionScore(homework, [{ score: -1, credit: 1 }]).awarded).toBe(0);
    expect(questionScore(homework, [{ score: Number.NaN, credit: 1 }]).awarded).toBe(0);
    expect(questionScore(homework, [{ score: 1, credit: 2 }]).awarded).toBe(10);
  });
});
