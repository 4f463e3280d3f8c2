import type { PrismaClient } from "@/lib/db";
import { effectiveDates, wallClockOf } from "@/lib/grading/assessments";
import { attemptCell } from "./attempt-cell";
import { ownedAttempt } from "./owned-attempt";
import { courseQuestionTitles, questionTitle } from "./question-title";

/**
 * One learner's attempt for the course's instructors, question by question: what each question was
 * worth and holds now, every try exactly as typed with its score, credit, points earned and any
 * regrade's score, and the history of manual overrides (each with the total it replaced).
 */
export async function gradebookAttempt({ db, userId, attemptId, now }: { db: PrismaClient; userId: string; attemptId: string; now: Date }) {
  const settled = await ownedAttempt(db, attemptId, userId, now);
  const { attempt } = settled;
  const assessment = attempt.assessment;
  const [learner, course, overrides] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: attempt.userId }, select: { id: true, name: true, email: true } }),
    db.course.findUniqueOrThrow({ where: { id: assessment.courseId }, select: { id: true, timeZone: true } }),
    db.scoreOverride.findMany({ where: { attemptId }, orderBy: { createdAt: "asc" }, include: { by: { select: { name: true, email: true } } } }),
  ]);
  const titles = await courseQuestionTitles(db, attempt.questions.map((question) => question.templateId));
  const latest = overrides.at(-1)?.score ?? null;
  const cell = attemptCell(attempt, settled.schedule, settled.override, latest, now);
  const wall = (instant: Date | null) => (instant ? wallClockOf(instant, course.timeZone) : null);

  return {
    courseId: course.id,
    timeZone: course.timeZone,
    assessment: { id: assessment.id, titleEn: assessment.titleEn, titleZh: assessment.titleZh, kind: assessment.kind as "homework" | "exam" },
    learner,
    ...cell,
    deadline: settled.deadline,
    dueAt: wall(effectiveDates(settled.schedule, settled.override).dueAt),
    questions: attempt.questions.map((question) => ({
      position: question.position,
      zone: question.zone,
      templateId: question.templateId,
      title: questionTitle(question.templateId, titles),
      points: question.points,
      awarded: question.awarded,
      tries: question.tries.map((attemptTry) => ({
        tryNumber: attemptTry.tryNumber,
        answer: attemptTry.answer,
        score: attemptTry.score,
        correct: attemptTry.correct,
        credit: attemptTry.credit,
        earned: attemptTry.earned,
        regradedScore: attemptTry.regradedScore,
        mistake: attemptTry.mistake,
        lang: attemptTry.lang,
        answeredAt: attemptTry.answeredAt,
      })),
    })),
    overrides: overrides.map((row) => ({
      id: row.id,
      previous: row.previous,
      score: row.score,
      reason: row.reason,
      by: row.by ? { name: row.by.name, email: row.by.email } : null,
      createdAt: row.createdAt,
    })),
  };
}
