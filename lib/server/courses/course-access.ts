/**
 * Who may see and change a course, answered in one place. A course someone is not a member of is
 * NOT_FOUND rather than FORBIDDEN, so a learner cannot probe which course ids exist; a member
 * who is not an owner is FORBIDDEN.
 */
import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";

export type CourseRole = "owner" | "learner";

export async function requireMember({ db, courseId, userId }: { db: PrismaClient; courseId: string; userId: string }): Promise<CourseRole> {
  const member = await db.courseMember.findUnique({ where: { courseId_userId: { courseId, userId } } });
  if (!member) throw new AppError("NOT_FOUND", "There is no such course of yours.", { reason: "course.notFound" });
  return member.role as CourseRole;
}

export async function requireOwner({ db, courseId, userId }: { db: PrismaClient; courseId: string; userId: string }): Promise<void> {
  const role = await requireMember({ db, courseId, userId });
  if (role !== "owner") throw new AppError("FORBIDDEN", "Only the course's instructors can do this.", { reason: "course.ownersOnly" });
}

/** The bank's course, after checking that the user owns it. */
export async function requireBankOwner({ db, bankId, userId }: { db: PrismaClient; bankId: string; userId: string }): Promise<{ courseId: string }> {
  const bank = await db.bank.findUnique({ where: { id: bankId }, select: { courseId: true } });
  if (!bank) throw new AppError("NOT_FOUND", "There is no such bank.", { reason: "course.noSuchBank" });
  await requireOwner({ db, courseId: bank.courseId, userId });
  return bank;
}

/** The question's bank and course, after checking that the user owns the course. */
export async function requireQuestionOwner({ db, questionId, userId }: { db: PrismaClient; questionId: string; userId: string }) {
  const question = await db.question.findUnique({ where: { id: questionId }, include: { bank: { select: { courseId: true } } } });
  if (!question) throw new AppError("NOT_FOUND", "There is no such question.", { reason: "course.noSuchQuestion" });
  await requireOwner({ db, courseId: question.bank.courseId, userId });
  return question;
}
