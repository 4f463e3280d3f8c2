import { describe, expect, it } from "vitest";
import { type AnswerSchedule, assessmentScore, checkQuestionRules, checkSchedule, MAX_TIME_LIMIT_MINUTES } from "@/lib/grading/assessments";

const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe("a question's rules", () => {
  it("accepts flat points and points that decline or stay level", () => {
    expect(checkQuestionRules({ kind: "exam", points: 10, pointsPerTry: [10, 7, 5] })).toEqual([]);
    expect(checkQuestionRules({ kind: "homework", points: 2.5, pointsPerTry: null })).toEqual([]);
    expect(checkQuestionRules({ kind: "exam", points: 10, pointsPerTry: [8, 8, 0] })).toEqual([]);
  });

  it.each([
    ["no points", { points: 0, pointsPerTry: null }, ["points"]],
    ["points not a number", { points: Number.NaN, pointsPerTry: null }, ["points"]],
    ["a typo's thousands of points", { points: 5000, pointsPerTry: null }, ["points"]],
    ["an empty list of tries", { points: 10, pointsPerTry: [] }, ["pointsPerTry"]],
    ["a try worth more than the question", { points: 10, pointsPerTry: [12, 7] }, ["pointsPerTry.0"]],
    ["points that rise", { points: 10, pointsPerTry: [10, 5, 7] }, ["pointsPerTry.2"]],
    ["a negative try", { points: 10, pointsPerTry: [10, -1] }, ["pointsPerTry.1"]],
  ])("refuses %s, naming the field", (_, rules, expected) => {
    expect(fields(checkQuestionRules({ kind: "exam", ...rules }))).toEqual(expected);
  });
});

describe("a schedule", () => {
  const at = (iso: string) => new Date(iso);
  const good: AnswerSchedule = { opensAt: at("2026-03-02T09:00:00Z"), dueAt: at("2026-03-06T17:00:00Z"), lateUntil: at("2026-03-08T17:00:00Z"), lateCredit: 0.5, timeLimitMinutes: 90 };

  it("accepts dates in order, a credit from 0 to 1 and a time limit in whole minutes", () => {
    expect(checkSchedule(good)).toEqual([]);
    expect(checkSchedule({ ...good, opensAt: null, dueAt: null, lateUntil: null, timeLimitMinutes: null })).toEqual([]);
  });

  it.each([
    ["a due date before the opening", { dueAt: at("2026-03-01T09:00:00Z") }, ["dueAt"]],
    ["a late period without a due date", { dueAt: null }, ["lateUntil"]],
    ["a late period ending before the due date", { lateUntil: at("2026-03-05T17:00:00Z") }, ["lateUntil"]],
    ["late credit over 100 %", { lateCredit: 1.5 }, ["lateCredit"]],
    ["a time limit of half a minute", { timeLimitMinutes: 0.5 }, ["timeLimitMinutes"]],
    ["a time limit past a week", { timeLimitMinutes: MAX_TIME_LIMIT_MINUTES + 1 }, ["timeLimitMinutes"]],
  ])("refuses %s, naming the field", (_, change, expected) => {
    expect(fields(checkSchedule({ ...good, ...change }))).toEqual(expected);
  });
});

describe("an attempt's total", () => {
  it("sums the questions and gives the percentage to two decimals", () => {
    expect(assessmentScore([{ awarded: 7, points: 10 }, { awarded: 4.9, points: 10 }, { awarded: 0, points: 10 }])).toEqual({ awarded: 11.9, possible: 30, percent: 39.67, overridden: false });
  });

  it("takes the instructor's override in place of the sum", () => {
    expect(assessmentScore([{ awarded: 7, points: 10 }], 9)).toEqual({ awarded: 9, possible: 10, percent: 90, overridden: true });
  });

  it("is 0 % when nothing could be earned", () => {
    expect(assessmentScore([])).toEqual({ awarded: 0, possible: 0, percent: 0, overridden: false });
  });
});
