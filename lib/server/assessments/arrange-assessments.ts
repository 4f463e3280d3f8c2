import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../courses/course-access";
import { AppError } from "../errors";

/** Puts a course's assessments in the order given (every unarchived one, each once). */
export async function reorderAssessments({ db, userId, courseId, assessmentIds }: { db: PrismaClient; userId: string; courseId: string; assessmentIds: string[] }) {
  await requireOwner({ db, courseId, userId });
  const current = await db.assessment.findMany({ where: { courseId, archivedAt: null }, select: { id: true } });
  const known = new Set(current.map((row) => row.id));
  if (assessmentIds.length !== known.size || new Set(assessmentIds).size !== assessmentIds.length || assessmentIds.some((id) => !known.has(id))) {
    throw new AppError("BAD_INPUT", "assessmentIds: list every assessment of the course exactly once", { field: "assessmentIds", reason: "assessment.listChanged" });
  }
  await db.$transaction(assessmentIds.map((id, position) => db.assessment.update({ where: { id }, data: { position } })));
  return { order: assessmentIds };
}

/**
 * Archives an assessment: learners no longer see it and it leaves the lists, while its attempts,
 * tries and overrides stay in the database (a grade once given is a record). Repeating it changes
 * nothing.
 */
export async function archiveAssessment({ db, userId, assessmentId, now }: { db: PrismaClient; userId: string; assessmentId: string; now: Date }) {
  const row = await db.assessment.findUnique({ where: { id: assessmentId }, select: { courseId: true, archivedAt: true } });
  if (!row) throw new AppError("NOT_FOUND", "There is no such assessment.", { reason: "assessment.notFound" });
  await requireOwner({ db, courseId: row.courseId, userId });
  if (row.archivedAt) return { archivedAt: row.archivedAt };
  const updated = await db.assessment.update({ where: { id: assessmentId }, data: { archivedAt: now } });
  return { archivedAt: updated.archivedAt! };
}
