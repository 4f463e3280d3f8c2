import type { AnswerSchedule, QuestionRules } from "./rules";

/**
 * A rule that cannot be used, named by its field so the form can show it beside that field: the
 * English message for the API, and a stable `reason` id with its values so that a page can say
 * it in its own language (lib/server/errors.ts).
 */
export interface RuleProblem {
  field: string;
  message: string;
  reason: string;
  params?: Readonly<Record<string, string | number>>;
}

// Past these an instructor has made a typo, not a rule: a question worth a thousand points, a
// hundred declining values, a time limit of more than a week.
export const MAX_QUESTION_POINTS = 1000;
export const MAX_TRY_VALUES = 20;
export const MAX_TIME_LIMIT_MINUTES = 7 * 24 * 60;

const isPositive = (value: number, max: number) => Number.isFinite(value) && value > 0 && value <= max;

/** Every problem with a question's rules; empty when they can be used. */
export function checkQuestionRules(rules: QuestionRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isPositive(rules.points, MAX_QUESTION_POINTS)) {
    problems.push({ field: "points", message: `points must be a number above 0 and at most ${MAX_QUESTION_POINTS}`, reason: "rules.pointsRange", params: { max: MAX_QUESTION_POINTS } });
  }
  const values = rules.pointsPerTry;
  if (values === null) return problems;
  if (values.length === 0 || values.length > MAX_TRY_VALUES) {
    problems.push({ field: "pointsPerTry", message: `give between 1 and ${MAX_TRY_VALUES} values, one for each try`, reason: "rules.tryValuesCount", params: { max: MAX_TRY_VALUES } });
    return problems;
  }
  values.forEach((value, at) => {
    if (!Number.isFinite(value) || value < 0) problems.push({ field: `pointsPerTry.${at}`, message: `try ${at + 1} must be worth 0 points or more`, reason: "rules.tryNegative", params: { try: at + 1 } });
    else if (value > rules.points) problems.push({ field: `pointsPerTry.${at}`, message: `try ${at + 1} cannot be worth more than the question's ${rules.points} points`, reason: "rules.tryAbovePoints", params: { try: at + 1, points: rules.points } });
    else if (at > 0 && value > values[at - 1]!) problems.push({ field: `pointsPerTry.${at}`, message: `try ${at + 1} cannot be worth more than try ${at}: points only decline`, reason: "rules.tryAbovePrevious", params: { try: at + 1, previous: at } });
  });
  return problems;
}

/** Every problem with when answers are taken; empty when the schedule can be used. */
export function checkSchedule(schedule: AnswerSchedule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { opensAt, dueAt, lateUntil, lateCredit, timeLimitMinutes } = schedule;
  if (opensAt && dueAt && dueAt <= opensAt) problems.push({ field: "dueAt", message: "the due date must come after the opening date", reason: "rules.dueBeforeOpen" });
  if (lateUntil && !dueAt) problems.push({ field: "lateUntil", message: "a late period needs a due date to start from", reason: "rules.lateWithoutDue" });
  if (lateUntil && dueAt && lateUntil <= dueAt) problems.push({ field: "lateUntil", message: "the late period must end after the due date", reason: "rules.lateBeforeDue" });
  if (!Number.isFinite(lateCredit) || lateCredit < 0 || lateCredit > 1) problems.push({ field: "lateCredit", message: "late credit must be between 0 and 1 (0 % to 100 %)", reason: "rules.lateCredit" });
  if (timeLimitMinutes !== null && !(Number.isInteger(timeLimitMinutes) && isPositive(timeLimitMinutes, MAX_TIME_LIMIT_MINUTES))) {
    problems.push({ field: "timeLimitMinutes", message: `the time limit must be a whole number of minutes from 1 to ${MAX_TIME_LIMIT_MINUTES}`, reason: "rules.timeLimit", params: { max: MAX_TIME_LIMIT_MINUTES } });
  }
  return problems;
}
