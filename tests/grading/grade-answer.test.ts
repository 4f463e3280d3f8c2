import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import { type Problem, sampleProblem } from "@/lib/problems";

/** A variant used as a fixture; `specOf` pins its spec, the expected numbers are worked from it. */
function variant(seed: number, lang: "en" | "zh-CN" = "en"): Problem {
  return sampleProblem({ template: "conv.output-size", seed, lang });
}
const specOf = (problem: Problem) => (problem.check?.mode === "analyze" ? problem.check.spec : null);

// Seed 6: input [3, 32, 32], 32 filters, kernel 5, padding 1, stride 2.
// By hand: floor((32 + 2·1 − 5)/2) + 1 = floor(29/2) + 1 = 15, so the key is [32, 15, 15].
const seed6 = variant(6);
// Seed 7: input [3, 11, 11], 6 filters, kernel 7, padding 3, stride 1.
// By hand: floor((11 + 6 − 7)/1) + 1 = 11, so the key is [6, 11, 11].
const seed7 = variant(7);

describe("the fixtures", () => {
  it("are the variants worked by hand above", () => {
    expect(specOf(seed6)).toEqual({
      input: [3, 32, 32],
      layers: [{ type: "conv2d", filters: 32, kernel: 5, padding: 1, stride: 2 }],
    });
    expect(specOf(seed7)).toEqual({
      input: [3, 11, 11],
      layers: [{ type: "conv2d", filters: 6, kernel: 7, padding: 3, stride: 1 }],
    });
  });
});

describe("gradeAnswer on shapes", () => {
  it.each(["32x15x15", "32×15×15", "(32, 15, 15)", "[32,15,15]", "32 15 15", "32*15*15"])(
    "accepts %j as right, with full marks",
    (answer) => {
      const grade = gradeAnswer({ problem: seed6, answer });
      expect(grade).toMatchObject({ gradable: true, score: 1, correct: true });
      expect(grade).not.toHaveProperty("mistake");
    },
  );

  it("gives feedback in both languages", () => {
    const grade = gradeAnswer({ problem: seed6, answer: "32x15x15" });
    if (!grade.gradable) throw new Error("expected a grade");
    expect(grade.feedback.en).toBe("Correct: the answer is $[32, 15, 15]$.");
    expect(grade.feedback["zh-CN"]).toBe("正确：答案是 $[32, 15, 15]$。");
  });

  it("scores the fraction of dimensions right and is correct only when all are", () => {
    // by hand: [32, 15, 14] has 2 of 3 dimensions of [32, 15, 15]
    expect(gradeAnswer({ problem: seed6, answer: "32x15x14" })).toMatchObject({ score: 2 / 3, correct: false });
    expect(gradeAnswer({ problem: seed6, answer: "1x2x3" })).toMatchObject({ score: 0, correct: false });
  });

  it.each([
    // by hand, seed 6, each rule on 32 + 2·1 − 5 = 29 and stride 2
    ["32x14x14", "forgot-plus-one", 1 / 3], // floor(29/2) = 14
    ["32x16x16", "ceil-instead-of-floor", 1 / 3], // ceil(29/2) + 1 = 16
    ["32x30x30", "stride-ignored", 1 / 3], // 29 + 1 = 30
    ["3x15x15", "input-channels-kept", 2 / 3], // the input's 3 channels
    ["32x14x15", "forgot-plus-one", 2 / 3], // the rule on the height only
  ])("recognises %j as the mistake %s", (answer, mistake, score) => {
    const grade = gradeAnswer({ problem: seed6, answer });
    expect(grade).toMatchObject({ gradable: true, correct: false, mistake, score });
  });

  it("recognises padding added once", () => {
    // by hand, seed 7: floor((11 + 3 − 7)/1) + 1 = 8
    expect(gradeAnswer({ problem: seed7, answer: "6x8x8" })).toMatchObject({ mistake: "padding-once", score: 1 / 3 });
  });

  it("names the mistake in both languages after the verdict", () => {
    const grade = gradeAnswer({ problem: seed6, answer: "3x15x15" });
    if (!grade.gradable) throw new Error("expected a grade");
    expect(grade.feedback.en).toBe(
      "Partly right: 2 of 3 dimensions are correct. The answer is $[32, 15, 15]$.\n\n" +
        "The number of output channels is the number of kernels, $32$, not the $3$ input channels: " +
        "each kernel sums over all input channels and produces one output channel.",
    );
    expect(grade.feedback["zh-CN"]).toContain("输出通道数等于卷积核的个数 $32$");
  });

  it("names no mistake when no known rule explains the answer", () => {
    const grade = gradeAnswer({ problem: seed6, answer: "32x7x7" });
    expect(grade).toMatchObject({ gradable: true, score: 1 / 3, correct: false });
    expect(grade).not.toHaveProperty("mistake");
  });
});

describe("gradeAnswer format errors", () => {
  it.each([
    ["", "The answer is empty."],
    ["32x15", "The shape needs 3 dimensions, but the answer has 2."],
    ["32x15.5x15", "“15.5” is not a whole number."],
    ["x".repeat(1001), "The answer is longer than 1000 characters."],
  ])("refuses %j, saying what was expected", (answer, reason) => {
    const grade = gradeAnswer({ problem: seed6, answer });
    expect(grade.gradable).toBe(false);
    if (grade.gradable) return;
    expect(grade.formatError.en).toBe(
      `${reason} Enter 3 whole numbers separated by x, commas or spaces, for example \`[a, b, c]\`.`,
    );
    expect(grade.formatError["zh-CN"]).toMatch(/请输入 3 个整数/);
  });
});

describe("gradeAnswer over 200 seeds", () => {
  it("accepts each key and names a mistake for each detectable wrong rule", async () => {
    const { requireTemplate } = await import("@/lib/problems");
    for (let seed = 0; seed < 200; seed += 1) {
      const problem = variant(seed, seed % 2 === 0 ? "en" : "zh-CN");
      const key = problem.answer.value as number[];
      expect(gradeAnswer({ problem, answer: key.join("x") })).toMatchObject({ correct: true, score: 1 });
      for (const misconception of requireTemplate(problem.template).misconceptions(seed)) {
        const wrong = misconception.wrongAnswer.value as number[];
        if (wrong.join() === key.join()) continue;
        const grade = gradeAnswer({ problem, answer: `[${wrong.join(", ")}]` });
        expect(grade).toMatchObject({ gradable: true, correct: false });
        expect(grade).toHaveProperty("mistake");
      }
    }
  });
});
