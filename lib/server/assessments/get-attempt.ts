import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { requestScoreSync } from "../lti/score-sync";
import { loadOwnAttempt } from "./load-attempt";
import { questionState, takesAnswers, visibleNow, visibleTotal } from "./question-state";
import { learnersAssessment } from "./start-attempt";

/** The latest instructor override of an attempt's score, or null. */
export async function latestOverride(db: PrismaClient, attemptId: string) {
  return db.scoreOverride.findFirst({ where: { attemptId }, orderBy: { createdAt: "desc" } });
}

/**
 * The learner's attempt at an assessment, for the take page: its questions' states, the deadline
 * on the server's clock and the server's time now (the page counts down from their difference,
 * so a wrong browser clock changes nothing), and what the review options let them see.
 */
export async function getAttempt({ db, userId, assessmentId, now }: { db: PrismaClient; userId: string; assessmentId: string; now: Date }) {
  const assessment = await learnersAssessment(db, assessmentId, userId, now);
  const row = await db.assessmentAttempt.findUnique({ where: { assessmentId_userId: { assessmentId, userId } }, select: { id: true } });
  const base = {
    assessment: {
      id: assessment.id,
      courseId: assessment.courseId,
      titleEn: assessment.titleEn,
      titleZh: assessment.titleZh,
      kind: assessment.kind as "homework" | "exam",
      honourPledge: assessment.honourPledge,
      gradeAtEnd: assessment.kind === "exam" && assessment.gradeAtEnd,
      timeLimitMinutes: assessment.kind === "exam" ? assessment.timeLimitMinutes : null,
      questionCount: assessment.zones.reduce((sum, zone) => sum + zone.draw, 0),
    },
    serverNow: now,
  };
  if (!row) return { ...base, attempt: null };
  const settled = await loadOwnAttempt(db, row.id, userId, now);
  const visible = visibleNow(settled);
  const override = await latestOverride(db, row.id);
  return {
    ...base,
    attempt: {
      id: settled.attempt.id,
      startedAt: settled.attempt.startedAt,
      deadline: settled.deadline,
      finishedAt: settled.attempt.finishedAt,
      finishedBy: settled.attempt.finishedBy as "learner" | "time" | null,
      open: takesAnswers(settled, now),
      visible,
      questions: settled.attempt.questions.map((question) => questionState(settled, question, visible)),
      total: visibleTotal(settled, visible, override?.score ?? null),
    },
  };
}

/** Ends the learner's attempt now (once: a repeated finish changes nothing). */
export async function finishAttempt({ db, userId, attemptId, now }: { db: PrismaClient; userId: string; attemptId: string; now: Date }) {
  const settled = await loadOwnAttempt(db, attemptId, userId, now);
  if (settled.attempt.finishedAt) return { finishedAt: settled.attempt.finishedAt, finishedBy: settled.attempt.finishedBy };
  const claimed = await db.assessmentAttempt.updateMany({ where: { id: attemptId, finishedAt: null }, data: { finishedAt: now, finishedBy: "learner" } });
  // Grade passback to the LMS (when the assessment is placed there): once, by the finish that won.
  if (claimed.count === 1) await requestScoreSync(db, attemptId, now);
  const row = await db.assessmentAttempt.findUnique({ where: { id: attemptId }, select: { finishedAt: true, finishedBy: true } });
  if (!row?.finishedAt) throw new AppError("CONFLICT", "This attempt could not be finished. Try again.", { reason: "attempt.notFinished" });
  return { finishedAt: row.finishedAt, finishedBy: row.finishedBy };
}
