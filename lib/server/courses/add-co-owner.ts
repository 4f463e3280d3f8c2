import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { requireOwner } from "./course-access";

/** Makes another instructor an owner too (a learner of the course who is an instructor is promoted). */
export async function addCoOwner({ db, userId, courseId, email }: { db: PrismaClient; userId: string; courseId: string; email: string }) {
  await requireOwner({ db, courseId, userId });
  const target = await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } });
  if (!target) throw new AppError("NOT_FOUND", `Nobody has the email ${email}.`, { reason: "course.noSuchEmail", params: { email } });
  if (target.role !== "instructor" && target.role !== "admin") throw new AppError("BAD_INPUT", `${email} is not an instructor, so cannot own a course.`, { reason: "course.notAnInstructor", params: { email } });
  await db.courseMember.upsert({
    where: { courseId_userId: { courseId, userId: target.id } },
    create: { courseId, userId: target.id, role: "owner" },
    update: { role: "owner" },
  });
  return { courseId, userId: target.id, role: "owner" as const };
}
