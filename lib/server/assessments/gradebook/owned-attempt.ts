import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../../courses/course-access";
import { AppError } from "../../errors";
import { loadAttempt } from "../load-attempt";

/**
 * A learner's attempt for an owner of its course, settled (closed if its time is up). Ownership is
 * checked before the attempt is touched, so nobody else can even close it; an attempt in a course
 * that is not the caller's is NOT_FOUND, as a course is.
 */
export async function ownedAttempt(db: PrismaClient, attemptId: string, userId: string, now: Date) {
  const row = await db.assessmentAttempt.findUnique({ where: { id: attemptId }, select: { assessment: { select: { courseId: true } } } });
  if (!row) throw new AppError("NOT_FOUND", "There is no such attempt.", { reason: "attempt.notFound" });
  await requireOwner({ db, courseId: row.assessment.courseId, userId });
  return loadAttempt(db, attemptId, now);
}
