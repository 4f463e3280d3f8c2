import type { PrismaClient } from "@/lib/db";
import { attemptDeadline, closesAt, effectiveDates, instantOf, wallClockOf } from "@/lib/grading/assessments";
import { requireOwner } from "../../courses/course-access";
import { AppError } from "../../errors";
import { requestAssessmentScoreSyncs } from "../../lti/score-sync";
import { overrideOf, scheduleOf } from "../assessment-rules";
import type { AccommodateInput } from "./schemas";

/**
 * A learner's accommodation on one assessment: a later due date or late period, extra minutes on
 * an exam's time limit. Dates arrive as the course's wall clocks; a field left out keeps its value,
 * null gives the learner the assessment's own date again. One row per learner and assessment
 * (upserted): the answer rules read it on every try, so a change applies from the next answer on.
 * An attempt the server already closed stays closed: extra time is for attempts still running.
 * A moved close moves when the learner's score may be seen, so a score passed back to an LMS is
 * sent again (held until the new close, or released).
 */
export async function accommodateLearner({ db, userId, input, now }: { db: PrismaClient; userId: string; input: AccommodateInput; now: Date }) {
  const assessment = await db.assessment.findUnique({ where: { id: input.assessmentId }, include: { course: { select: { timeZone: true } } } });
  if (!assessment || assessment.archivedAt) throw new AppError("NOT_FOUND", "There is no such assessment.", { reason: "assessment.notFound" });
  await requireOwner({ db, courseId: assessment.courseId, userId });
  const member = await db.courseMember.findUnique({ where: { courseId_userId: { courseId: assessment.courseId, userId: input.userId } }, select: { role: true } });
  if (!member || member.role !== "learner") throw new AppError("NOT_FOUND", "userId: this course has no such learner", { field: "userId", reason: "gradebook.noSuchLearner" });

  const zone = assessment.course.timeZone;
  const instant = (wall: string | null | undefined) => (wall === undefined ? undefined : wall === null ? null : instantOf(wall, zone));
  const dueAt = instant(input.dueAt);
  const lateUntil = instant(input.lateUntil);
  const existing = await db.assessmentOverride.findUnique({ where: { assessmentId_userId: { assessmentId: assessment.id, userId: input.userId } } });
  const nextDue = dueAt === undefined ? (existing?.dueAt ?? null) : dueAt;
  const nextLate = lateUntil === undefined ? (existing?.lateUntil ?? null) : lateUntil;
  if (nextLate && nextLate < (nextDue ?? assessment.dueAt ?? nextLate)) {
    throw new AppError("BAD_INPUT", "lateUntil: must not be before the learner's due date", { field: "lateUntil", reason: "gradebook.lateBeforeDue" });
  }

  const row = await db.assessmentOverride.upsert({
    where: { assessmentId_userId: { assessmentId: assessment.id, userId: input.userId } },
    create: { assessmentId: assessment.id, userId: input.userId, dueAt: nextDue, lateUntil: nextLate, extraMinutes: input.extraMinutes },
    update: { dueAt: nextDue, lateUntil: nextLate, extraMinutes: input.extraMinutes },
  });
  const schedule = scheduleOf(assessment);
  const override = overrideOf(row);
  if (closesAt(schedule, overrideOf(existing))?.getTime() !== closesAt(schedule, override)?.getTime()) await requestAssessmentScoreSyncs(db, assessment.id, now, input.userId);
  const attempt = await db.assessmentAttempt.findUnique({ where: { assessmentId_userId: { assessmentId: assessment.id, userId: input.userId } }, select: { startedAt: true, finishedAt: true } });
  const wall = (at: Date | null) => (at ? wallClockOf(at, zone) : null);
  const effective = effectiveDates(schedule, override);
  return {
    accommodation: { dueAt: wall(row.dueAt), lateUntil: wall(row.lateUntil), extraMinutes: row.extraMinutes },
    /** The learner's dates now, the accommodation applied. */
    dueAt: wall(effective.dueAt),
    lateUntil: wall(effective.lateUntil),
    /** When their running attempt stops taking answers (null when none is running or nothing limits it). */
    deadline: attempt && !attempt.finishedAt ? attemptDeadline(schedule, override, attempt.startedAt) : null,
    timeZone: zone,
  };
}
