import type { AnswerSchedule, AssessmentKind, LearnerOverride, QuestionRules, ReviewOptions, ShownWhen } from "@/lib/grading/assessments";

/**
 * The stored rows read as the pure rules of lib/grading/assessments: one place that knows how an
 * assessment's columns map onto its schedule, review options and question rules.
 */
interface AssessmentRow {
  kind: string;
  opensAt: Date | null;
  dueAt: Date | null;
  lateUntil: Date | null;
  lateCredit: number;
  timeLimitMinutes: number | null;
  gradeAtEnd: boolean;
  showScore: string;
  showCorrectness: string;
  showSolution: string;
}

export function scheduleOf(assessment: AssessmentRow): AnswerSchedule {
  return {
    opensAt: assessment.opensAt,
    dueAt: assessment.dueAt,
    lateUntil: assessment.lateUntil,
    lateCredit: assessment.lateCredit,
    timeLimitMinutes: assessment.kind === "exam" ? assessment.timeLimitMinutes : null,
  };
}

export function reviewOptionsOf(assessment: AssessmentRow): ReviewOptions {
  return {
    score: assessment.showScore as ShownWhen,
    correctness: assessment.showCorrectness as ShownWhen,
    solution: assessment.showSolution as ShownWhen,
    gradeAtEnd: assessment.kind === "exam" && assessment.gradeAtEnd,
  };
}

export function overrideOf(row: { dueAt: Date | null; lateUntil: Date | null; extraMinutes: number } | null | undefined): LearnerOverride | null {
  if (!row) return null;
  return { ...(row.dueAt ? { dueAt: row.dueAt } : {}), ...(row.lateUntil ? { lateUntil: row.lateUntil } : {}), extraMinutes: row.extraMinutes };
}

export function questionRulesOf(kind: string, question: { points: number; pointsPerTry: unknown }): QuestionRules {
  const values = Array.isArray(question.pointsPerTry) ? (question.pointsPerTry as number[]) : null;
  return { kind: kind as AssessmentKind, points: question.points, pointsPerTry: values };
}
