import type { PrismaClient } from "@/lib/db";
import { attemptDeadline, effectiveDates, wallClockOf } from "@/lib/grading/assessments";
import { requireOwner } from "../../courses/course-access";
import { AppError } from "../../errors";
import { scoreSyncSummary, type ScoreSyncSummary } from "../../lti/score-sync";
import { overrideOf, scheduleOf } from "../assessment-rules";
import { closeIfTimeIsUp } from "../load-attempt";
import { attemptCell } from "./attempt-cell";

/**
 * The course's gradebook: its learners (members with the learner role, by name) × its published
 * assessments (in the course's order), one cell each. Attempts whose time is up are closed first,
 * on the server's clock, so the table never shows "in progress" for an exam that ended.
 */
export async function loadCourseGradebook({ db, courseId, now }: { db: PrismaClient; courseId: string; now: Date }) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true, title: true, timeZone: true } });
  if (!course) throw new AppError("NOT_FOUND", "There is no such course of yours.", { reason: "course.notFound" });
  const members = await db.courseMember.findMany({
    where: { courseId, role: "learner" },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  const learners = members.map((member) => member.user).sort((a, b) => a.name.localeCompare(b.name, "en") || a.email.localeCompare(b.email, "en"));
  const learnerIds = learners.map((learner) => learner.id);
  const assessments = await db.assessment.findMany({
    where: { courseId, archivedAt: null, publishedAt: { not: null } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: {
      zones: { select: { draw: true, points: true } },
      overrides: { where: { userId: { in: learnerIds } } },
      attempts: {
        where: { userId: { in: learnerIds } },
        include: {
          questions: { select: { awarded: true, points: true, tries: { select: { credit: true, answeredAt: true } } } },
          scoreOverrides: { orderBy: { createdAt: "desc" }, take: 1, select: { score: true } },
        },
      },
    },
  });
  const wall = (instant: Date | null) => (instant ? wallClockOf(instant, course.timeZone) : null);

  // Grade passback to linked LMS courses (AGS): per assessment, the last score sent and what failed.
  const syncs = await scoreSyncSummary({ db, courseId });
  const rosterContexts = await db.ltiContext.count({ where: { courseId, membershipsUrl: { not: null } } });
  const columns: { id: string; titleEn: string; titleZh: string | null; kind: "homework" | "exam"; possible: number; dueAt: string | null; lateUntil: string | null; timeLimitMinutes: number | null; passback: ScoreSyncSummary | null }[] = [];
  const cells = new Map<string, Map<string, ReturnType<typeof cellWithDates>>>();
  for (const assessment of assessments) {
    const schedule = scheduleOf(assessment);
    columns.push({
      id: assessment.id,
      titleEn: assessment.titleEn,
      titleZh: assessment.titleZh,
      kind: assessment.kind as "homework" | "exam",
      possible: assessment.zones.reduce((sum, zone) => sum + zone.draw * zone.points, 0),
      dueAt: wall(assessment.dueAt),
      lateUntil: wall(assessment.lateUntil),
      timeLimitMinutes: schedule.timeLimitMinutes,
      passback: syncs.get(assessment.id) ?? null,
    });
    const byLearner = new Map<string, ReturnType<typeof cellWithDates>>();
    const accommodations = new Map(assessment.overrides.map((row) => [row.userId, row]));
    const attempts = new Map(assessment.attempts.map((attempt) => [attempt.userId, attempt]));
    for (const learnerId of learnerIds) {
      const row = accommodations.get(learnerId) ?? null;
      const override = overrideOf(row);
      const stored = attempts.get(learnerId) ?? null;
      let attempt = stored;
      if (stored && !stored.finishedAt) {
        const finishedAt = await closeIfTimeIsUp(db, stored, attemptDeadline(schedule, override, stored.startedAt), now);
        if (finishedAt) attempt = { ...stored, finishedAt, finishedBy: "time" };
      }
      const cell = attemptCell(attempt, schedule, override, attempt?.scoreOverrides[0]?.score ?? null, now);
      byLearner.set(learnerId, cellWithDates(cell, row, effectiveDates(schedule, override).dueAt, wall));
    }
    cells.set(assessment.id, byLearner);
  }
  return {
    course,
    /** Whether an LMS course linked to this one offers its roster (NRPS): the gradebook offers "sync roster". */
    lmsRoster: rosterContexts > 0,
    assessments: columns,
    learners: learners.map((learner) => ({
      ...learner,
      cells: columns.map((column) => ({ assessmentId: column.id, ...cells.get(column.id)!.get(learner.id)! })),
    })),
  };
}

function cellWithDates(
  cell: ReturnType<typeof attemptCell>,
  accommodation: { dueAt: Date | null; lateUntil: Date | null; extraMinutes: number } | null,
  dueAt: Date | null,
  wall: (instant: Date | null) => string | null,
) {
  return {
    ...cell,
    /** The learner's due date, their accommodation applied, as the course's clocks show it. */
    dueAt: wall(dueAt),
    accommodation: accommodation ? { dueAt: wall(accommodation.dueAt), lateUntil: wall(accommodation.lateUntil), extraMinutes: accommodation.extraMinutes } : null,
  };
}

export type CourseGradebook = Awaited<ReturnType<typeof loadCourseGradebook>>;

/** The gradebook for one of the course's owners; NOT_FOUND for anyone else's course. */
export async function courseGradebook({ db, userId, courseId, now }: { db: PrismaClient; userId: string; courseId: string; now: Date }) {
  await requireOwner({ db, courseId, userId });
  return loadCourseGradebook({ db, courseId, now });
}
