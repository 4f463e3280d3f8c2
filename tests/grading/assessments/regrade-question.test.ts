import { describe, expect, it } from "vitest";
import { type QuestionRules, regradeQuestion } from "@/lib/grading/assessments";

const exam: QuestionRules = { kind: "exam", points: 10, pointsPerTry: [10, 7, 5] };
const right = { score: 1, credit: 1 };
const wrong = { score: 0, credit: 1 };

describe("a question regraded after its key was fixed", () => {
  it("raises a learner whose right answer the wrong key refused: wrong, wrong → right at the first try, 0 → 10", () => {
    expect(regradeQuestion(exam, [wrong, wrong], [right, wrong], false)).toEqual({ before: 0, regraded: 10, after: 10, changed: true });
  });

  it("keeps what the wrong key gave unless the instructor asks to lower", () => {
    expect(regradeQuestion(exam, [right], [wrong], false)).toEqual({ before: 10, regraded: 0, after: 10, changed: false });
    expect(regradeQuestion(exam, [right], [wrong], true)).toEqual({ before: 10, regraded: 0, after: 0, changed: true });
  });

  it("leaves an unaffected learner unchanged", () => {
    expect(regradeQuestion(exam, [wrong, right], [wrong, right], true)).toEqual({ before: 7, regraded: 7, after: 7, changed: false });
  });

  it("counts a try that the fix made right at the value of that try (second try: 7)", () => {
    expect(regradeQuestion(exam, [wrong, wrong, right], [wrong, right, right], false)).toEqual({ before: 5, regraded: 7, after: 7, changed: true });
  });
});
