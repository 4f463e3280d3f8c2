import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { requireMember } from "./course-access";

/** Leaves a course; its last owner cannot leave (someone must be able to run it). */
export async function leaveCourse({ db, userId, courseId }: { db: PrismaClient; userId: string; courseId: string }) {
  const role = await requireMember({ db, courseId, userId });
  if (role === "owner" && (await db.courseMember.count({ where: { courseId, role: "owner" } })) === 1) {
    throw new AppError("CONFLICT", "You are this course's only instructor: add another owner before leaving.", { reason: "course.onlyInstructor" });
  }
  await db.courseMember.delete({ where: { courseId_userId: { courseId, userId } } });
  return { courseId, left: true };
}
