import type { PrismaClient } from "@/lib/db";
import { answerWindow, attemptDeadline, closesAt, effectiveDates, wallClockOf } from "@/lib/grading/assessments";
import { requireMember, requireOwner } from "../courses/course-access";
import { AppError } from "../errors";
import { overrideOf, scheduleOf } from "./assessment-rules";
import { closeIfTimeIsUp, loadOwnAttempt } from "./load-attempt";
import { visibleNow, visibleTotal } from "./question-state";
import { latestOverride } from "./get-attempt";

/** A course's assessments for its instructors, in order, with how many learners started and finished each. */
export async function listAssessments({ db, userId, courseId }: { db: PrismaClient; userId: string; courseId: string }) {
  await requireOwner({ db, courseId, userId });
  const rows = await db.assessment.findMany({
    where: { courseId, archivedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { zones: { select: { draw: true, points: true } }, attempts: { select: { finishedAt: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    titleEn: row.titleEn,
    titleZh: row.titleZh,
    kind: row.kind as "homework" | "exam",
    published: row.publishedAt !== null,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    timeLimitMinutes: row.timeLimitMinutes,
    questionCount: row.zones.reduce((sum, zone) => sum + zone.draw, 0),
    possiblePoints: row.zones.reduce((sum, zone) => sum + zone.draw * zone.points, 0),
    started: row.attempts.length,
    finished: row.attempts.filter((attempt) => attempt.finishedAt !== null).length,
  }));
}

/** One assessment as its editor shows it: dates as the course's wall clock, zones as saved. */
export async function getAssessment({ db, userId, assessmentId }: { db: PrismaClient; userId: string; assessmentId: string }) {
  const row = await db.assessment.findUnique({ where: { id: assessmentId }, include: { zones: { orderBy: { position: "asc" } }, course: { select: { timeZone: true } } } });
  if (!row || row.archivedAt) throw new AppError("NOT_FOUND", "There is no such assessment.", { reason: "assessment.notFound" });
  await requireOwner({ db, courseId: row.courseId, userId });
  const wall = (instant: Date | null) => (instant ? wallClockOf(instant, row.course.timeZone) : null);
  return {
    id: row.id,
    courseId: row.courseId,
    timeZone: row.course.timeZone,
    titleEn: row.titleEn,
    titleZh: row.titleZh ?? "",
    kind: row.kind as "homework" | "exam",
    zones: row.zones.map((zone) => ({
      titleEn: zone.titleEn ?? "",
      titleZh: zone.titleZh ?? "",
      pool: zone.pool as ({ template: string } | { question: string })[],
      draw: zone.draw,
      points: zone.points,
      pointsPerTry: (zone.pointsPerTry as number[] | null) ?? null,
      shuffle: zone.shuffle,
    })),
    opensAt: wall(row.opensAt),
    dueAt: wall(row.dueAt),
    lateUntil: wall(row.lateUntil),
    lateCredit: row.lateCredit,
    timeLimitMinutes: row.timeLimitMinutes,
    honourPledge: row.honourPledge,
    gradeAtEnd: row.gradeAtEnd,
    showScore: row.showScore as "immediately" | "after-close" | "never",
    showCorrectness: row.showCorrectness as "immediately" | "after-close" | "never",
    showSolution: row.showSolution as "immediately" | "after-close" | "never",
    countsForReview: row.countsForReview,
    published: row.publishedAt !== null,
    attempts: await db.assessmentAttempt.count({ where: { assessmentId } }),
  };
}

/**
 * A course's published assessments for one of its learners: each with its status (not started,
 * in progress, submitted), their due date (accommodation applied), the time left of a started
 * exam on the server's clock, and the score where the review options show it.
 */
export async function learnerAssessments({ db, userId, courseId, now }: { db: PrismaClient; userId: string; courseId: string; now: Date }) {
  const role = await requireMember({ db, courseId, userId });
  if (role !== "learner") return [];
  const rows = await db.assessment.findMany({
    where: { courseId, archivedAt: null, publishedAt: { lte: now } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { zones: { select: { draw: true, points: true } }, overrides: { where: { userId } }, attempts: { where: { userId }, select: { id: true, startedAt: true, finishedAt: true } } },
  });
  return Promise.all(
    rows.map(async (row) => {
      const schedule = scheduleOf(row);
      const override = overrideOf(row.overrides[0]);
      const mine = row.attempts[0] ?? null;
      const base = {
        id: row.id,
        titleEn: row.titleEn,
        titleZh: row.titleZh,
        kind: row.kind as "homework" | "exam",
        opensAt: row.opensAt,
        dueAt: effectiveDates(schedule, override).dueAt,
        closesAt: closesAt(schedule, override),
        timeLimitMinutes: schedule.timeLimitMinutes,
        questionCount: row.zones.reduce((sum, zone) => sum + zone.draw, 0),
        possiblePoints: row.zones.reduce((sum, zone) => sum + zone.draw * zone.points, 0),
        window: answerWindow(schedule, override, now).status,
      };
      if (!mine) return { ...base, status: "not-started" as const, deadline: null, total: null };
      const deadline = attemptDeadline(schedule, override, mine.startedAt);
      const finishedAt = await closeIfTimeIsUp(db, mine, deadline, now);
      const settled = await loadOwnAttempt(db, mine.id, userId, now);
      const visible = visibleNow(settled);
      const scoreOverride = await latestOverride(db, mine.id);
      return {
        ...base,
        status: finishedAt ? ("submitted" as const) : ("in-progress" as const),
        deadline,
        total: visibleTotal(settled, visible, scoreOverride?.score ?? null),
      };
    }),
  );
}
